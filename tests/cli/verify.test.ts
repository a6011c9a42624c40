import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNEX, MANIFEST, TYPEORM, project, read, run, shop, write } from './helpers';

const ORDERS = 'src/migrations/1700000000000-AddOrdersTable.ts';
const SALES = 'migrations/20231115090000_add_daily_sales_table.js';

function locked(): string {
  const root = shop();
  expect(run(root, 'lock').code).toBe(0);
  return root;
}

interface Report {
  ok: boolean;
  source: Record<string, unknown>;
  hash: string;
  counts: Record<string, number>;
  findings: { kind: string; path: string; severity: string; message: string; [key: string]: unknown }[];
}

function verifyJson(root: string, ...args: string[]): { code: number | null; report: Report } {
  const result = run(root, 'verify', '--json', ...args);
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
}

describe('dbconventions verify', () => {
  it('passes when nothing applied has changed', () => {
    const root = locked();
    const result = run(root, 'verify');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`dbconventions verify: 4 applied migrations in ${MANIFEST}, 4 migrations on disk, 0 new.\nOK.\n`);
  });

  it('ignores a conversion to CRLF line endings', () => {
    const root = locked();
    for (const file of [ORDERS, SALES, 'db/migration/V1__create_products.sql']) write(root, file, read(root, file).replace(/\n/g, '\r\n'));
    expect(run(root, 'verify').code).toBe(0);
  });

  it('ignores formatting-only changes', () => {
    const root = locked();
    write(
      root,
      ORDERS,
      `import { MigrationInterface, QueryRunner } from "typeorm"

export class AddOrdersTable1700000000000 implements MigrationInterface {
    // Creates the orders table.
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            'CREATE TABLE "orders" ("id" SERIAL PRIMARY KEY)',
        )
    }
    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TABLE \\"orders\\"")
    }
}
`,
    );
    write(root, 'db/migration/V1__create_products.sql', '-- Products.\nCREATE TABLE products (\n  id int\n);\n');
    expect(run(root, 'verify').stdout).toContain('OK.');
  });

  it('fails on a real edit, naming the file and what to do', () => {
    const root = locked();
    write(root, ORDERS, TYPEORM.replace('SERIAL PRIMARY KEY', 'BIGSERIAL PRIMARY KEY'));
    write(root, 'db/migration/V1__create_products.sql', 'CREATE TABLE products (id bigint);\n');
    const result = run(root, 'verify');
    expect(result.code).toBe(1);
    const out = result.stdout.split('\n');
    expect(out[1]).toMatch(/^ {2}error {3}edited {8}db\/migration\/V1__create_products\.sql was applied and has been edited since it was recorded \(recorded [0-9a-f]{12}, now [0-9a-f]{12}\)\. Revert the edit/);
    expect(out[2]).toContain(`edited        ${ORDERS} was applied`);
    expect(out[3]).toBe('2 problems.');
  });

  it('fails on a deleted and on a renamed migration', () => {
    const root = locked();
    fs.rmSync(path.join(root, 'db/migration/V1__create_products.sql'));
    fs.renameSync(path.join(root, SALES), path.join(root, 'migrations/20231115090000_add_sales_table.js'));
    const { code, report } = verifyJson(root);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => [finding.kind, finding.path, finding.to])).toEqual([
      ['deleted', 'db/migration/V1__create_products.sql', undefined],
      ['renamed', SALES, 'migrations/20231115090000_add_sales_table.js'],
    ]);
    expect(report.findings[1]!.message).toContain('the migration tool will see a new migration and run it again');
  });

  it('reports a new migration that sorts before the newest applied one', () => {
    const root = locked();
    write(root, 'migrations/20231001000000_add_regions.js', KNEX.replace(/daily_sales/g, 'regions'));
    write(root, 'migrations/20240301000000_add_stores.js', KNEX.replace(/daily_sales/g, 'stores'));
    const { code, report } = verifyJson(root);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'out-of-order', path: 'migrations/20231001000000_add_regions.js', severity: 'error', newest: SALES }),
    ]);
    const allowed = verifyJson(root, '--allow-out-of-order');
    expect(allowed.code).toBe(0);
    expect(allowed.report.findings[0]!.severity).toBe('warning');
    expect(run(root, 'verify', '--allow-out-of-order').stdout).toContain('OK (with warnings).');
  });

  it('checks the names and down files of new SQL migrations', () => {
    const root = locked();
    write(root, 'drizzle/meta/_journal.json', '{}');
    write(root, 'drizzle/0000_swift_blackbird.sql', 'CREATE TABLE "users" ("id" serial PRIMARY KEY);\n');
    write(root, 'drizzle/0001_add_orders.sql', 'CREATE TABLE "orders" ("id" serial PRIMARY KEY);\n');
    write(root, 'prisma/migrations/20240201120000_update_schema/migration.sql', 'ALTER TABLE "Customer" ADD COLUMN "email" text;\n');
    write(root, 'db/migrations/000001_create_users.up.sql', 'CREATE TABLE users (id int);\n');
    write(root, 'db/migrations/000002_add_email.up.sql', 'ALTER TABLE users ADD email text;\n');
    write(root, 'db/migrations/000002_add_email.down.sql', '-- nothing yet\n');
    write(root, 'db/migrations/000003_drop_fax.up.sql', '-- Irreversible: fax numbers are deleted for GDPR (PRIV-112).\nALTER TABLE users DROP fax;\n');
    write(root, 'migrations/1700000000000_add-tags.sql', '-- Up Migration\nCREATE TABLE tags (id int);\n-- Down Migration\n');
    const { code, report } = verifyJson(root);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => `${finding.kind} ${finding.path}`)).toEqual([
      'name drizzle/0000_swift_blackbird.sql',
      'name prisma/migrations/20240201120000_update_schema/migration.sql',
      'missing-down db/migrations/000001_create_users.up.sql',
      'missing-down db/migrations/000002_add_email.up.sql',
      'missing-down migrations/1700000000000_add-tags.sql',
    ]);
    expect(report.findings[0]!.message).toContain("drizzle-kit's made-up name");
    expect(report.findings[2]!.message).toContain('db/migrations/000001_create_users.down.sql does not exist');
    expect(report.findings[3]!.message).toContain('does nothing (no SQL in it)');
    expect(report.findings[4]!.message).toContain('`-- Down Migration` section is empty');
    expect(verifyJson(root, '--accept-generated-names').report.findings.map((finding) => finding.path)).not.toContain('drizzle/0000_swift_blackbird.sql');
  });

  it('lets repeatable Flyway scripts change', () => {
    const root = project({ 'db/migration/R__refresh_views.sql': 'CREATE OR REPLACE VIEW v AS SELECT 1;\n' });
    run(root, 'lock');
    write(root, 'db/migration/R__refresh_views.sql', 'CREATE OR REPLACE VIEW v AS SELECT 2;\n');
    expect(run(root, 'verify').code).toBe(0);
    expect(run(root, 'status').stdout).toContain('repeatable  db/migration/R__refresh_views.sql');
  });

  it('writes a deterministic machine-readable report', () => {
    const root = locked();
    write(root, ORDERS, TYPEORM.replace('SERIAL', 'BIGSERIAL'));
    const first = run(root, 'verify', '--json');
    expect(first.stdout).toBe(run(root, 'verify', '--json').stdout);
    const report = JSON.parse(first.stdout) as Report;
    expect(report).toEqual({
      ok: false,
      source: { kind: 'manifest', path: MANIFEST, found: true },
      hash: 'tokens',
      counts: { recorded: 4, current: 4, new: 0, errors: 1, warnings: 0 },
      findings: [
        {
          kind: 'edited',
          path: ORDERS,
          severity: 'error',
          recorded: expect.stringMatching(/^sha256:/),
          current: expect.stringMatching(/^sha256:/),
          message: expect.stringContaining('was applied and has been edited'),
        },
      ],
    });
  });

  it('says when there is no manifest, and still checks new SQL migrations', () => {
    const root = project({ 'db/migrations/000001_create_users.up.sql': 'CREATE TABLE users (id int);\n', 'db/migrations/000001_create_users.down.sql': 'DROP TABLE users;\n' });
    const result = run(root, 'verify');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`in ${MANIFEST} (not found: nothing is recorded yet; run \`dbconventions lock\` where migrations are applied)`);
  });
});

