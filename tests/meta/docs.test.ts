/**
 * The docs never lie: every rule has a page, every example on a page is linted, and the generated parts
 * (README rules table, configs list, rule doc headers and options lists) match the rules' metadata.
 *
 * ## How examples are marked in docs/rules/<rule>.md
 *
 * Every ```ts / ```js code block (also `typescript`, `javascript`) carries a marker in an HTML comment on the
 * line right before its opening fence. Readers do not see it; this test reads it:
 *
 *     <!-- incorrect -->   linted with the page's rule alone: at least one report of that rule, nothing else
 *     <!-- correct -->     linted with the page's rule alone: no message at all
 *     <!-- config -->      not an example of the rule (an eslint.config.js, say): must parse, is not linted
 *
 * The word may be followed by a JSON object that changes how the block is linted:
 *
 *     <!-- correct {"options": [{"allowRelations": ["currency"]}]} -->    rule options
 *     <!-- incorrect {"settings": {"dbconventions": {…}}} -->             shared settings
 *     <!-- incorrect {"typed": true} -->                                  with type information
 *     <!-- incorrect {"filename": "migrations/20240101_x.js"} -->        linted as that file (relative to the
 *                                                                         repository root): the migration rules
 *                                                                         decide from the path
 *
 * `typed` blocks are linted as tests/fixtures/file.ts (file.js for js) of the fixture project, with the
 * TypeScript project service: their imports of `./orm` and `./db` resolve to the fixture modules, which
 * re-export the real libraries. Other blocks are linted without type information, as a file of their own.
 *
 * Parsers: ts blocks go through @typescript-eslint/parser; js blocks through espree (ESLint's default), as an
 * ES module when the block has an `import`/`export` statement and as CommonJS otherwise. Each page also needs
 * at least one incorrect and one correct example. Blocks in other languages (sh, json, yaml…) are not checked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules';

const root = path.resolve(__dirname, '../..');
const docsDir = path.join(root, 'docs/rules');
const fixturesDir = path.join(root, 'tests/fixtures');
const namespace = 'dbconventions';
const requireFromHere = createRequire(__filename);

const ruleNames = Object.keys(rules).sort();

type Kind = 'incorrect' | 'correct' | 'config';

interface BlockSettings {
  options?: unknown[];
  settings?: Record<string, unknown>;
  typed?: boolean;
  /** Lint the block as this file, relative to the repository root (the migration rules look at paths). */
  filename?: string;
}

interface CodeBlock {
  /** 1-based line of the opening fence in the markdown file. */
  line: number;
  language: 'ts' | 'js';
  code: string;
  kind: Kind | undefined;
  settings: BlockSettings;
  /** Why the marker could not be read, if it could not. */
  markerError?: string;
}

const LANGUAGES: Record<string, 'ts' | 'js'> = { ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js' };
const MARKER = /^<!--\s*(incorrect|correct|config)\b\s*(.*?)\s*-->\s*$/;

/** The ts/js fenced blocks of a markdown page, each with the marker on the line before it. */
function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const closing = new RegExp(`^\\${fence[0]}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end]!)) end++;
    const language = LANGUAGES[open[2]!.toLowerCase()];
    if (language) {
      const block: CodeBlock = { line: i + 1, language, code: lines.slice(i + 1, end).join('\n') + '\n', kind: undefined, settings: {} };
      const marker = MARKER.exec(lines[i - 1] ?? '');
      if (marker) {
        block.kind = marker[1] as Kind;
        if (marker[2]) {
          try {
            block.settings = JSON.parse(marker[2]) as BlockSettings;
          } catch (error) {
            block.markerError = `the marker's JSON does not parse: ${(error as Error).message}`;
          }
        }
      }
      blocks.push(block);
    }
    i = end;
  }
  return blocks;
}

const linter = new Linter({ configType: 'flat' });
const plugin = { meta: { name: 'eslint-plugin-dbconventions' }, rules };

/** Lints one block with one rule, the way the block's marker says. */
function lintBlock(ruleName: string, block: CodeBlock): Linter.LintMessage[] {
  const { options = [], settings = {}, typed = false, filename: hint } = block.settings;
  const isModule = /^\s*(import|export)\b/m.test(block.code);
  let filename: string;
  let languageOptions: Linter.Config['languageOptions'];
  if (typed) {
    filename = hint ? path.join(root, hint) : path.join(fixturesDir, block.language === 'ts' ? 'file.ts' : 'file.js');
    languageOptions = {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
    };
  } else if (block.language === 'ts') {
    filename = path.join(root, hint ?? 'docs-example.ts');
    languageOptions = { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } };
  } else {
    filename = path.join(root, hint ?? (isModule ? 'docs-example.mjs' : 'docs-example.cjs'));
    languageOptions = { ecmaVersion: 'latest', sourceType: isModule ? 'module' : 'commonjs' };
  }
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
      languageOptions,
      settings,
      plugins: { [namespace]: plugin as never },
      rules: block.kind === 'config' ? {} : { [`${namespace}/${ruleName}`]: ['error', ...options] },
    },
  ];
  return linter.verify(block.code, config, filename);
}

function describeMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? '(parse error)'} ${m.message}`).join('\n');
}

describe('rule docs', () => {
  const pages = fs.readdirSync(docsDir).filter((file) => file.endsWith('.md'));

  it('every rule in src/rules has docs/rules/<name>.md', () => {
    const missing = ruleNames.filter((name) => !pages.includes(`${name}.md`));
    expect(missing, 'rules without a doc page').toEqual([]);
  });

  it('every page in docs/rules belongs to a rule', () => {
    const orphans = pages.map((file) => file.slice(0, -'.md'.length)).filter((name) => !ruleNames.includes(name));
    expect(orphans, 'doc pages without a rule').toEqual([]);
  });

  describe.each(ruleNames.filter((name) => pages.includes(`${name}.md`)))('docs/rules/%s.md', (ruleName) => {
    const file = path.join(docsDir, `${ruleName}.md`);
    const blocks = codeBlocks(fs.readFileSync(file, 'utf8'));
    const where = (block: CodeBlock) => `docs/rules/${ruleName}.md:${block.line}`;

    it('has incorrect and correct examples, and a marker on every ts/js block', () => {
      const unmarked = blocks.filter((block) => block.kind === undefined).map(where);
      expect(unmarked, 'ts/js blocks without an <!-- incorrect --> / <!-- correct --> / <!-- config --> marker').toEqual([]);
      const broken = blocks.filter((block) => block.markerError).map((block) => `${where(block)}: ${block.markerError}`);
      expect(broken).toEqual([]);
      expect(blocks.some((block) => block.kind === 'incorrect'), 'at least one incorrect example').toBe(true);
      expect(blocks.some((block) => block.kind === 'correct'), 'at least one correct example').toBe(true);
    });

    const marked = blocks.filter((block) => block.kind !== undefined && !block.markerError);
    it.each(marked.map((block) => [`${block.kind} example at line ${block.line}${block.settings.typed ? ' (typed)' : ''}`, block] as const))(
      '%s',
      (_title, block) => {
        const messages = lintBlock(ruleName, block);
        const own = messages.filter((m) => m.ruleId === `${namespace}/${ruleName}`);
        const other = messages.filter((m) => m.ruleId !== `${namespace}/${ruleName}`);
        expect(other, `${where(block)}: parse errors or other messages:\n${describeMessages(other)}`).toEqual([]);
        if (block.kind === 'incorrect') {
          expect(own.length, `${where(block)}: an incorrect example that ${ruleName} does not report`).toBeGreaterThan(0);
        } else {
          expect(own, `${where(block)}: a ${block.kind} example that ${ruleName} reports:\n${describeMessages(own)}`).toEqual([]);
        }
      },
    );
  });
});

describe('generated docs (eslint-doc-generator)', () => {
  // eslint-doc-generator loads the plugin through package.json `main`, i.e. the build in dist/.
  it('dist/ is built from the current rules (run `npm run build` if not)', () => {
    const distEntry = path.join(root, 'dist/index.js');
    expect(fs.existsSync(distEntry), 'dist/index.js is missing: run `npm run build`').toBe(true);
    const built = requireFromHere(distEntry) as { rules: Record<string, { meta: unknown }> };
    expect(Object.keys(built.rules).sort(), 'dist/ has other rules than src/: run `npm run build`').toEqual(ruleNames);
    for (const name of ruleNames) {
      const source = (rules as Record<string, { meta: unknown }>)[name]!.meta;
      expect(JSON.stringify(built.rules[name]!.meta), `dist/ has stale metadata for ${name}: run \`npm run build\``).toBe(JSON.stringify(source));
    }
  });

  it('README rules table, configs list and rule doc headers are up to date (`eslint-doc-generator --check`)', () => {
    const packageJson = requireFromHere.resolve('eslint-doc-generator/package.json');
    const { bin } = requireFromHere(packageJson) as { bin: Record<string, string> };
    const cli = path.resolve(path.dirname(packageJson), bin['eslint-doc-generator']!);
    const result = spawnSync(process.execPath, [cli, '--check'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const output = `${result.stdout}\n${result.stderr}`.trim();
    expect(result.error, 'could not run eslint-doc-generator').toBeUndefined();
    expect(result.status, `eslint-doc-generator --check failed (run \`npm run docs\`):\n${output}`).toBe(0);
  });
});

describe('README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it('tells contributors how to see the rules fire and how to run the tests', () => {
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });

  it('links every rule', () => {
    for (const name of ruleNames) expect(readme).toContain(`(docs/rules/${name}.md)`);
  });
});
