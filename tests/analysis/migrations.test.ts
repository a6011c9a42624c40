import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { analyseDown, upOperations } from '../../src/analysis/migrations/body';
import { getMigration, type MigrationShape } from '../../src/analysis/migrations/detect';

interface Seen {
  shape: string;
  tool: string | undefined;
  declaration: string;
  className?: string;
  nameField?: string;
  down: string;
  downBody?: string;
  operations?: string[];
}

/** Lints `code` as `filename` with a probe rule that describes the migration the engine finds. */
function probe(code: string, filename = 'migrations/20240101120000_x.ts', settings: Record<string, unknown> = {}): Seen | undefined {
  let seen: Seen | undefined;
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          const migration: MigrationShape | undefined = getMigration(context, undefined);
          if (!migration) return;
          const down = migration.down;
          const body = down.kind === 'function' ? analyseDown(down.fn, migration.tool, context.sourceCode) : undefined;
          seen = {
            shape: migration.shape,
            tool: migration.tool?.id,
            declaration: context.sourceCode.text.slice(...migration.declaration.range),
            ...(migration.className ? { className: migration.className } : {}),
            ...(migration.nameField ? { nameField: migration.nameField.value } : {}),
            down: down.kind,
            ...(body ? { downBody: body.kind === 'empty' ? `empty:${body.reason}` : body.kind === 'throws' ? `throws:${body.message}` : 'work' } : {}),
            ...(migration.up ? { operations: upOperations(migration.up).map((operation) => operation.undo) } : {}),
          };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser }, settings, plugins: { probe: { rules: { probe: rule } } } as never, rules: { 'probe/probe': 'error' } }],
    filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return seen;
}

describe('getMigration: shapes', () => {
  it('TypeORM class', () => {
    expect(
      probe(`import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddOrders1700000000000 implements MigrationInterface {
  name = 'AddOrders1700000000000';
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE orders (id int)'); }
  async down(queryRunner: QueryRunner) { await queryRunner.query('DROP TABLE orders'); }
}`),
    ).toEqual({ shape: 'class', tool: 'typeorm', declaration: 'AddOrders1700000000000', className: 'AddOrders1700000000000', nameField: 'AddOrders1700000000000', down: 'function', downBody: 'work', operations: ['drop table `orders`'] });
  });

  it('MikroORM class, without down', () => {
    expect(probe(`import { Migration } from '@mikro-orm/migrations';\nexport class Migration20240101120000 extends Migration { async up() { this.addSql('create table "a" ()'); } }`)).toMatchObject({
      shape: 'class', tool: 'mikro-orm', down: 'missing', operations: ['drop table `a`'],
    });
  });

  it.each([
    ['export async function up(knex) {}\nexport async function down(knex) {}', 'up', 'function'],
    ['export const up = async () => {};\nexport const down = false;', 'up', 'false'],
    ['exports.up = function (db, cb) { cb(); };', 'exports.up', 'missing'],
    ['module.exports.up = () => {};\nmodule.exports.down = () => {};', 'module.exports.up', 'function'],
    ["exports['up'] = () => {};", "exports['up']", 'missing'],
    ['module.exports = { async up() {}, down: async () => {} };', 'up', 'function'],
    ['async function up() {}\nconst down = () => {};\nmodule.exports = { up, down };', 'up', 'function'],
    ['const migration = { up: async () => {}, down: require("./shared").down };\nmodule.exports = migration;', 'up', 'opaque'],
    ['export default { async up() {}, async down() {} };', 'up', 'function'],
    ['export = { async up() {} };', 'up', 'missing'],
    ['async function upgrade() {}\nasync function downgrade() {}\nexport { upgrade as up, downgrade as down };', 'up', 'function'],
    ['import { down } from "./shared";\nexport const up = async () => {};\nexport { down };', 'up', 'opaque'],
  ])('exports: %s', (code, declaration, down) => {
    expect(probe(code)).toMatchObject({ shape: 'exports', declaration, down });
  });

  it('needs a class to be exported and to show it is a migration', () => {
    // knex's own runner (lib/migrations/migrate/Migrator.js) sits in a migrations folder.
    expect(probe('class Migrator {\n  async up(config) {}\n  async down(config) {}\n}\nmodule.exports = { Migrator };', 'lib/migrations/migrate/Migrator.js')).toBeUndefined();
    expect(probe('class AddOrders1700000000000 { async up(queryRunner) {} }', 'migrations/1700000000000-AddOrders.js')).toBeUndefined();
    expect(probe('class Migration20240101120000 extends Migration { async up() {} }\nexports.Migration20240101120000 = Migration20240101120000;', 'migrations/x.js')).toMatchObject({ shape: 'class' });
    expect(probe('export class Seeder { async up(queryRunner) {} }', 'migrations/seeder.ts')).toMatchObject({ shape: 'class', tool: 'typeorm' });
    expect(probe('export class Seeder { async up(options) {} }', 'migrations/seeder.ts')).toBeUndefined();
  });

  it('is no migration without an `up` or outside the folders', () => {
    expect(probe('export const down = () => {};')).toBeUndefined();
    expect(probe('export const seed = () => {};')).toBeUndefined();
    expect(probe('export async function up() {}', 'src/services/elevator.ts')).toBeUndefined();
    expect(probe('export async function up() {}', 'migrations/index.ts')).toBeUndefined();
    expect(probe('export async function up() {}', 'migrations/types.d.ts')).toBeUndefined();
    expect(probe('export async function up() {}', 'db/changes/x.ts', { dbconventions: { migrationFolders: ['db/changes/**'] } })).toMatchObject({ shape: 'exports' });
    // A malformed setting is ignored, not a crash.
    expect(probe('export async function up() {}', 'migrations/x.ts', { dbconventions: { migrationFolders: 'db' } })).toMatchObject({ shape: 'exports' });
  });
});

