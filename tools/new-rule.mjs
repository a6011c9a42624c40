#!/usr/bin/env node
// Scaffolds a rule in the house shape, so every rule starts the same way:
//
//   npm run new-rule <name> [-- --library <id>]
//
//   src/rules/<name>.ts                      createRule, meta (docs, messages, schema, defaultOptions), a create()
//                                            that asks the engines and reports
//   src/rules/index.ts                       the new entry, imports and map kept in alphabetical order
//   tests/rules/<name>/<library>.test.ts     runRuleTests: valid look-alike, invalid case with messageId/line/column
//   docs/rules/<name>.md                     the doc skeleton, examples marked for tests/meta/docs.test.ts
//
// The scaffold works as it stands (its tests and doc examples pass): it reports creating a client of the
// placeholder library (`new DataSource()` for typeorm), which shows the engine call to replace with what the
// rule is really about. `--library` picks the placeholder library by its id in src/knowledge (default
// typeorm); it must have a factory there. Refuses a name that is not kebab-case or already exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

function fail(message) {
  console.error(`new-rule: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------- arguments

const args = process.argv.slice(2);
let name;
let libraryId = 'typeorm';
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--library' || arg === '-l') libraryId = args[++i];
  else if (arg.startsWith('--library=')) libraryId = arg.slice('--library='.length);
  else if (arg === '--help' || arg === '-h') {
    console.log('Usage: npm run new-rule <name> [-- --library <id>]\n  <name>  kebab-case rule name, e.g. no-interpolated-sql\n  <id>    placeholder library id from src/knowledge (default: typeorm)');
    process.exit(0);
  } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
  else if (name === undefined) name = arg;
  else fail(`unexpected argument ${arg}: one rule name at a time`);
}

if (!name) fail('missing rule name. Usage: npm run new-rule <name> [-- --library <id>]');
if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name)) {
  fail(`"${name}" is not a kebab-case rule name (lowercase words joined by single dashes, e.g. no-interpolated-sql)`);
}
if (!libraryId || !/^[a-z0-9-]+$/.test(libraryId)) fail('--library needs a library id, e.g. --library pg');

const identifier = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const files = {
  rule: path.join(root, 'src/rules', `${name}.ts`),
  index: path.join(root, 'src/rules/index.ts'),
  testDir: path.join(root, 'tests/rules', name),
  test: path.join(root, 'tests/rules', name, `${libraryId}.test.ts`),
  doc: path.join(root, 'docs/rules', `${name}.md`),
};

// ------------------------------------------------------------------------------------------ refuse clashes

const index = fs.readFileSync(files.index, 'utf8');
const existing = [files.rule, files.testDir, files.doc].filter((file) => fs.existsSync(file)).map(rel);
if (index.includes(`'${name}'`) || new RegExp(`\\b${identifier}\\b`).test(index)) existing.push('src/rules/index.ts entry');
if (existing.length > 0) fail(`rule "${name}" already exists: ${existing.join(', ')}`);

// ----------------------------------------------------------------------------- the placeholder library

const knowledgeFile = path.join(root, 'src/knowledge', `${libraryId}.ts`);
const knowledge = fs.existsSync(knowledgeFile) ? fs.readFileSync(knowledgeFile, 'utf8') : '';
if (!new RegExp(`\\bid: '${libraryId}'`).test(knowledge)) {
  const ids = fs
    .readdirSync(path.join(root, 'src/knowledge'))
    .map((file) => /\bid: '([^']+)'/.exec(fs.readFileSync(path.join(root, 'src/knowledge', file), 'utf8'))?.[1])
    .filter(Boolean)
    .sort();
  fail(`unknown library id "${libraryId}". Known: ${ids.join(', ')}`);
}
const libraryName = /\bname: '([^']+)'/.exec(knowledge)?.[1] ?? libraryId;
const moduleName = /\bmodules: \[\s*'([^']+)'/.exec(knowledge)?.[1];
const factory = /\{\s*export: '([^']+)',\s*via: '(new|call)'/.exec(knowledge);
if (!moduleName || !factory) {
  fail(`src/knowledge/${libraryId}.ts names no module or no factory to build the placeholder from; pick another --library (typeorm, pg, knex…) and change it in the rule afterwards`);
}
const [, factoryExport, factoryVia] = factory;

/** A line that creates a client of the library, and the column where the created expression starts. */
function clientCode(fromModule) {
  const segments = factoryExport.split('.');
  const local = segments[0] === 'default' ? identifierFor(moduleName) : segments[0];
  const importLine =
    segments[0] === 'default' ? `import ${local} from '${fromModule}';` : `import { ${local} } from '${fromModule}';`;
  const callee = [local, ...segments.slice(1)].join('.');
  const prefix = 'export const client = ';
  const expression = `${factoryVia === 'new' ? 'new ' : ''}${callee}({})`;
  return { code: `\n${importLine}\n\n${prefix}${expression};\n`, line: 4, column: prefix.length + 1 };
}

function identifierFor(moduleSpecifier) {
  const base = moduleSpecifier.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''));
  return /^[A-Za-z_$]/.test(base) ? base : `lib${base}`;
}

const invalid = clientCode(moduleName);
const valid = clientCode(`./not-${libraryId}`);

// ----------------------------------------------------------------------------------------------- templates

const ruleSource = `import type { TSESTree } from '@typescript-eslint/utils';
import { getLibraryIndex } from '../analysis/objects/imports';
import { createRule } from '../util/create-rule';

type Options = [{ allowExports?: string[] }];
type MessageIds = 'unexpected';

// TODO: what this rule is for. It reports creating a ${libraryName} client only to show the shape:
// replace the visitor with the question this rule asks. Facts about libraries belong in
// src/knowledge (plain data); questions about code are answered by the engines in src/analysis.
const LIBRARIES: readonly string[] = ['${libraryId}'];

export default createRule<Options, MessageIds>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TODO: say what this rule reports',
      recommended: 'strict',
      libraries: LIBRARIES,
    },
    messages: {
      // Teach: what is wrong, what it costs, and what to do instead.
      unexpected: 'TODO: \`{{name}}\` from {{library}} is reported by the ${name} scaffold. Say what is wrong, what it costs, and what to do instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowExports: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Library exports this rule never reports (an example option: replace or remove it).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowExports: [] }],
  },
  defaultOptions: [{ allowExports: [] }],
  create(context, [options]) {
    const allowed = new Set(options.allowExports ?? []);

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      // Cheap syntactic filters first; then ask the engines. The import index is built once per
      // file, however many rules ask (typed answers: \`declarationOf\` in src/analysis/objects/type-checker.ts;
      // option objects of library calls: \`matchArgumentSite\` in src/analysis/objects/call-sites.ts).
      const origin = getLibraryIndex(context).calleeOrigin(node);
      if (!origin || !LIBRARIES.includes(origin.library.id) || allowed.has(origin.name)) return;
      context.report({
        node,
        messageId: 'unexpected',
        data: { name: origin.name, library: origin.library.name },
      });
    }

    return {
      CallExpression: check,
      NewExpression: check,
    };
  },
});
`;

const testSource = `import rule from '../../../src/rules/${name}';
import { runRuleTests } from '../../helpers/rule-tester';

