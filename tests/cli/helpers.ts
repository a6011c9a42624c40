/**
 * The CLI under test is the built one (`dist/cli/index.js`, the package's bin), run with node in a
 * child process on a temporary project folder. `npm test` builds first; run `npm run build` before
 * running these tests alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export const repository = path.resolve(__dirname, '../..');
export const cli = path.join(repository, 'dist/cli/index.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

beforeAll(() => {
  if (!fs.existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run build` first.');
});

export function run(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** A temporary project with the given files (path → text). */
export function project(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-cli-')));
  folders.push(root);
  for (const [relative, text] of Object.entries(files)) write(root, relative, text);
  return root;
}

export function write(root: string, relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
}

export function read(root: string, relative: string): string {
  return fs.readFileSync(path.join(root, relative), 'utf8');
}

export const MANIFEST = 'migrations.manifest.jsonl';

export const TYPEORM = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrdersTable1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "orders" ("id" SERIAL PRIMARY KEY)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "orders"');
  }
}
`;

export const KNEX = `exports.up = async function up(knex) {
  await knex.schema.createTable('daily_sales', (table) => {
    table.date('day').notNullable();
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('daily_sales');
};
`;

/** A project with migrations of several tools, none recorded yet. */
export function shop(): string {
  return project({
    'package.json': '{"name":"shop","private":true}\n',
    'src/migrations/1700000000000-AddOrdersTable.ts': TYPEORM,
    'src/migrations/helpers.ts': 'export const now = () => new Date();\n',
    'migrations/20231115090000_add_daily_sales_table.js': KNEX,
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    'prisma/migrations/20240101120000_add_customers/migration.sql': 'CREATE TABLE "Customer" ("id" SERIAL PRIMARY KEY);\n',
    'db/migration/V1__create_products.sql': 'CREATE TABLE products (id int);\n',
    'node_modules/some-lib/migrations/001_x.js': 'exports.up = () => {};\n',
  });
}
