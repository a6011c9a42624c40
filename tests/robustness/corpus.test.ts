/**
 * Robustness (DESIGN.md, "Bars"): every rule of the plugin, with its defaults and with each
 * option set of `option-sets.ts`, over the whole bench corpus (generated apps and published
 * package code, built by bench/corpus.mjs if missing) and over odd-syntax snippets, untyped;
 * then typed over a sample of the corpus's TypeScript files. Zero exceptions allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusManifest } from '../../bench/corpus.mjs' with { 'resolution-mode': 'import' };
import plugin from '../../src/index';
import { formatFailures, lintAll, ruleRuns, type Failure } from './harness';
import { robustnessOptionSets } from './option-sets';
import { snippets } from './snippets';

const TYPED_SAMPLE = 150;
const LONG = 15 * 60_000;

let manifest: CorpusManifest;
let CORPUS_DIR: string;

beforeAll(async () => {
  // The builder is an ES module (bench/ is plain Node); these tests compile as CommonJS.
  const corpus = await import('../../bench/corpus.mjs');
  CORPUS_DIR = corpus.CORPUS_DIR;
  manifest = await corpus.buildCorpus({ quiet: true });
}, LONG);

function* corpusFiles(paths: readonly string[]): Generator<{ file: string; text: string }> {
  for (const file of paths) yield { file, text: fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8') };
}

function expectNoFailures(failures: readonly Failure[]): void {
  if (failures.length) throw new Error(formatFailures(failures));
  expect(failures).toHaveLength(0);
}

describe('the option-set table', () => {
  it('names only rules the plugin has', () => {
    expect(Object.keys(robustnessOptionSets).filter((rule) => !(rule in plugin.rules))).toEqual([]);
  });
});

describe('every rule over the bench corpus, untyped', () => {
  it(
    'every rule, with its defaults and each option set: zero exceptions',
    () => {
      const runs = ruleRuns();
      const started = Date.now();
      const { failures, findings, files } = lintAll(corpusFiles(manifest.files.map((f) => f.path)), runs, {
        cwd: CORPUS_DIR,
        commonjsGlobs: manifest.commonjsGlobs,
      });
      console.log(`robustness: ${runs.length} rule runs over ${files} files in ${((Date.now() - started) / 1000).toFixed(1)} s; findings ${JSON.stringify(findings)}`);
      expect(files).toBe(manifest.counts.total);
      expectNoFailures(failures);
    },
    LONG,
  );
});

describe('every rule over odd syntax, untyped', () => {
  const runs = ruleRuns();
  it.each(snippets.map((s) => [s.name, s] as const))('%s', (_name, snippet) => {
    const { failures } = lintAll([{ file: snippet.filename, text: snippet.code }], runs, { cwd: path.join(CORPUS_DIR, '__snippets__') });
    expectNoFailures(failures);
  });
});

describe('every rule over a sample of the corpus, typed', () => {
  it(
    `${TYPED_SAMPLE} TypeScript files with a project service: zero exceptions`,
    () => {
      const ts = manifest.files.filter((f) => f.lang === 'ts').map((f) => f.path);
      // Spread over the corpus: every k-th file, so every kind of app and the real TS code appear.
      const step = Math.max(1, Math.floor(ts.length / TYPED_SAMPLE));
      const sample = ts.filter((_, i) => i % step === 0).slice(0, TYPED_SAMPLE);
      const started = Date.now();
      const { failures, findings } = lintAll(corpusFiles(sample), ruleRuns(), { cwd: CORPUS_DIR, typed: true });
      console.log(`robustness typed: ${sample.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s; findings ${JSON.stringify(findings)}`);
      expectNoFailures(failures);
    },
    LONG,
  );
});
