/**
 * Shared by the integration tests: throwaway projects on disk, the build check, child processes
 * for npm, and lint results reduced to what the tests assert.
 *
 * Where a temp project lives decides how `eslint-plugin-dbconventions` resolves in it:
 * - `location: 'repo'` (default): under `tests/.tmp/` (git-ignored), inside this package's scope
 *   and without a package.json of its own, so `import`/`require('eslint-plugin-dbconventions')`
 *   (and eslintrc's `plugins` name resolution) reach `dist/` by Node's package self-reference, and
 *   `typeorm`, `@typescript-eslint/parser`, `eslint/config` resolve from the repo's node_modules.
 * - `location: 'os'`: under `os.tmpdir()`, outside the repo, for the packed tarball: nothing there
 *   can see the repo's node_modules.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = path.resolve(__dirname, '..', '..');
const inRepoTmp = path.join(repoRoot, 'tests', '.tmp');

export interface TempProject {
  /** Absolute, real path of the project folder. */
  readonly dir: string;
  /** Absolute path of a file in the project. */
  path(relative: string): string;
  write(files: Readonly<Record<string, string>>): void;
  remove(): void;
}

export function createTempProject(
  name: string,
  files: Readonly<Record<string, string>> = {},
  { location = 'repo' }: { location?: 'repo' | 'os' } = {},
): TempProject {
  if (location === 'repo' && Object.keys(files).some((file) => path.basename(file) === 'package.json')) {
    throw new Error('An in-repo temp project must not have a package.json: it would cut off the self-reference.');
  }
  const parent = location === 'repo' ? inRepoTmp : os.tmpdir();
  fs.mkdirSync(parent, { recursive: true });
  const prefix = location === 'repo' ? `integration-${name}-` : `dbconventions-integration-${name}-`;
  // realpath: ESLint reports real paths, and os.tmpdir() can be a symlink.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(parent, prefix)));
  const project: TempProject = {
    dir,
    path: (relative) => path.join(dir, relative),
    write(more) {
      for (const [relative, text] of Object.entries(more)) {
        const file = path.join(dir, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  project.write(files);
  return project;
}

/** The tests run against `dist/`; they never build it themselves (a rebuild would pull it from under the other test files). */
export function assertBuilt(): void {
  for (const file of ['dist/index.js', 'dist/index.d.ts']) {
    if (!fs.existsSync(path.join(repoRoot, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` before the integration tests.`);
    }
  }
}

/**
 * The environment for a child npm: without the `npm_*` variables a parent `npm test` exports
 * (`npm_config_local_prefix` points at this repo, and a child npm would install into it).
 */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

export async function runNpm(args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('npm', [...args], {
      cwd,
      env: childEnv(),
      maxBuffer: 64 * 1024 * 1024,
      shell: process.platform === 'win32',
    });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stderr ?? ''}\n${stdout ?? ''}`, { cause: error });
  }
}

/** What every ESLint major's result has in common, as far as these tests read it. */
export interface LintMessageLike {
  readonly ruleId: string | null;
  readonly messageId?: string;
  readonly severity: number;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}
export interface LintResultLike {
  readonly filePath: string;
  readonly messages: readonly LintMessageLike[];
}

export interface MessageSummary {
  ruleId: string | null;
  messageId: string | undefined;
  severity: number;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  /** The message up to its first colon: `Relation \`user\` is declared eager`. */
  headline: string;
}

/**
 * Results keyed by the file's path relative to `baseDir` (with `/`), each reduced to rule id,
 * message id, position and the message's headline. A parse error shows up as `ruleId: null`.
 */
export function summarize(results: readonly LintResultLike[], baseDir: string): Record<string, MessageSummary[]> {
  const summary: Record<string, MessageSummary[]> = {};
  for (const result of results) {
    const file = path.relative(baseDir, result.filePath).split(path.sep).join('/');
    summary[file] = result.messages.map((message) => ({
      ruleId: message.ruleId,
      messageId: message.messageId,
      severity: message.severity,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      headline: message.message.split(':')[0] ?? '',
    }));
  }
  return summary;
}
