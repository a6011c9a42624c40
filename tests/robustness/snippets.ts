/**
 * Odd syntax every rule must survive: empty and comment-only files, decorators everywhere,
 * `eager: true` and SQL in strange places, computed keys, spreads, optional chaining, class
 * expressions, `import x = require()`, JSX/TSX, top-level await, very long and very deep code,
 * recursion through helpers, and library calls with missing or odd arguments.
 *
 * The file name decides the parser (.ts/.tsx/.mts/.cts: typescript-eslint; .js/.mjs/.cjs/.jsx:
 * espree, .cjs as CommonJS) and, for migration rules, whether the file is a migration.
 */
export interface Snippet {
  readonly name: string;
  readonly filename: string;
  readonly code: string;
}

const repeat = (n: number, f: (i: number) => string, sep = '\n'): string => Array.from({ length: n }, (_, i) => f(i)).join(sep);

export const snippets: readonly Snippet[] = [
  // ── nothing at all ──
  { name: 'empty TS file', filename: 'src/empty.ts', code: '' },
  { name: 'empty JS file', filename: 'src/empty.js', code: '' },
  { name: 'empty CJS migration', filename: 'migrations/20240101000000_empty.cjs', code: '' },
  { name: 'whitespace only', filename: 'src/blank.ts', code: '\n\n   \t\n\r\n' },
  {
    name: 'only comments',
    filename: 'src/comments.ts',
    code: `// eager: true\n/* @ManyToOne(() => X, { eager: true }) */\n/**\n * SELECT * FROM users WHERE id = \${id}\n */\n`,
  },
  { name: 'shebang and comment', filename: 'bin/cli.js', code: '#!/usr/bin/env node\n// nothing else\n' },
  { name: 'BOM then code', filename: 'src/bom.ts', code: '\uFEFFexport const x = 1;\n' },
  { name: 'only a directive', filename: 'src/strict.cjs', code: "'use strict';\n" },

  // ── decorators everywhere ──
  {
    name: 'decorators on everything',
    filename: 'src/entities/everything.entity.ts',
    code: `
import { Entity, Column, ManyToOne, OneToMany, OneToOne, ManyToMany, JoinColumn, BeforeInsert } from 'typeorm';
import * as orm from 'typeorm';
const opts = { eager: true };
const make = () => ({ eager: true });
function Log(): any { return () => undefined; }
@Entity() @Log() @orm.Entity('t')
export abstract class Everything {
  @ManyToOne() bare: any;
  @ManyToOne(() => Other) noOptions!: Other;
  @ManyToOne(() => Other, opts) fromVariable!: Other;
  @ManyToOne(() => Other, make()) fromCall!: Other;
  @ManyToOne(...([] as [any])) spreadArgs!: Other;
  @ManyToOne(() => Other, 'inverse', { eager: true }, undefined) extraArgs!: Other;
  @OneToMany(() => Other, (o: any) => o.x, { eager: true, ...opts }) many!: Other[];
  @OneToOne(() => Other, { ...opts }) @JoinColumn() spreadOnly!: Other;
  @ManyToMany(() => Other, { eager: !0 }) notLiteral!: Other[];
  @ManyToOne(() => Other, { eager: true as const }) asConst!: Other;
  @ManyToOne(() => Other, { eager: true satisfies boolean }) satisfiesTrue!: Other;
  @ManyToOne(() => Other, { 'eager': true }) stringKey!: Other;
  @ManyToOne(() => Other, { ['eager']: true }) computedKey!: Other;
  @ManyToOne(() => Other, { e\\u0061ger: true }) escapedKey!: Other;
  @ManyToOne(() => Other, { [\`eager\`]: true }) templateKey!: Other;
  @ManyToOne(() => Other, { get eager() { return true; } }) getterKey!: Other;
  @ManyToOne(() => Other, { eager() { return true; } }) methodKey!: Other;
  @orm.ManyToOne(() => Other, { eager: true }) namespaced!: Other;
  @(orm.ManyToOne)(() => Other, { eager: true }) parenthesised!: Other;
  @((orm as any)['ManyToOne'](() => Other, { eager: true })) computedDecorator!: Other;
  @Column() declare declared: string;
  abstract abstractProp: string;
  @Column() static staticProp = 1;
  @Column() accessor auto = 1;
  @Column() #hidden = 1;
  @Column() [Symbol.iterator]: any;
  constructor(@Log() private readonly p: string, @Log() public q = 2) {}
  @BeforeInsert() @Log() method(@Log() a: number, @Log() ...rest: unknown[]) { return [a, rest, this.#hidden]; }
  @Log() get computed() { return 1; }
  @Log() set computed(v: number) { void v; }
  @Log() static async *gen() { yield 1; }
}
class Other { x: any; }
`,
  },
  {
    name: 'decorated class expressions and anonymous default class',
    filename: 'src/entities/expressions.ts',
    code: `
import { Entity, ManyToOne, BaseEntity } from 'typeorm';
export const Anonymous = @Entity() class extends BaseEntity {
  @ManyToOne(() => Anonymous, { eager: true }) self!: any;
};
const Named = @Entity() class NamedInner {
  @ManyToOne(() => NamedInner, { eager: true }) parent?: NamedInner;
};
export default @Entity() class {
  @ManyToOne(() => Named, { eager: true, nullable: true }) named?: unknown;
}
`,
  },
  {
    name: 'MikroORM decorators with odd arguments',
    filename: 'src/modules/odd.entity.ts',
    code: `
import { Entity, ManyToOne, OneToMany, Property, PrimaryKey, Collection } from '@mikro-orm/core';
import * as M from '@mikro-orm/decorators/legacy';
@Entity()
export class Book {
  @PrimaryKey() id!: number;
  @ManyToOne({ entity: () => Author, eager: true }) author!: Author;
  @ManyToOne(() => Author, { eager: true, eager2: true } as any) dup!: Author;
  @ManyToOne('Author', 'books') byString!: Author;
  @ManyToOne(undefined as any) undef!: Author;
  @OneToMany({ entity: () => Author, mappedBy: 'book', eager: true }) many = new Collection<Author>(this);
  @M.ManyToOne(() => Author, { eager: true }) legacy!: Author;
  @Property({ eager: true } as any) notARelation!: string;
}
class Author {}
`,
  },

  // ── eager: true where no ORM is ──
  {
    name: 'eager: true in plain objects, arrays, JSX-free code',
    filename: 'src/config.js',
    code: `
export const a = { eager: true };
export const b = [{ eager: true }, { nested: { deeper: { eager: true } } }];
const eager = true;
export const c = { eager };
export const d = { eager: true, include: [{ all: true }], defaultScope: { include: ['x'] } };
export function f({ eager = true } = {}) { return eager; }
export class K { eager = true; static eager = true; eager2() { return { eager: true }; } }
label: for (const x of [{ eager: true }]) { if (x.eager) break label; }
`,
  },

  // ── EntitySchema / defineEntity / Sequelize with odd shapes ──
  {
    name: 'EntitySchema and defineEntity with missing, spread and computed parts',
    filename: 'src/schemas/odd.ts',
    code: `
import { EntitySchema } from 'typeorm';
import { EntitySchema as MikroSchema, defineEntity, p } from '@mikro-orm/core';
const rels = { a: { type: 'many-to-one', target: 'A', eager: true } } as const;
const key = 'dyn';
export const S0 = new EntitySchema(undefined as any);
export const S1 = new EntitySchema({} as any);
export const S2 = new EntitySchema({ name: 'x', relations: { ...rels, [key]: { type: 'one-to-one', target: 'B', eager: true }, b: { ...rels.a } } } as any);
export const S3 = new EntitySchema({ name: 'y', relations: undefined, columns: {} } as any);
export const S4 = new (EntitySchema as any)(...[{ name: 'z', relations: { c: { eager: true } } }]);
export const S5 = new MikroSchema({ name: 'M', properties: { r: { kind: 'm:1', entity: 'A', eager: true }, ['c' + 'd']: { kind: '1:1', entity: 'B', eager: true } } } as any);
export const D0 = defineEntity({ name: 'D0', properties: {} });
export const D1 = defineEntity({ name: 'D1', properties: (q: typeof p) => ({ a: () => q.manyToOne(D0).eager(), b: q.manyToOne(D0).eager(false) }) } as any);
export const D2 = defineEntity({ name: 'D2', properties: () => ({}) } as any);
export const D3 = defineEntity({ name: 'D3', properties: null } as any);
export const D4 = defineEntity({ name: 'D4', properties: { a: p.manyToOne(D0).eager(true, 1 as any), b: p?.manyToOne(D0)?.eager(), c: (p.manyToOne(D0) as any).eager } } as any);
export const D5 = (defineEntity as any)();
const q = defineEntity.properties;
export const D6 = defineEntity({ name: 'D6', properties: { a: () => q.manyToOne(D0).eager() } } as any);
export const notBuilder = { eager() { return this; } }.eager().eager();
`,
  },
  {
    name: 'Sequelize init/define/addScope with odd arguments',
    filename: 'src/models/odd.js',
    code: `
const { Model, DataTypes, Sequelize } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
class A extends Model {}
class B extends Model {}
const scope = { include: [B] };
A.init();
A.init({});
A.init({}, undefined);
A.init(...[{}, { sequelize }]);
A.init({ id: DataTypes.INTEGER }, { sequelize, defaultScope: scope });
A.init({ id: DataTypes.INTEGER }, { sequelize, defaultScope: { ...scope, include: [{ model: B, include: [{ all: true }] }] } });
A.init({}, { sequelize, defaultScope: { include: [] } });
A.init({}, { sequelize, defaultScope: { include: undefined } });
A.init({}, { sequelize, defaultScope: { include: null } });
A.init({}, { sequelize, defaultScope: { include: B } });
A.init({}, { sequelize, defaultScope: { ['include']: [B] } });
A.init({}, { sequelize, defaultScope: () => ({ include: [B] }) });
A.init({}, { sequelize, ['defaultScope']: { include: [B] } });
A?.init?.({}, { sequelize, defaultScope: { include: [B] } });
sequelize.define();
sequelize.define('X');
sequelize.define('X', {}, { defaultScope: { include: [{ model: B }] } });
sequelize?.define?.('Y', {}, { defaultScope: { include: [B] } });
(0, sequelize.define)('Z', {}, { defaultScope: { include: [B] } });
A.addScope();
A.addScope('defaultScope');
A.addScope('defaultScope', { include: [B] }, { override: true });
A.addScope(\`defaultScope\`, { include: [B] });
A.addScope('default' + 'Scope', { include: [B] });
const name = 'defaultScope';
A.addScope(name, () => ({ include: [B] }));
module.exports = { A, B };
`,
  },
  {
    name: 'sequelize-typescript scopes in odd forms',
    filename: 'src/models/odd.model.ts',
    code: `
import { Table, Model, DefaultScope, Scopes, Column } from 'sequelize-typescript';
const getter = () => ({ include: [Other] });
@DefaultScope(getter)
@Table
export class WithGetter extends Model {}
@DefaultScope(() => ({}))
@Table({})
export class Empty extends Model {}
@DefaultScope(() => ({ include: [] }))
@Scopes(() => ({ full: { include: [Other] } }))
@Table
export class EmptyInclude extends Model {}
@DefaultScope(function () { return { include: [Other] }; })
@Table
export class FunctionExpression extends Model {}
@DefaultScope(() => { return { include: [{ model: Other, as: 'o' }] }; })
@Table
export class BlockBody extends Model { @Column declare name: string; }
@DefaultScope()
@Table
export class NoArgs extends Model {}
class Other extends Model {}
`,
  },

  // ── SQL in odd shapes ──
  {
    name: 'SQL sinks with missing and odd arguments',
    filename: 'src/repositories/odd.repository.ts',
    code: `
import { Pool } from 'pg';
import knex from 'knex';
import { PrismaClient, Prisma } from '@prisma/client';
import { sql } from 'drizzle-orm';
import mysql from 'mysql2/promise';
const pool = new Pool();
const db = knex({ client: 'pg' });
const prisma = new PrismaClient();
const conn = mysql.createPool({});
declare const id: string, args: any[], table: string, cfg: any;
pool.query();
pool.query(...args);
pool.query(cfg);
pool.query({ text: \`SELECT * FROM t WHERE id = \${id}\` });
pool.query({ text: 'SELECT 1', values: [id] }, (err: unknown) => void err);
pool?.query?.(\`SELECT * FROM \${table}\`);
(pool.query)(\`DELETE FROM x WHERE id = \${id}\`);
pool['query'](\`UPDATE x SET a = \${id}\`);
db.raw();
db.raw(\`\`);
db.raw(String.raw\`SELECT \${id}\`);
db.raw(\`SELECT \${\`nested \${\`deeper \${id}\`}\`}\`);
db.raw('SELECT ' + id + ' FROM ' + table, []);
db.raw(['SELECT', id].join(' '));
db.raw(\`SELECT \${id}\`.concat(table));
prisma.$queryRaw\`\`;
prisma.$queryRawUnsafe();
prisma.$queryRawUnsafe(...args);
prisma.$queryRaw(Prisma.sql\`SELECT \${Prisma.raw(id)}\`);
prisma.$executeRaw\`SELECT \${Prisma.join([])}\`;
sql\`\`;
sql.raw(\`\${id}\`);
conn.query(\`SELECT * FROM t WHERE a = '\${id}'\`, (e: unknown) => void e);
let q = 'SELECT *';
q += ' FROM ' + table;
q += \` WHERE id = \${id}\`;
pool.query(q);
let r: string;
r = 'SELECT 1';
r = r + id;
pool.query(r);
function build(): string { return build() + id; }
pool.query(build());
function a(): string { return b(); }
function b(): string { return a(); }
pool.query(a());
const self: string = self + 'x';
pool.query(self);
`,
  },
  {
    name: 'a 10,000-character SQL line and a 300-deep concatenation',
    filename: 'src/long.js',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export const long = pool.query("SELECT ${'a,'.repeat(5000)}b FROM t WHERE x = $1", [1]);
export function deep(v) {
  return pool.query(${repeat(300, (i) => `'c${i} ' + v`, ' + ')});
}
export const wide = [${repeat(2000, (i) => `{ eager: true, id: ${i} }`, ', ')}];
export const tpl = \`SELECT ${repeat(500, (i) => `\${v${i % 5}}`, ',')}\`;
var v0, v1, v2, v3, v4;
`,
  },
  {
    name: 'template with a thousand interpolations',
    filename: 'src/many-holes.ts',
    code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
declare const x: string[];
db.raw(\`INSERT INTO t VALUES ${repeat(1000, (i) => `(\${x[${i}]})`, ', ')}\`);
`,
  },

  // ── transactions in odd shapes ──
  {
    name: 'transactions: no callback, generators, recursion through helpers, nesting',
    filename: 'src/services/tx.service.ts',
    code: `
import { DataSource } from 'typeorm';
import knex from 'knex';
import { PrismaClient } from '@prisma/client';
import { Sequelize } from 'sequelize';
import axios from 'axios';
import fs from 'node:fs/promises';
const ds = new DataSource({ type: 'postgres' });
const db = knex({ client: 'pg' });
const prisma = new PrismaClient();
const sequelize = new Sequelize('x');
declare const cb: any;
async function ping(): Promise<void> { await pong(); await fetch('https://example.com'); }
async function pong(): Promise<void> { await ping(); }
async function selfCall(n: number): Promise<void> { if (n) await selfCall(n - 1); await axios.get('/x'); }
export async function run() {
  await ds.transaction();
  await ds.transaction(cb);
  await ds.transaction('SERIALIZABLE', async (m) => { await ping(); await m.query('SELECT 1'); });
  await ds.transaction(async function* () { yield 1; } as any);
  await ds.transaction(async (m) => {
    await ds.transaction(async (inner) => { await fs.writeFile('x', 'y'); await inner.save({}); });
    await selfCall(3);
    await m.transaction?.(async () => { await fetch('https://x'); });
  });
  await db.transaction();
  const trx = await db.transaction();
  await fetch('https://example.com');
  await trx.commit();
  await db.transaction(async (t) => { await t('x').insert({}); return db.transaction(async () => fetch('/')); });
  await prisma.$transaction([]);
  await prisma.$transaction(async (tx) => { await Promise.all([fetch('/a'), tx.user.findMany()]); });
  await prisma.$transaction(cb, { timeout: 5 });
  await sequelize.transaction(async () => { for await (const x of [fetch('/y')]) void x; });
  await sequelize.transaction({ isolationLevel: 'SERIALIZABLE' } as any, async () => { await (async () => fetch('/z'))(); });
  const t = await sequelize.transaction();
  try { await axios.post('/q'); await t.commit(); } catch { await t.rollback(); }
}
`,
  },

  // ── modules and syntax ──
  {
    name: 'import x = require(), export =, namespaces, declare module',
    filename: 'src/legacy.ts',
    code: `
import typeorm = require('typeorm');
import Sequelize = require('sequelize');
import type { ManyToOne as TypeOnly } from 'typeorm';
export import Alias = typeorm.ManyToOne;
declare module 'typeorm' { interface RelationOptions { eagerish?: boolean } }
namespace Models {
  export class A extends Sequelize.Model {}
  A.init({}, { sequelize: new Sequelize.Sequelize('x'), defaultScope: { include: [A] } });
}
class E {
  @typeorm.ManyToOne(() => E, { eager: true }) parent?: E;
  @Alias(() => E, { eager: true }) other?: E;
}
type T = typeof TypeOnly;
export = { Models, E, x: 1 as unknown as T };
`,
  },
  {
    name: 'require shapes in CommonJS',
    filename: 'src/legacy.cjs',
    code: `
const typeorm = require('typeorm');
const { EntitySchema: ES } = require('typeorm');
const EntitySchema = require('typeorm').EntitySchema;
const { Model: { init } = {} } = require('sequelize');
const name = 'typeorm';
const dynamic = require(name);
const maybe = require?.('sequelize');
module.exports = [
  new ES({ name: 'a', relations: { b: { type: 'many-to-one', target: 'B', eager: true } } }),
  new EntitySchema({ name: 'b', relations: { a: { target: 'A', type: 'one-to-one', eager: true } } }),
  new typeorm.EntitySchema({ name: 'c', relations: { d: { eager: true } } }),
  new dynamic.EntitySchema({ name: 'd', relations: { e: { eager: true } } }),
  init, maybe,
];
with (Math) { void max; }
`,
  },
  {
    name: 'top-level await, for await, using, import.meta, dynamic import',
    filename: 'src/main.mts',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
const { default: knex } = await import('knex');
const db = knex({ client: 'pg' });
await pool.query(\`SELECT * FROM t WHERE id = \${import.meta.url}\`);
for await (const row of [db.raw(\`SELECT \${process.argv[2]}\`)]) console.log(row);
{
  await using conn = { async [Symbol.asyncDispose]() {}, query: pool.query.bind(pool) };
  using temp = { [Symbol.dispose]() {} };
  void temp;
  await conn.query('SELECT 1');
}
export {};
`,
  },
  {
    name: 'TSX component with eager props and raw SQL',
    filename: 'src/admin/Panel.tsx',
    code: `
import { ManyToOne } from 'typeorm';
import { Pool } from 'pg';
const pool = new Pool();
type Props = { eager?: boolean; id: string };
export function Panel({ eager = true, id }: Props) {
  const options = { eager: true };
  return (
    <section data-eager={eager} {...options}>
      <Relation eager />
      <Relation eager={true} options={{ eager: true }} />
      <>{pool.query(\`SELECT * FROM t WHERE id = \${id}\`) && <span>{String(ManyToOne)}</span>}</>
    </section>
  );
}
function Relation(props: { eager?: boolean; options?: object }) { return <i>{JSON.stringify(props)}</i>; }
`,
  },
  {
    name: 'JSX in plain JavaScript',
    filename: 'src/admin/List.jsx',
    code: `
import { EntitySchema } from 'typeorm';
export const schema = new EntitySchema({ name: 'x', relations: { y: { type: 'many-to-one', target: 'Y', eager: true } } });
export const List = ({ items }) => <ul>{items.map((i) => <li key={i.id} eager>{i.name}</li>)}</ul>;
`,
  },
  {
    name: 'optional chaining and non-null everywhere',
    filename: 'src/chains.ts',
    code: `
import { DataSource } from 'typeorm';
declare const ds: DataSource | undefined;
declare const id: string;
ds?.query(\`SELECT \${id}\`);
ds!.query(\`SELECT \${id}\`);
ds?.manager?.query?.(\`SELECT \${id}\`);
(ds?.transaction)?.(async (m) => { await m?.query?.(\`SELECT \${id}\`); await fetch?.('/'); });
ds?.getRepository('x')?.createQueryBuilder('x')?.where(\`x.id = \${id}\`)?.getMany?.();
`,
  },
  {
    name: 'classes, private names, static blocks, getters, accessors',
    filename: 'src/classes.js',
    code: `
import { Model } from 'sequelize';
export class A extends Model {
  static #secret = { defaultScope: { include: ['x'] } };
  static {
    A.init({}, { sequelize: globalThis.sequelize, ...A.#secret });
  }
  #eager = true;
  get eager() { return this.#eager; }
  static get options() { return { defaultScope: { include: [A] } }; }
}
export const B = class extends A {};
B.init({}, B.options);
export default class extends (class {}) {}
`,
  },
  {
    name: 'unicode and escapes',
    filename: 'src/unicode.ts',
    code: `
import { ManyToOne as Δ, Entity } from 'typeorm';
@Entity()
export class Ünïcödé {
  @Δ(() => Ünïcödé, { "\\u0065ager": true, 'nullable': false }) 親?: Ünïcödé;
  @Δ(() => Ünïcödé, { eager: true }) ['😀']?: Ünïcödé;
}
export const sql = \`SELECT '\\u{1F600}' AS "名前", $1::text\`;
`,
  },

  // ── migrations in odd shapes ──
  {
    name: 'TypeORM-style migration with odd members',
    filename: 'src/migrations/1700000000000-Odd.ts',
    code: `
import type { MigrationInterface, QueryRunner } from 'typeorm';
const name = 'down';
export class Odd1700000000000 implements MigrationInterface {
  ['up'](queryRunner: QueryRunner) { return queryRunner.query('SELECT 1'); }
  [name] = async () => {};
  static up() {}
  get down2() { return 1; }
}
export class Another1700000000001 { up = async (q: QueryRunner) => q.query(\`SELECT \${1}\`); }
export default class {}
`,
  },
  {
    name: 'knex migration with odd exports',
    filename: 'migrations/20240101000000_odd.js',
    code: `
exports.up = require('./shared').up;
exports['down'] = undefined;
module.exports.up = async function up(knex) { await knex.raw(\`CREATE TABLE \${'x'} (id int)\`); };
module.exports = { ...module.exports, config: { transaction: false } };
`,
  },
  {
    name: 'ESM migration with re-exports only',
    filename: 'migrations/20240101000001_reexport.mjs',
    code: `export { up, down } from './shared.mjs';\nexport * from './more.mjs';\n`,
  },
  {
    name: 'migration with only a default export object',
    filename: 'src/migrations/2024-01-01_default.ts',
    code: `export default { async up() {}, name: 'x' } satisfies Record<string, unknown>;\n`,
  },
  {
    name: 'generic migration names',
    filename: 'migrations/20240101000002_migration.cjs',
    code: `'use strict';\nmodule.exports = { async up(queryInterface) { await queryInterface.sequelize.query('SELECT 1'); } };\n`,
  },
  {
    name: 'SQL migration file name on a JS module',
    filename: 'db/migrations/V1__init.ts',
    code: `export const sql = 'CREATE TABLE t (id int)';\n`,
  },
];
