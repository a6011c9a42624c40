/**
 * Does a text say why a migration cannot be undone? Plain text in, no parser, so the CLI can ask
 * it about SQL comments without loading ESLint.
 */
import { migrationConventions } from '../../knowledge/migrations';

const vague = migrationConventions.vagueReasons.map((phrase) => new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`, 'gi'));
const stopWords = new Set(migrationConventions.reasonStopWords);
const references = migrationConventions.reasonReferences.map((source) => new RegExp(source));

/** Whether a text gives a reason: a link or ticket, or enough words once the marker and vague phrases are gone. */
export function saysWhy(text: string, marker: RegExp | undefined): boolean {
  if (references.some((reference) => reference.test(text))) return true;
  let rest = marker ? text.replace(new RegExp(marker.source, 'gi'), ' ') : text;
  for (const phrase of vague) rest = rest.replace(phrase, ' ');
  const words = rest
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\uffff_'-]+/)
    .map((word) => word.replace(/^['-]+|['-]+$/g, ''))
    .filter((word) => word.length > 1 && !stopWords.has(word));
  return words.length >= migrationConventions.reasonMinWords;
}

