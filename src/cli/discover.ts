/**
 * Finds the migrations of a project on disk (or at a git ref) for the CLI: walks the project root,
 * skipping dependency, build and hidden folders, reads only the files that can be migrations, and
 * classifies them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { classifyMigrationFile, isMigrationCandidate, type FileProbe, type MigrationFileInfo } from '../analysis/migrations/files-on-disk';
import { contentKind } from '../analysis/migrations/hash';

const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'bower_components', 'jspm_packages', 'target']);

export interface DiscoveredMigration extends MigrationFileInfo {
  readonly text: string;
}

export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every script and SQL file below `root`, relative, with `/`, in a stable order. */
function candidateFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (directory: string, relative: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => byPath(a.name, b.name));
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
        walk(path.join(directory, entry.name), child);
      } else if (entry.isFile() && contentKind(entry.name) !== 'text') {
        found.push(child);
      }
    }
  };
  walk(root, '');
  return found;
}

function classifyAll(paths: readonly string[], read: (relative: string) => string | undefined, folders: readonly string[], probe: FileProbe): DiscoveredMigration[] {
  const migrations: DiscoveredMigration[] = [];
  for (const relative of [...paths].sort(byPath)) {
    if (!isMigrationCandidate(relative, folders, probe)) continue;
    const text = read(relative);
    if (text === undefined) continue;
    const info = classifyMigrationFile(relative, text, folders, probe);
    if (info) migrations.push({ ...info, text });
  }
  return migrations;
}

/** The migrations below `root`, classified, in path order. */
export function discoverMigrations(root: string, folders: readonly string[]): DiscoveredMigration[] {
  const probe = { exists: (relative: string) => fs.existsSync(path.join(root, relative)) };
  const read = (relative: string): string | undefined => {
    try {
      return fs.readFileSync(path.join(root, relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  return classifyAll(candidateFiles(root), read, folders, probe);
}

/** The migrations among the files of a git ref (paths relative to the project root). */
export function classifyRefFiles(paths: ReadonlySet<string>, read: (relative: string) => string | undefined, folders: readonly string[]): DiscoveredMigration[] {
  const candidates = [...paths].filter((relative) => {
    if (contentKind(relative) === 'text') return false;
    return !relative.split('/').slice(0, -1).some((segment) => SKIPPED.has(segment) || segment.startsWith('.'));
  });
  return classifyAll(candidates, read, folders, { exists: (relative) => paths.has(relative) });
}
