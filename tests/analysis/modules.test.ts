import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { clearModuleCache, moduleReads, modulesReused, rememberLintedFile } from '../../src/analysis/modules/load';
import { getLinks } from '../../src/analysis/modules/link';
import { clearResolutionCache, parseJsonc, resolveProjectModule } from '../../src/analysis/modules/resolve';

const project = path.resolve(__dirname, '../fixtures/project');
const root = path.resolve(__dirname, '../..');

/** Lints `code` as `file` and records, for every call, the project function it runs (`file:line`). */
function calledFunctions(code: string, file = path.join(project, 'src/routes/orders.ts'), cwd = root): string[] {
  const seen: string[] = [];
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      // As every rule of the plugin does (createRule).
      rememberLintedFile(context);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          const target = getLinks(context)?.calledFunction(node);
          if (target) seen.push(`${context.sourceCode.getText(node.callee)} -> ${path.relative(project, target.context.filename)}:${target.fn.loc.start.line}`);
        },
      };
    },
  };
  const messages = new Linter({ cwd }).verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser }, plugins: { probe: { rules: { probe } } } as never, rules: { 'probe/probe': 'error' } }],
    file,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return seen;
}

/** `calledFunctions` in typed mode: the fixture project's own tsconfig, through typescript-eslint's project service. */
function calledFunctionsTyped(code: string, file: string): string[] {
  const seen: string[] = [];
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        CallExpression(node: TSESTree.CallExpression) {
          const target = getLinks(context)?.calledFunction(node);
          if (target) seen.push(`${context.sourceCode.getText(node.callee)} -> ${path.relative(project, target.context.filename)}:${target.fn.loc.start.line}`);
        },
      };
    },
  };
  const messages = new Linter({ cwd: root }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: project } },
        plugins: { probe: { rules: { probe } } } as never,
        rules: { 'probe/probe': 'error' },
      },
    ],
    file,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return seen;
}

