/**
 * Every tool's migration shape, recorded and then edited: the report sits on the migration's
 * declaration (the class name, or the `up` export), and an unchanged or reformatted copy is fine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rule from '../../../src/rules/no-applied-migration-edit';
import { writeManifest, type ManifestEntry } from '../../../src/analysis/migrations/manifest';
import { hashMigration } from '../../../src/analysis/migrations/hash';
import { fixturesDir, type Invalid, type Valid } from '../../helpers/rule-tester';
import { runMigrationRuleTests } from '../migration-testing';

interface Sample {
  readonly tool: string;
  readonly filename: string;
  readonly code: string;
  /** A real edit of `code`. */
  readonly edit: (code: string) => string;
  readonly line: number;
  readonly column: number;
}

const samples: Sample[] = [
  {
    tool: 'Kysely',
    filename: 'migrations/2024-03-01_add_pet_owner.ts',
    code: `import { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>): Promise<void> {\n  await db.schema.alterTable('pet').addColumn('owner_id', 'integer').execute();\n}\nexport async function down(db: Kysely<any>): Promise<void> {\n  await db.schema.alterTable('pet').dropColumn('owner_id').execute();\n}\n`,
    edit: (code) => code.replace("'integer'", "'bigint'"),
    line: 2,
    column: 23,
  },
  {
    tool: 'umzug',
    filename: 'migrations/2024.03.01T12.00.00.add-carts.ts',
    code: `import type { MigrationFn } from 'umzug';\nexport const up: MigrationFn = async ({ context }) => {\n  await context.query('CREATE TABLE carts (id int)');\n};\nexport const down: MigrationFn = async ({ context }) => {\n  await context.query('DROP TABLE carts');\n};\n`,
    edit: (code) => code.replace('(id int)', '(id bigint)'),
    line: 2,
    column: 14,
  },
  {
    tool: 'Sequelize CLI',
    filename: 'migrations/20240301120000-create-users.js',
    code: `'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });\n  },\n  async down(queryInterface) {\n    await queryInterface.dropTable('users');\n  },\n};\n`,
    edit: (code) => code.replace('INTEGER', 'BIGINT'),
    line: 3,
    column: 9,
  },
  {
    tool: 'MikroORM',
    filename: 'migrations/Migration20240301120000_add_books.ts',
    code: `import { Migration } from '@mikro-orm/migrations';\nexport class Migration20240301120000_add_books extends Migration {\n  async up(): Promise<void> { this.addSql('create table "books" ("id" serial primary key);'); }\n  async down(): Promise<void> { this.addSql('drop table "books";'); }\n}\n`,
    edit: (code) => code.replace('serial', 'bigserial'),
    line: 2,
    column: 14,
  },
  {
    tool: 'node-pg-migrate',
    filename: 'migrations/1709294400000_add-orders.js',
    code: `exports.up = (pgm) => {\n  pgm.createTable('orders', { id: 'id' });\n};\n`,
    edit: (code) => code.replace("id: 'id'", "id: 'id', total: 'integer'"),
    line: 1,
    column: 1,
  },
  {
    tool: 'db-migrate',
    filename: 'migrations/20240301120000-add-pets.js',
    code: `exports.up = function (db, callback) {\n  db.createTable('pets', { id: { type: 'int', primaryKey: true } }, callback);\n};\nexports.down = function (db, callback) {\n  db.dropTable('pets', callback);\n};\n`,
    edit: (code) => code.replace("'int'", "'bigint'"),
    line: 1,
    column: 1,
  },
];

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-tools-'));
const manifest = path.join(directory, 'migrations.manifest.jsonl');
const repository = path.resolve(__dirname, '../../..');
const entries = new Map<string, ManifestEntry>();
for (const sample of samples) {
  for (const base of [repository, fixturesDir]) {
    const key = path.relative(directory, path.join(base, sample.filename)).split(path.sep).join('/');
    entries.set(key, { path: key, hash: hashMigration(sample.code, sample.filename) });
  }
}
writeManifest(manifest, { hash: 'tokens', entries });

type Options = [{ manifest: string }];
const valid: Valid<Options>[] = samples.flatMap((sample) => [
  { filename: sample.filename, code: sample.code, options: [{ manifest }] },
  // Reformatted: other quotes (where that keeps the strings), no semicolons, deeper indentation, CRLF.
  {
    filename: sample.filename,
    code: (sample.code.includes('"') ? sample.code : sample.code.replace(/'/g, '"')).replace(/;\n/g, '\n').replace(/\n {2}/g, '\n    ').replace(/\n/g, '\r\n'),
    options: [{ manifest }],
  },
]);
const invalid: Invalid<'editedApplied', Options>[] = samples.map((sample) => ({
  filename: sample.filename,
  code: sample.edit(sample.code),
  options: [{ manifest }],
  errors: [{ messageId: 'editedApplied', line: sample.line, column: sample.column }],
}));

runMigrationRuleTests('no-applied-migration-edit: every tool', rule, { valid, invalid });