describe('getMigration: tools', () => {
  it.each([
    ["import type { Knex } from 'knex';\nexport async function up(knex: Knex) {}", 'knex'],
    ["import { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) {}", 'kysely'],
    ["import type { MigrationFn } from 'umzug';\nimport type { QueryInterface } from 'sequelize';\nexport const up: MigrationFn<QueryInterface> = async ({ context }) => {};", 'umzug'],
    ["/** @type {import('sequelize-cli').Migration} */\nmodule.exports = { async up(queryInterface, Sequelize) {} };", 'sequelize-cli'],
    ['module.exports = { up: (queryInterface, Sequelize) => {} };', 'sequelize-cli'],
    ["import { MigrationBuilder } from 'node-pg-migrate';\nexport async function up(pgm: MigrationBuilder) {}", 'node-pg-migrate'],
    ['exports.up = (pgm) => {};', 'node-pg-migrate'],
    ['exports.up = function (db, callback) {};', 'db-migrate'],
    ['exports.up = async ({ context }) => {};', 'umzug'],
    ['module.exports = class AddOrders { async up(queryRunner) {} };', 'typeorm'],
    ['exports.up = (trx) => {};', 'knex'],
    ['exports.up = () => {};', undefined],
  ])('%s → %s', (code, tool) => {
    expect(probe(code)?.tool).toBe(tool);
  });
});

describe('analyseDown', () => {
  it.each([
    ['exports.down = () => {};', 'empty:empty'],
    ['exports.down = () => { /* nothing */ };', 'empty:comments'],
    ['exports.down = () => { // TODO write this\n};', 'empty:todo'],
    ['exports.down = () => Promise.resolve();', 'empty:return'],
    ['exports.down = async () => { return; };', 'empty:return'],
    ['exports.down = async () => undefined;', 'empty:return'],
    ['exports.down = (db, callback) => callback();', 'empty:callback'],
    ['exports.down = function (db, done) { done(null); };', 'empty:callback'],
    ["exports.down = (db, cb) => db.runSql('', cb);", 'empty:blank-sql'],
    ["exports.down = (knex) => knex.raw(` `);", 'empty:blank-sql'],
    ["exports.down = (knex) => knex.schema.alterTable('t', (t) => {});", 'empty:empty-builder'],
    ["exports.down = () => { console.warn('no down'); };", 'empty:log'],
    ["exports.down = () => { throw new Error('Irreversible: data is gone'); };", 'throws:Irreversible: data is gone'],
    ["exports.down = () => { throw new IrreversibleMigrationError(`cannot undo ${'x'}`); };", 'throws:cannot undo  … '],
    ["exports.down = () => { throw makeError(); };", 'throws:undefined'],
    ["exports.down = (knex) => knex.schema.dropTable('t');", 'work'],
    ["exports.down = (knex) => knex.raw('DROP TABLE t');", 'work'],
    ["exports.down = async (knex) => { if (x) return; await knex.raw('x'); };", 'work'],
  ])('%s → %s', (down, expected) => {
    expect(probe(`exports.up = () => {};\n${down}`, 'migrations/20240101120000_x.js')?.downBody).toBe(expected);
  });
});