function git(root: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd: root,
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
    stdio: 'ignore',
  });
}

describe('dbconventions verify --git-ref', () => {
  it('treats the migrations at the ref as applied', () => {
    const root = shop();
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'migrations');
    git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    expect(run(root, 'verify', '--git-ref', 'origin/main').code).toBe(0);
    write(root, SALES, KNEX.replace('notNullable', 'nullable'));
    write(root, 'migrations/20230101000000_add_regions.js', KNEX.replace(/daily_sales/g, 'regions'));
    const { code, report } = verifyJson(root, '--git-ref', 'origin/main');
    expect(code).toBe(1);
    expect(report.source).toEqual({ kind: 'git', ref: 'origin/main', commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(report.findings.map((finding) => `${finding.kind} ${finding.path}`)).toEqual([`edited ${SALES}`, 'out-of-order migrations/20230101000000_add_regions.js']);
  });

  it('gives one clear message when the ref is missing or git cannot help', () => {
    const root = shop();
    const outside = run(root, 'verify', '--git-ref', 'origin/main');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^dbconventions: .* is not inside a git repository\.\n$/);
    git(root, 'init', '-q', '-b', 'main');
    const missing = run(root, 'verify', '--git-ref', 'origin/main');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('git ref "origin/main" does not exist here');
    const injected = run(root, 'verify', '--git-ref=--output=/tmp/x');
    expect(injected.code).toBe(2);
    expect(injected.stderr).toContain('is not a git ref this plugin will pass to git');
  });
});