// Every case runs untyped and typed; \`js: true\` also runs it as plain JavaScript through espree.
// Add one file per library the rule understands (${libraryId}.test.ts, pg.test.ts…), and name the
// look-alikes that must stay quiet.
runRuleTests('${name}: ${libraryName}', rule, {
  valid: [
    // The same call on something that is not ${libraryName}.
    {
      code: \`${valid.code}\`,
      js: true,
    },
    {
      code: \`${invalid.code}\`,
      options: [{ allowExports: ['${factoryExport}'] }],
    },
  ],
  invalid: [
    {
      code: \`${invalid.code}\`,
      js: true,
      errors: [{ messageId: 'unexpected', line: ${invalid.line}, column: ${invalid.column} }],
    },
  ],
});
`;

const docSource = `# ${name}

<!-- end auto-generated rule header -->

TODO: one paragraph on what goes wrong, for whom, and when.

## Rule details

TODO: the convention this rule enforces (quote it), what the rule reports in each library, where the report
sits, and what the message and any suggestion do.

### Examples

#### ${libraryName}

Examples of **incorrect** code:

<!-- incorrect -->
\`\`\`ts${invalid.code}\`\`\`

Examples of **correct** code:

<!-- correct -->
\`\`\`ts${valid.code}\`\`\`

## How the rule recognises each library

TODO: what is caught by import (untyped), by type (typed mode), and by shape, and what is never reported.

## Options

<!-- begin auto-generated rule options list -->
<!-- end auto-generated rule options list -->

### \`allowExports\`

TODO: what the option is for, with an example.

## When not to use it

TODO: when turning the rule off is the right call.
`;

// ------------------------------------------------------------------------------------- src/rules/index.ts

/** Adds the rule to the imports and to the map, both kept in alphabetical order of rule names. */
function addToIndex(source) {
  const lines = source.split('\n');
  const importPattern = /^import (\w+) from '\.\/([a-z0-9-]+)';$/;
  const entryPattern = /^ {2}'([a-z0-9-]+)': (\w+),$/;
  const imports = lines.map((line, i) => [i, importPattern.exec(line)]).filter(([, m]) => m);
  const entries = lines.map((line, i) => [i, entryPattern.exec(line)]).filter(([, m]) => m);
  const contiguous = (found) => found.every(([i], k) => k === 0 || i === found[k - 1][0] + 1);
  if (imports.length === 0 || entries.length === 0 || !contiguous(imports) || !contiguous(entries)) {
    fail('src/rules/index.ts is not in the expected shape (one `import x from \'./rule\';` line per rule, one `\'rule\': x,` line per entry); add the rule by hand');
  }
  const sorted = (items) => items.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const newImports = sorted([...imports.map(([, m]) => ({ rule: m[2], line: m[0] })), { rule: name, line: `import ${identifier} from './${name}';` }]);
  const newEntries = sorted([...entries.map(([, m]) => ({ rule: m[1], line: m[0] })), { rule: name, line: `  '${name}': ${identifier},` }]);
  const out = [...lines];
  // Replace the later block first so the earlier block's line numbers stay valid.
  const blocks = [
    { start: imports[0][0], count: imports.length, lines: newImports.map((item) => item.line) },
    { start: entries[0][0], count: entries.length, lines: newEntries.map((item) => item.line) },
  ].sort((a, b) => b.start - a.start);
  for (const block of blocks) out.splice(block.start, block.count, ...block.lines);
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------- write

const newIndex = addToIndex(index);
fs.writeFileSync(files.rule, ruleSource, { flag: 'wx' });
fs.mkdirSync(files.testDir, { recursive: true });
fs.writeFileSync(files.test, testSource, { flag: 'wx' });
fs.writeFileSync(files.doc, docSource, { flag: 'wx' });
fs.writeFileSync(files.index, newIndex);

console.log(`Created rule ${name} (placeholder library: ${libraryId}):
  created  ${rel(files.rule)}
  updated  ${rel(files.index)}
  created  ${rel(files.test)}
  created  ${rel(files.doc)}

Next:
  1. Write the rule: replace the TODOs in ${rel(files.rule)} (description, messages, options, visitor).
  2. Test it per library in ${rel(files.testDir)}/ (valid look-alikes, invalid cases with line and column).
  3. Document it in ${rel(files.doc)}: every ts/js block marked <!-- incorrect --> or <!-- correct -->.
  4. npm run docs          (builds, then generates the doc header and the README table row)
  5. npx vitest run tests/rules/${name} tests/meta`);