describe('module resolution', () => {
  it('resolves relative paths, extensions written as .js, index files and tsconfig paths', () => {
    const from = path.join(project, 'src/routes/orders.ts');
    expect(resolveProjectModule(from, '../lib/db', root)).toBe(path.join(project, 'src/lib/db.ts'));
    expect(resolveProjectModule(from, '../lib/db.js', root)).toBe(path.join(project, 'src/lib/db.ts'));
    expect(resolveProjectModule(from, '../lib', root)).toBe(path.join(project, 'src/lib/index.ts'));
    expect(resolveProjectModule(from, '@app/utils/http', root)).toBe(path.join(project, 'src/utils/http.ts'));
    expect(resolveProjectModule(from, '../lib/pool', root)).toBe(path.join(project, 'src/lib/pool.js'));
  });

  it('never answers with a package, node_modules, a declaration file or a file outside the project root', () => {
    const from = path.join(project, 'src/routes/orders.ts');
    expect(resolveProjectModule(from, 'knex', root)).toBeUndefined();
    expect(resolveProjectModule(from, 'node:fs', root)).toBeUndefined();
    expect(resolveProjectModule(from, '../../../../../node_modules/knex/types/index', root)).toBeUndefined();
    expect(resolveProjectModule(from, '../lib/db', path.join(project, 'src/routes'))).toBeUndefined();
    expect(resolveProjectModule(from, '../lib/missing', root)).toBeUndefined();
  });

  it('trusts what the disk said for a few seconds, and forgets it on request', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-resolve-'));
    try {
      const from = path.join(dir, 'main.ts');
      expect(resolveProjectModule(from, './late', dir)).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'late.ts'), 'export const x = 1;\n');
      // Asked again at once, the earlier answer stands: no stat of eight candidates per import per file.
      expect(resolveProjectModule(from, './late', dir)).toBeUndefined();
      clearResolutionCache();
      expect(resolveProjectModule(from, './late', dir)).toBe(path.join(dir, 'late.ts'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads tsconfig files as JSON with comments and trailing commas', () => {
    expect(parseJsonc('{ // a comment\n "a": "http://x/*y*/", /* block */ "b": [1, 2,], }')).toEqual({ a: 'http://x/*y*/', b: [1, 2] });
    expect(parseJsonc('{ not json')).toBeUndefined();
  });

  it('follows `extends` to the base tsconfig that declares paths', () => {
    const dir = fs.mkdtempSync(path.join(root, 'tests/.tmp-modules-'));
    try {
      fs.mkdirSync(path.join(dir, 'app/src/db'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'tsconfig.base.json'), '{ "compilerOptions": { "baseUrl": ".", "paths": { "~db/*": ["app/src/db/*"] } } }');
      fs.writeFileSync(path.join(dir, 'app/tsconfig.json'), '{ "extends": "../tsconfig.base.json" }');
      fs.writeFileSync(path.join(dir, 'app/src/db/client.ts'), 'export const x = 1;');
      expect(resolveProjectModule(path.join(dir, 'app/src/main.ts'), '~db/client', root)).toBe(path.join(dir, 'app/src/db/client.ts'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('calledFunction', () => {
  it('finds functions through named and default imports, namespaces, barrels, aliases, re-exports and CommonJS', () => {
    const seen = calledFunctions(`
import { rawQuery } from '../lib/db';
import * as db from '../lib/db';
import { knexRaw, withTransaction } from '@app/lib';
import knexDefault from '../lib/knex';
const { query } = require('../lib/pool');
const webhook = require('../lib/webhook');
import audit from '../utils/audit';
rawQuery('x');
audit('x');
db.rawQuery('x');
knexRaw('x');
withTransaction('x', async () => {});
query('x');
webhook.post('x');
knexDefault.raw('x');
`);
    expect(seen).toEqual([
      'rawQuery -> src/lib/db.ts:6',
      'audit -> src/utils/audit.ts:4',
      'db.rawQuery -> src/lib/db.ts:6',
      'knexRaw -> src/lib/knex.ts:6',
      'withTransaction -> src/lib/db.ts:16',
      'query -> src/lib/pool.js:6',
      'webhook.post -> src/lib/webhook.js:4',
    ]);
  });

  it('finds methods: constructed, static, injected, inherited, on a constant object', () => {
    const seen = calledFunctions(`
import { MailService, mailer } from '../services/mail.service';
import { InviteEmail } from '../jobs/invite-email';
import { UserRepository } from '../services/user.repository';
class Controller {
  private readonly field: MailService = new MailService();
  constructor(private readonly users: UserRepository) {}
  run(mail: MailService) {
    new InviteEmail('a').schedule();
    InviteEmail.scheduleAll([]);
    this.users.runQuery('x');
    this.field.sendWelcome('a');
    mail.welcomeText('a');
    mailer.send('a');
  }
}
`);
    expect(seen).toEqual([
      "new InviteEmail('a').schedule -> src/jobs/invite-email.ts:8",
      'InviteEmail.scheduleAll -> src/jobs/invite-email.ts:12',
      'this.users.runQuery -> src/services/base.repository.ts:12',
      'this.field.sendWelcome -> src/services/mail.service.ts:6',
      'mail.welcomeText -> src/services/mail.service.ts:15',
      'mailer.send -> src/services/mail.service.ts:28',
    ]);
  });

  it("finds a model's own methods on the rows its library finders return, and leaves the library's methods", () => {
    const code = `
import { Order, Ticket, Archive, Invoice } from '../entities/order.model';
export async function ship(id: number) {
  const invoice = await Invoice.findOne({ where: { id } });
  await invoice.send();
  const order = await Order.findByPk(id);
  await order.notifyShipped();
  await order.update({ shipped: true });
  Order.build({}).notifyShipped();
  const ticket = await Ticket.findOneBy({ id });
  ticket.close();
  const archived = await Archive.findByPk(id);
  archived.restore();
}
`;
    const expected = [
      'invoice.send -> src/entities/order.model.ts:40',
      'order.notifyShipped -> src/entities/order.model.ts:14',
      'Order.build({}).notifyShipped -> src/entities/order.model.ts:14',
      'ticket.close -> src/entities/order.model.ts:21',
      // The project's own finder is followed; what it returns is not a row of the model.
      'Archive.findByPk -> src/entities/order.model.ts:28',
    ];
    expect(calledFunctions(code)).toEqual(expected);
    // Typed, the checker also knows what the project's own finder returns.
    expect(calledFunctionsTyped(code, path.join(project, 'src/routes/orders.ts'))).toEqual([...expected, 'archived.restore -> src/entities/order.model.ts:29']);
  });

  it('gives nothing for packages, unknown names, a module that does not parse, or followModules: false', () => {
    expect(calledFunctions(`import knex from 'knex';\nimport { rawQuery } from '../lib/broken';\nknex('t');\nrawQuery('x');\nunknown();`)).toEqual([]);
  });

  it('stays inside the project root: the working folder bounds what is read', () => {
    expect(calledFunctions(`import { rawQuery } from '../lib/db';\nrawQuery('x');`, path.join(project, 'src/routes/orders.ts'), path.join(project, 'src/routes'))).toEqual([]);
  });
});

describe('module cache', () => {
  afterAll(() => clearModuleCache());

  it('reads a module once while it is unchanged, and again after it changes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-cache-'));
    try {
      const helper = path.join(dir, 'helper.ts');
      fs.writeFileSync(helper, 'export function a() {}\n');
      const code = `import { a } from './helper';\na();`;
      const before = moduleReads();
      expect(calledFunctions(code, path.join(dir, 'main.ts'), dir)).toEqual(['a -> ' + path.relative(project, helper) + ':1']);
      expect(calledFunctions(code, path.join(dir, 'other.ts'), dir)).toHaveLength(1);
      expect(moduleReads() - before).toBe(1);
      fs.writeFileSync(helper, '\n\nexport function a() { return 1; }\n');
      expect(calledFunctions(code, path.join(dir, 'main.ts'), dir)).toEqual(['a -> ' + path.relative(project, helper) + ':3']);
      expect(moduleReads() - before).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('calledFunction, typed', () => {
  it('still asks the checker where the class chain cannot be read to its end (a mixin base)', () => {
    const code = [
      "import { Auditable, Plain } from '../services/mixin';",
      'class Orders extends Auditable(Plain) {}',
      'class Settled extends Plain {}',
      'new Orders().audit();',
      // Plain declares no `audit` and has no base: settled without the checker, and nothing to find.
      'new Settled().audit?.();',
      'JSON.stringify({});',
    ].join('\n');
    expect(calledFunctionsTyped(code, path.join(project, 'src/routes/orders.ts'))).toEqual([
      'Auditable -> src/services/mixin.ts:5',
      'new Orders().audit -> src/services/mixin.ts:7',
    ]);
    // Untyped, the mixin's method cannot be found at all.
    expect(calledFunctions(code)).toEqual(['Auditable -> src/services/mixin.ts:5']);
  });
});

describe('JavaScript modules', () => {
  afterAll(() => clearModuleCache());

  it('reads ES and CommonJS modules with espree, and what espree rejects with the TypeScript reader', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-js-'));
    try {
      const files: Record<string, string> = {
        // An ES module, a class with fields and a static method.
        'esm.js': 'export class Mailer {\n  static from = 1;\n  static async send() {}\n}\nexport function helper() {}\n',
        // CommonJS, with a top-level return: a script to espree, rejected as a module.
        'cjs.js': "'use strict';\nif (process.env.SKIP) return;\nfunction raw() {}\nmodule.exports = { raw };\n",
        // A `.cjs` file is a script.
        'script.cjs': 'exports.run = function run() {};\n',
        // Decorators in a `.js` file (a Babel-built NestJS service): espree rejects them, the TypeScript reader does not.
        'view.js': "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class Views {\n  render() {}\n}\n",
      };
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const code = [
        "import { Mailer, helper } from './esm.js';",
        "const { raw } = require('./cjs');",
        "const script = require('./script.cjs');",
        "import { Views } from './view.js';",
        'Mailer.send(); helper(); raw(); script.run(); new Views().render();',
      ].join('\n');
      expect(calledFunctions(code, path.join(dir, 'main.ts'), dir)).toEqual([
        'Mailer.send -> ' + path.relative(project, path.join(dir, 'esm.js')) + ':3',
        'helper -> ' + path.relative(project, path.join(dir, 'esm.js')) + ':5',
        'raw -> ' + path.relative(project, path.join(dir, 'cjs.js')) + ':3',
        'script.run -> ' + path.relative(project, path.join(dir, 'script.cjs')) + ':1',
        'new Views().render -> ' + path.relative(project, path.join(dir, 'view.js')) + ':4',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('module reads avoided', () => {
  afterAll(() => clearModuleCache());

  function inTempDir(files: Record<string, string>, run: (dir: string) => void): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-reads-'));
    try {
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      run(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('looks through `export *` without parsing the modules that never write the name', () => {
    clearModuleCache();
    const files = {
      'index.ts': "export * from './a';\nexport * from './b';\nexport * from './nested';\n",
      'a.ts': 'export function foo() {}\n',
      'b.ts': 'export function bar() {}\n',
      'nested.ts': "export * from './deep';\n",
      'deep.ts': 'export function baz() {}\n',
    };
    inTempDir(files, (dir) => {
      const reads = moduleReads();
      expect(calledFunctions(`import { bar } from './index';\nbar();`, path.join(dir, 'main.ts'), dir)).toEqual(['bar -> ' + path.relative(project, path.join(dir, 'b.ts')) + ':1']);
      // index and b: a never writes `bar`, and the search ends at b.
      expect(moduleReads() - reads).toBe(2);
      // nested writes no `baz` either, but it re-exports wholesale, so it is read; a still is not.
      expect(calledFunctions(`import { baz } from './index';\nbaz();`, path.join(dir, 'other.ts'), dir)).toEqual(['baz -> ' + path.relative(project, path.join(dir, 'deep.ts')) + ':1']);
      expect(moduleReads() - reads).toBe(4);
    });
  });

  it('takes a module ESLint just linted from its tree, unless the file on disk says otherwise', () => {
    clearModuleCache();
    const helperText = 'export function a() {}\n';
    inTempDir({ 'helper.ts': helperText }, (dir) => {
      const helper = path.join(dir, 'helper.ts');
      const [reads, reused] = [moduleReads(), modulesReused()];
      // The helper is linted first, as the disk has it: the importer after it reads nothing.
      expect(calledFunctions(helperText, helper, dir)).toEqual([]);
      expect(calledFunctions(`import { a } from './helper';\na();`, path.join(dir, 'main.ts'), dir)).toEqual(['a -> ' + path.relative(project, helper) + ':1']);
      expect([moduleReads() - reads, modulesReused() - reused]).toEqual([0, 1]);
      // An editor's unsaved buffer is linted: the importer still sees the file as it is on disk.
      clearModuleCache();
      expect(calledFunctions('\n\nexport function a() { return 2; }\n', helper, dir)).toEqual([]);
      expect(calledFunctions(`import { a } from './helper';\na();`, path.join(dir, 'other.ts'), dir)).toEqual(['a -> ' + path.relative(project, helper) + ':1']);
      expect([moduleReads() - reads, modulesReused() - reused]).toEqual([1, 1]);
    });
  });
});
