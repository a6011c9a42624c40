// The import engine follows a project module to the package names it passes on: a barrel that
// re-exports the ORM's decorators (`export { ManyToOne } from 'typeorm'`), a package wholesale
// (`export * from 'knex'`), a renamed export, CommonJS (`module.exports = { knex: require('knex') }`).
// The same names from a package that is not a database's, or from nowhere, stay unknown.
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getLibraryIndex, type Origin } from '../../src/analysis/objects/imports';

const project = path.resolve(__dirname, '../fixtures/project');
const root = path.resolve(__dirname, '../..');

/** Lints `code` as a file of the fixture project and records the origin of every identifier, member and call. */
function origins(code: string, settings: Record<string, unknown> = {}, file = path.join(project, 'src/di/linted.ts')): string[] {
  const seen: string[] = [];
  const describeOrigin = (origin: Origin | undefined) => origin && `${origin.library.id}:${origin.name}:${origin.kind}`;
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const index = getLibraryIndex(context);
      return {
        'Identifier, MemberExpression, CallExpression, NewExpression'(node: TSESTree.Node) {
          if (node.parent?.type === 'ImportSpecifier' || node.parent?.type === 'ImportDefaultSpecifier') return;
          const found = describeOrigin(index.originOf(node));
          if (found) seen.push(`${context.sourceCode.getText(node)}@${node.loc.start.line} ${found}`);
        },
      };
    },
  };
  const messages = new Linter({ cwd: root }).verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser }, plugins: { probe: { rules: { probe } } } as never, rules: { 'probe/probe': 'error' }, settings }],
    file,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return [...new Set(seen)];
}

describe('library names re-exported by project modules', () => {
  it('follows named, renamed and wholesale re-exports of packages, through a second barrel and an alias', () => {
    const seen = origins(`
import { ManyToOne, Database } from './orm';
import { knex } from '@app/di';
const ds = new Database({ type: "postgres" });
const db = knex({ client: "pg" });
ManyToOne;
ds.query("select 1");
db.raw("select 1");
`);
    expect(seen).toEqual([
      'ds@4 typeorm:DataSource:instance',
      'new Database({ type: "postgres" })@4 typeorm:DataSource:instance',
      'Database@4 typeorm:DataSource:export',
      'db@5 knex:Knex:instance',
      'knex({ client: "pg" })@5 knex:Knex:instance',
      'knex@5 knex:knex:export',
      'ManyToOne@6 typeorm:ManyToOne:export',
      'ds@7 typeorm:DataSource:instance',
      'db@8 knex:Knex:instance',
    ]);
  });

  it('follows CommonJS modules that hand a package on, whole or by one export', () => {
    const seen = origins(
      `
const { knex, Pool, lodash } = require('./legacy');
const db = knex({ client: "pg" });
const pool = new Pool();
lodash.template("x");
`,
      {},
      path.join(project, 'src/di/linted.js'),
    );
    expect(seen).toEqual([
      'knex@2 knex:default:export',
      'Pool@2 pg:Pool:export',
      'db@3 knex:Knex:instance',
      'knex({ client: "pg" })@3 knex:Knex:instance',
      'knex@3 knex:default:export',
      'pool@4 pg:Pool:instance',
      'new Pool()@4 pg:Pool:instance',
      'Pool@4 pg:Pool:export',
    ]);
  });

  it('knows nothing of the same names from a package that is no database library, nor of names it cannot find', () => {
    expect(
      origins(`
import { Pool } from './look-alike';
import { Pool as AlsoPool, Missing } from '@app/di';
import { Nothing } from './orm';
const pool = new Pool({ create: async () => ({}), destroy: async () => {}, min: 0, max: 1 });
pool.acquire();
new AlsoPool({});
Missing;
Nothing;
`),
    ).toEqual([]);
  });

  it('reads no other module when the team turned cross-file reach off', () => {
    expect(origins(`import { ManyToOne } from './orm';\nManyToOne;`, { dbconventions: { followModules: false } })).toEqual([]);
  });
});

describe('NestJS providers by string token', () => {
  const service = (imports: string, parameters: string) => `
import { Inject, Injectable } from '@nestjs/common';
${imports}
@Injectable()
export class Service {
  constructor(${parameters}) {}
  run() {
    return this.db;
  }
}`;
  const member = (seen: string[]) => seen.filter((entry) => entry.startsWith('this.db@'));

  it('is what the one provider of the token makes, the token a string or a const of one', () => {
    expect(member(origins(service(`import { KNEX } from './database.providers';`, '@Inject(KNEX) private readonly db: any')))).toEqual(['this.db@8 knex:Knex:instance']);
    expect(member(origins(service(`import './database.providers';`, "@Inject('KNEX') private readonly db")))).toEqual(['this.db@8 knex:Knex:instance']);
    // `return dataSource.initialize()`: the data source itself.
    expect(member(origins(service(`import { KNEX } from './database.providers';`, "@Inject('DATA_SOURCE') private readonly db: unknown")))).toEqual([
      'this.db@8 typeorm:DataSource:instance',
    ]);
  });

  it('is the annotated library type whatever the token, as without Nest (a class token is its own annotation)', () => {
    expect(member(origins(service(`import { Knex } from 'knex';`, "@Inject('ANY') private readonly db: Knex")))).toEqual(['this.db@8 knex:Knex:instance']);
    expect(member(origins(service(`import { DataSource } from 'typeorm';`, '@Inject(DataSource) private readonly db: DataSource')))).toEqual([
      'this.db@8 typeorm:DataSource:instance',
    ]);
  });

  it('is nothing when the factory makes no library object, the token has two providers, no provider is found, or Inject is not Nest\'s', () => {
    expect(member(origins(service(`import { KNEX } from './database.providers';`, "@Inject('SETTINGS') private readonly db: any")))).toEqual([]);
    expect(member(origins(service(`import { cacheProviders } from './cache.providers';`, "@Inject('CACHE') private readonly db: any")))).toEqual([]);
    expect(member(origins(service(`import { KNEX } from './database.providers';`, "@Inject('MISSING') private readonly db: any")))).toEqual([]);
    // The provider's module is not among the file's imports: not looked for.
    expect(member(origins(service('', "@Inject('KNEX') private readonly db: any")))).toEqual([]);
    expect(
      member(origins(service(`import { KNEX } from './database.providers';`, '@Inject(KNEX) private readonly db: any').replace("from '@nestjs/common'", "from './decorators'"))),
    ).toEqual([]);
  });
});


describe('classes of other modules that extend a library class', () => {
  it('are subclasses of it, directly or through a project base class', () => {
    const seen = origins(
      `import { AuditEntry } from './tx/models';
import { Customer } from './entities/customer.entity';
AuditEntry;
Customer;
`,
      {},
      path.join(project, 'src/linted.ts'),
    );
    expect(seen).toEqual(['AuditEntry@3 sequelize:Model:subclass', 'Customer@4 typeorm:BaseEntity:subclass']);
  });

  it('are nothing when the class extends no library class, and nothing with cross-file reach off', () => {
    expect(origins(`import { MailService } from './services/mail.service';\nMailService;\n`, {}, path.join(project, 'src/linted.ts'))).toEqual([]);
    expect(origins(`import { AuditEntry } from './tx/models';\nAuditEntry;\n`, { dbconventions: { followModules: false } }, path.join(project, 'src/linted.ts'))).toEqual([]);
  });
});
