import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNEX, MANIFEST, read, run, shop, write } from './helpers';

const SALES = 'migrations/20231115090000_add_daily_sales_table.js';

function locked(): string {
  const root = shop();
  expect(run(root, 'lock').code).toBe(0);
  return root;
}

const entry = (root: string, file: string) =>
  read(root, MANIFEST)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((item) => item.path === file);

describe('dbconventions accept', () => {
  it('records a deliberate edit with its reason, reviewable in the manifest', () => {
    const root = locked();
    const before = entry(root, SALES)!.hash;
    write(root, SALES, KNEX.replace("table.date('day').notNullable();", "table.date('day').notNullable(); // vendor fix: comment only"));
    // A comment alone is formatting: nothing to accept.
    const nothing = run(root, 'accept', SALES, '--reason', 'comment');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('matches its record: nothing to accept');
    write(root, SALES, KNEX.replace('notNullable()', 'notNullable().defaultTo(knex.fn.now())'));
    expect(run(root, 'verify').code).toBe(1);
    const result = run(root, 'accept', SALES, '--reason', 'Every environment already has this default (set by hand in INC-42).');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Accepted the edit of migrations\/20231115090000_add_daily_sales_table\.js \([0-9a-f]{12} → [0-9a-f]{12}\): "Every environment/);
    const after = entry(root, SALES)!;
    expect(after.accepted).toEqual([{ from: before, to: after.hash, reason: 'Every environment already has this default (set by hand in INC-42).' }]);
    expect(run(root, 'verify').code).toBe(0);
    expect(run(root, 'status').stdout).toContain('accepted: "Every environment already has this default (set by hand in INC-42)."');
  });

  it('needs a reason', () => {
    const root = locked();
    write(root, SALES, KNEX.replace('notNullable()', 'nullable()'));
    const empty = run(root, 'accept', SALES, '--reason', '  ');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('accept needs a reason');
    expect(run(root, 'accept', SALES).code).toBe(2);
  });

  it('records a rename', () => {
    const root = locked();
    const renamed = 'migrations/20231115090000_add_sales_table.js';
    fs.renameSync(path.join(root, SALES), path.join(root, renamed));
    const result = run(root, 'accept', renamed, '--reason', 'The team renames migrations to match the table; the tool tracks them by a stable id.');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Recorded the rename of ${SALES} to ${renamed}: "The team renames migrations to match the table; the tool tracks them by a stable id.".\n`);
    expect(entry(root, SALES)).toBeUndefined();
    expect(entry(root, renamed)!.renamed).toEqual([{ from: SALES, reason: 'The team renames migrations to match the table; the tool tracks them by a stable id.' }]);
    expect(run(root, 'verify').code).toBe(0);
  });

  it('records a rename with edits when told where it came from', () => {
    const root = locked();
    const renamed = 'migrations/20231115090000_add_sales_table.js';
    fs.rmSync(path.join(root, SALES));
    write(root, renamed, KNEX.replace('notNullable()', 'nullable()'));
    expect(run(root, 'accept', renamed, '--reason', 'squash').stderr).toContain('needs --renamed-from <old path>');
    const result = run(root, 'accept', renamed, '--reason', 'Renamed, and the column made nullable as it is in production.', '--renamed-from', SALES);
    expect(result.code).toBe(0);
    const moved = entry(root, renamed)!;
    expect(moved.renamed).toEqual([{ from: SALES, reason: 'Renamed, and the column made nullable as it is in production.' }]);
    expect(moved.accepted).toHaveLength(1);
  });

  it('records a deletion, which then stays in the manifest', () => {
    const root = locked();
    fs.rmSync(path.join(root, SALES));
    expect(run(root, 'verify').code).toBe(1);
    const result = run(root, 'accept', SALES, '--reason', 'Squashed into 20240101000000_baseline.');
    expect(result.code).toBe(0);
    expect(entry(root, SALES)!.deleted).toEqual({ reason: 'Squashed into 20240101000000_baseline.' });
    expect(run(root, 'verify').code).toBe(0);
    expect(run(root, 'status').stdout).toContain(`deleted-accepted  ${SALES}`);
    // `lock` does not bring it back.
    expect(run(root, 'lock').code).toBe(0);
    expect(entry(root, SALES)!.deleted).toBeDefined();
  });

  it('refuses what is neither recorded nor a rename', () => {
    const root = locked();
    write(root, 'migrations/20240301000000_add_stores.js', KNEX.replace(/daily_sales/g, 'stores'));
    const result = run(root, 'accept', 'migrations/20240301000000_add_stores.js', '--reason', 'new');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not recorded, and no recorded migration that is gone has its content');
  });
});

describe('dbconventions status', () => {
  it('lists every migration and its state', () => {
    const root = locked();
    write(root, SALES, KNEX.replace('notNullable()', 'nullable()'));
    write(root, 'migrations/20240301000000_add_stores.js', KNEX.replace(/daily_sales/g, 'stores'));
    const result = run(root, 'status');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${MANIFEST} (tokens hashes):`);
    expect(lines.slice(1, -1).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'applied db/migration/V1__create_products.sql',
      `edited ${SALES}`,
      'new migrations/20240301000000_add_stores.js',
      'applied prisma/migrations/20240101120000_add_customers/migration.sql',
      'applied src/migrations/1700000000000-AddOrdersTable.ts',
    ]);
    expect(lines.at(-1)).toBe('3 applied, 1 edited, 1 new');
    const json = JSON.parse(run(root, 'status', '--json').stdout) as { migrations: { path: string; state: string }[] };
    expect(json.migrations.map((migration) => migration.state)).toEqual(['applied', 'edited', 'new', 'applied', 'applied']);
  });
});
