import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { decoratedScope, transactionScopeOf, type TransactionScope } from '../../src/analysis/transactions/scopes';

const options = { decorators: ['Transactional'], functions: ['withTx'] };

/** The scopes a file opens, and for region scopes the `inside()`/`outside()` probe calls they contain. */
function scopes(code: string): { opener: string; kind: string; handle?: string; inside: string[] }[] {
  const found: { opener: string; kind: string; handle?: string; inside: string[] }[] = [];
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const probes: TSESTree.CallExpression[] = [];
      const opened: TransactionScope[] = [];
      return {
        CallExpression(node) {
          if (node.callee.type === 'Identifier' && (node.callee.name === 'inside' || node.callee.name === 'outside')) probes.push(node);
          const tentative = transactionScopeOf(context, node, options);
          // As the rule does once it has something to report.
          const scope = tentative?.confirm ? tentative.confirm() : tentative;
          if (scope) opened.push(scope);
        },
        MethodDefinition(node) {
          const scope = decoratedScope(context, node, options);
          if (scope) opened.push(scope);
        },
        'Program:exit'() {
          for (const scope of opened) {
            found.push({
              opener: scope.openerText,
              kind: scope.kind,
              handle: scope.kind === 'function' ? scope.handle?.name : scope.handleText,
              inside:
                scope.kind === 'region'
                  ? probes.filter((call) => scope.inside(call)).map((call) => context.sourceCode.getText(call.arguments[0]!))
                  : [],
            });
          }
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { probe: { rules: { probe } } } as never, rules: { 'probe/probe': 'error' } }],
    'file.ts',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return found;
}

describe('transaction scopes', () => {
  it('recognises callback APIs by import and by shape, with the handle parameter', () => {
    expect(
      scopes(`
import { PrismaClient } from '@prisma/client';
import { Model, transaction } from 'objection';
import { prisma as shared } from './prisma';
const prisma = new PrismaClient();
class Person extends Model {}
prisma.$transaction(async (tx) => tx.user.findMany());
prisma.$transaction([prisma.user.findMany()]);
shared.$transaction(async (client) => client.user.count());
transaction(Person, async (BoundPerson, trx) => BoundPerson.query(trx));
Person.transaction(async (trx) => Person.query(trx));
db.transaction().setAccessMode('read only').setIsolationLevel('serializable').execute(async (trx) => trx);
db.connection().execute(async (conn) => conn);
sql.begin('read write', async (tx) => tx\`select 1\`);
pgp.tx('tag', async (t) => t.none('select 1'));
withTx(async (tx) => tx);
sequelize.transaction({ isolationLevel: 'SERIALIZABLE' }, async (t) => t);
`),
    ).toEqual([
      { opener: '`prisma.$transaction()`', kind: 'function', handle: 'tx', inside: [] },
      { opener: '`shared.$transaction()`', kind: 'function', handle: 'client', inside: [] },
      { opener: '`transaction()`', kind: 'function', handle: 'trx', inside: [] },
      { opener: '`Person.transaction()`', kind: 'function', handle: 'trx', inside: [] },
      { opener: '`db.transaction().setAccessMode().setIsolationLevel().execute()`', kind: 'function', handle: 'trx', inside: [] },
      { opener: '`sql.begin()`', kind: 'function', handle: 'tx', inside: [] },
      { opener: '`pgp.tx()`', kind: 'function', handle: 't', inside: [] },
      { opener: '`withTx()`', kind: 'function', handle: 'tx', inside: [] },
      { opener: '`sequelize.transaction()`', kind: 'function', handle: 't', inside: [] },
    ]);
  });

  it('recognises decorated methods by name', () => {
    expect(
      scopes(`
class S {
  @Transactional({ propagation: 'REQUIRED' }) async a() {}
  @Cacheable() async b() {}
}
`),
    ).toEqual([{ opener: "`@Transactional({ propagation: 'REQUIRED' })`", kind: 'function', handle: undefined, inside: [] }]);
  });

  it('reads a manual region structurally: after commit and after rollback are outside, catch before rollback is inside', () => {
    expect(
      scopes(`
async function f(queryRunner) {
  outside('before');
  await queryRunner.startTransaction();
  try {
    inside('work');
    items.forEach(() => inside('callback'));
    if (x) { inside('branch'); }
    await queryRunner.commitTransaction();
    outside('after commit');
  } catch (e) {
    inside('catch before rollback');
    await queryRunner.rollbackTransaction();
    outside('catch after rollback');
  } finally {
    outside('finally after commit and rollback');
  }
  outside('after');
}
`)[0]!.inside,
    ).toEqual(["'work'", "'callback'", "'branch'", "'catch before rollback'"]);
  });

  it('keeps a region open past a rollback on one path only, and closes it when both paths end it', () => {
    const [open, closed] = scopes(`
async function f(db, ok) {
  const trx = await db.transaction();
  if (!ok) { await trx.rollback(); return; }
  inside('still open');
  await trx.commit();
  outside('after');
}
async function g(db, ok) {
  const trx = await db.transaction();
  if (ok) await trx.commit(); else await trx.rollback();
  outside('closed');
}
`);
    expect(open).toMatchObject({ opener: '`db.transaction()`', kind: 'region', handle: 'trx', inside: ["'still open'"] });
    expect(closed).toMatchObject({ kind: 'region', inside: [] });
  });

  it('a start inside try leaves the catch and the finally in the region when they do not end it', () => {
    expect(
      scopes(`
async function f(conn) {
  try {
    await conn.beginTransaction();
    inside('try');
    await conn.commit();
  } catch (e) {
    inside('catch');
  } finally {
    inside('finally');
  }
}
`)[0]!.inside,
    ).toEqual(["'try'", "'catch'", "'finally'"]);
  });

  it('recognises BEGIN … COMMIT statements, ignoring ROLLBACK TO SAVEPOINT and other clients', () => {
    const [region] = scopes(`
async function f(client, other) {
  await client.query('begin isolation level serializable;');
  inside('a');
  await client.query('ROLLBACK TO SAVEPOINT s1');
  inside('b');
  await other.query('COMMIT');
  inside('c');
  await client.query(\`COMMIT\`);
  outside('d');
}
`);
    expect(region).toMatchObject({ opener: "`client.query('begin isolation level serializable;')`", kind: 'region', handle: 'client' });
    expect(region!.inside).toEqual(["'a'", "'b'", "'c'"]);
  });

  it('by shape, a region needs an end call in the same function', () => {
    expect(
      scopes(`
async function open(db) {
  this.trx = await db.transaction();
}
async function start(qr) {
  await qr.startTransaction();
}
`),
    ).toEqual([]);
  });

  it('by import, a region without an end in the function stays open to its end', () => {
    expect(
      scopes(`
import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export async function open() {
  const qr = ds.createQueryRunner();
  await qr.startTransaction();
  inside('rest of the function');
}
`)[0],
    ).toMatchObject({ opener: '`qr.startTransaction()`', inside: ["'rest of the function'"] });
  });
});
