/**
 * The manifest source. The manifest lives in a temporary folder and records each file under both
 * paths the house tester lints it as (untyped: <repo>/migrations/…, typed: tests/fixtures/migrations/…).
 * The code under test is never on disk: the rule compares the editor's text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rule from '../../../src/rules/no-applied-migration-edit';
import { writeManifest, type ManifestEntry } from '../../../src/analysis/migrations/manifest';
import { hashMigration, type HashMode } from '../../../src/analysis/migrations/hash';
import { fixturesDir } from '../../helpers/rule-tester';
import { runMigrationRuleTests } from '../migration-testing';

const ORDERS = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrdersTable1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "orders" ("id" SERIAL PRIMARY KEY, "total" integer NOT NULL)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "orders"');
  }
}
`;

// The same migration, reformatted: other quotes, indentation and line breaks, no semicolons,
// trailing commas, a comment. The token stream is the same.
const ORDERS_REFORMATTED = `import {
  MigrationInterface,
  QueryRunner,
} from "typeorm"

// Reformatted by Prettier.
export class AddOrdersTable1700000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            "CREATE TABLE \\"orders\\" (\\"id\\" SERIAL PRIMARY KEY, \\"total\\" integer NOT NULL)",
        )
    }
    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TABLE \\"orders\\"")
    }
}
`;

// A real edit: the column is now nullable.
const ORDERS_EDITED = ORDERS.replace('integer NOT NULL', 'integer');

const KNEX = `exports.up = (knex) => knex.schema.createTable('daily_sales', (t) => t.date('day'));\nexports.down = (knex) => knex.schema.dropTable('daily_sales');\n`;
const SEED = `export const seed = async () => {\n  await insertRows();\n};\n`;

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-rule-'));
const repository = path.resolve(__dirname, '../../..');

/** Writes a manifest recording `files` (name under migrations/ → recorded text) for both linted locations. */
function manifest(name: string, files: Record<string, string>, mode: HashMode = 'tokens', extra: Partial<ManifestEntry> = {}): string {
  const file = path.join(directory, name);
  const entries = new Map<string, ManifestEntry>();
  for (const [relative, text] of Object.entries(files)) {
    for (const base of [repository, fixturesDir]) {
      const key = path.relative(directory, path.join(base, relative)).split(path.sep).join('/');
      entries.set(key, { path: key, hash: hashMigration(text, relative, mode), ...extra });
    }
  }
  writeManifest(file, { hash: mode, entries });
  return file;
}

const recorded = manifest('recorded.jsonl', {
  'migrations/1700000000000-AddOrdersTable.ts': ORDERS,
  'migrations/20231115090000_add_daily_sales_table.js': KNEX,
  'migrations/seed.ts': SEED,
});
const exact = manifest('exact.jsonl', { 'migrations/1700000000000-AddOrdersTable.ts': ORDERS }, 'exact');
const deleted = manifest('deleted.jsonl', { 'migrations/1700000000000-AddOrdersTable.ts': ORDERS }, 'tokens', { deleted: { reason: 'squashed into 1710000000000-Baseline' } });
const corrupt = path.join(directory, 'corrupt.jsonl');
fs.writeFileSync(corrupt, '{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\n{"path":"migrations/x.ts","hash":"sha256:123"}\n');
const conflicted = path.join(directory, 'conflicted.jsonl');
fs.writeFileSync(conflicted, '{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\n<<<<<<< HEAD\n');

const ORDERS_FILE = 'migrations/1700000000000-AddOrdersTable.ts';

runMigrationRuleTests('no-applied-migration-edit: manifest', rule, {
  valid: [
    // Recorded and unchanged.
    { filename: ORDERS_FILE, code: ORDERS, options: [{ manifest: recorded }] },
    // Formatting-only changes do not count.
    { filename: ORDERS_FILE, code: ORDERS_REFORMATTED, options: [{ manifest: recorded }] },
    // Line endings do not count.
    { filename: ORDERS_FILE, code: ORDERS.replace(/\n/g, '\r\n'), options: [{ manifest: recorded }] },
    { filename: 'migrations/20231115090000_add_daily_sales_table.js', code: KNEX, options: [{ manifest: recorded }] },
    // Not recorded: a new migration, free to change.
    { filename: 'migrations/1700000000100-AddRefunds.ts', code: ORDERS_EDITED.replace(/AddOrdersTable/g, 'AddRefunds'), options: [{ manifest: recorded }] },
    // Deleted on purpose (with a reason): nothing to compare.
    { filename: ORDERS_FILE, code: ORDERS_EDITED, options: [{ manifest: deleted }] },
    // No manifest: nothing to say.
    { filename: ORDERS_FILE, code: ORDERS_EDITED, options: [{ manifest: path.join(directory, 'missing.jsonl') }] },
    // A corrupt manifest says nothing about files that are not migrations.
    { filename: 'migrations/helpers.ts', code: `export const x = 1;`, options: [{ manifest: corrupt }] },
    { filename: 'file.ts', code: ORDERS, options: [{ manifest: corrupt }] },
  ],
  invalid: [
    {
      filename: ORDERS_FILE,
      code: ORDERS_EDITED,
      options: [{ manifest: recorded }],
      errors: [
        {
          messageId: 'editedApplied',
          line: 3,
          column: 14,
          endColumn: 41,
        },
      ],
    },
    // A knex migration: reported on the `up` export.
    {
      filename: 'migrations/20231115090000_add_daily_sales_table.js',
      code: KNEX.replace("t.date('day')", "t.date('day').notNullable()"),
      options: [{ manifest: recorded }],
      errors: [{ messageId: 'editedApplied', line: 1, column: 1, endColumn: 11 }],
    },
    // A recorded file outside the migration shapes (locked by name): reported on its first statement.
    {
      filename: 'migrations/seed.ts',
      code: SEED.replace('insertRows()', 'insertRows(1000)'),
      options: [{ manifest: recorded }],
      errors: [{ messageId: 'editedApplied', line: 1, column: 1, endLine: 3, endColumn: 3 }],
    },
    // With exact hashes, formatting counts (line endings still do not).
    { filename: ORDERS_FILE, code: ORDERS_REFORMATTED, options: [{ manifest: exact }], errors: [{ messageId: 'editedApplied', line: 7, column: 14 }] },
    // A corrupt manifest: one clear report, no crash.
    {
      filename: ORDERS_FILE,
      code: ORDERS,
      options: [{ manifest: corrupt }],
      errors: [{ messageId: 'manifestUnreadable', line: 3, column: 14, data: { problem: `${corrupt}:2: "hash" must look like "sha256:<64 hex digits>"` } }],
    },
    {
      filename: ORDERS_FILE,
      code: ORDERS,
      options: [{ manifest: conflicted }],
      errors: [{ messageId: 'manifestUnreadable', line: 3, column: 14, data: { problem: `${conflicted}:2: a merge-conflict marker: resolve the conflict, keeping the entries of both sides` } }],
    },
  ],
});

runMigrationRuleTests('no-applied-migration-edit: exact hashes ignore line endings', rule, {
  valid: [{ filename: ORDERS_FILE, code: ORDERS.replace(/\n/g, '\r\n'), options: [{ manifest: exact }] }],
  invalid: [],
});
