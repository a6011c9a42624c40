/**
 * ESLint 10 with `concurrency: 2`: worker threads load the config file (and so the plugin) on
 * their own, and the results must equal a single-thread run's, message for message.
 */
import fs from 'node:fs';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_JS, VIOLATION_JS, eagerReport } from './fixtures';
import { assertBuilt, createTempProject, summarize, type TempProject } from './helpers';

const PAIRS = 4;

/** `violation-N.js` shifted down by N comment lines (so each file's report is its own), and `clean-N.js`. */
function sources(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 0; n < PAIRS; n += 1) {
    files[`violation-${n}.js`] = `${'// padding\n'.repeat(n)}${VIOLATION_JS}`;
    files[`clean-${n}.js`] = CLEAN_JS;
  }
  return files;
}

// Records the thread of every evaluation of the config file, to prove the workers loaded it.
const CONFIG = `import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import dbconventions from 'eslint-plugin-dbconventions';

appendFileSync(new URL('./config-loads.log', import.meta.url), threadId + '\\n');

export default [dbconventions.configs['flat/recommended']];
`;

describe('ESLint 10 with concurrency: 2', () => {
  let project: TempProject;

  beforeAll(() => {
    assertBuilt();
    project = createTempProject('eslint10-concurrency', { ...sources(), 'eslint.config.mjs': CONFIG });
  });
  afterAll(() => project?.remove());

  it('lints in worker threads with the same results as one thread', async () => {
    const single = await new ESLint({ cwd: project.dir, concurrency: 'off' }).lintFiles(['*.js']);
    const threaded = await new ESLint({ cwd: project.dir, concurrency: 2 }).lintFiles(['*.js']);

    const expected: Record<string, ReturnType<typeof eagerReport>[]> = {};
    for (let n = 0; n < PAIRS; n += 1) {
      expected[`violation-${n}.js`] = [eagerReport('user', 7 + n, 50)];
      expected[`clean-${n}.js`] = [];
    }
    expect(summarize(single, project.dir)).toEqual(expected);

    // Equal as a whole: same files in the same order, same messages (text, positions, suggestions), same counts.
    const comparable = (results: ESLint.LintResult[]) =>
      results.map(({ filePath, messages, errorCount, warningCount, fatalErrorCount, suppressedMessages }) => ({
        filePath,
        messages,
        errorCount,
        warningCount,
        fatalErrorCount,
        suppressedMessages,
      }));
    expect(threaded).toHaveLength(2 * PAIRS);
    expect(comparable(threaded)).toEqual(comparable(single));

    // The plugin was loaded inside a worker thread (thread id 0 is the main thread).
    const threads = fs.readFileSync(project.path('config-loads.log'), 'utf8').trim().split('\n').map(Number);
    expect(threads.some((id) => id !== 0)).toBe(true);
  });
});
