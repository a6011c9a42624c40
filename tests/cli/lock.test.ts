import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNEX, MANIFEST, TYPEORM, project, read, run, shop, write } from './helpers';

const lines = (text: string) => text.trim().split('\n');

describe('dbconventions lock', () => {
  it('records every migration found, sorted, one line each, and nothing else', () => {
    const root = shop();
    const result = run(root, 'lock');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `Recorded 4 migrations as applied in ${MANIFEST}:`,
        '  + db/migration/V1__create_products.sql',
        '  + migrations/20231115090000_add_daily_sales_table.js',
        '  + prisma/migrations/20240101120000_add_customers/migration.sql',
        '  + src/migrations/1700000000000-AddOrdersTable.ts',
        '',
      ].join('\n'),
    );
    const manifest = lines(read(root, MANIFEST));
    expect(manifest[0]).toBe('{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}');
    expect(manifest.slice(1).map((line) => (JSON.parse(line) as { path: string }).path)).toEqual([
      'db/migration/V1__create_products.sql',
      'migrations/20231115090000_add_daily_sales_table.js',
      'prisma/migrations/20240101120000_add_customers/migration.sql',
      'src/migrations/1700000000000-AddOrdersTable.ts',
    ]);
    for (const line of manifest.slice(1)) expect(line).toMatch(/^\{"path":"[^"]+","hash":"sha256:[0-9a-f]{64}"\}$/);
  });

  it('is deterministic: the same migrations give the same bytes, and a second lock changes nothing', () => {
    const first = shop();
    const second = shop();
    run(first, 'lock');
    run(second, 'lock');
    expect(read(first, MANIFEST)).toBe(read(second, MANIFEST));
    const before = read(first, MANIFEST);
    const again = run(first, 'lock');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Nothing new to record in ${MANIFEST}.\n4 migrations already recorded, unchanged.\n`);
    expect(read(first, MANIFEST)).toBe(before);
  });

  it('records only the files named', () => {
    const root = shop();
    const result = run(root, 'lock', 'src/migrations/1700000000000-AddOrdersTable.ts');
    expect(result.code).toBe(0);
    expect(lines(read(root, MANIFEST))).toHaveLength(2);
    // A file that does not exist: nothing is written.
    const missing = run(root, 'lock', 'migrations/nope.js');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('migrations/nope.js: no such file. Nothing was recorded.');
    expect(lines(read(root, MANIFEST))).toHaveLength(2);
  });

  it('adds new migrations without re-recording an edited one, and exits 1', () => {
    const root = shop();
    run(root, 'lock');
    const before = JSON.parse(lines(read(root, MANIFEST))[2]!) as { hash: string };
    write(root, 'migrations/20231115090000_add_daily_sales_table.js', KNEX.replace('notNullable()', 'nullable()'));
    write(root, 'migrations/20240201120000_add_refunds.js', KNEX.replace(/daily_sales/g, 'refunds'));
    const result = run(root, 'lock');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('+ migrations/20240201120000_add_refunds.js');
    expect(result.stderr).toContain('error: migrations/20231115090000_add_daily_sales_table.js: edited since it was recorded');
    expect(result.stderr).toContain('dbconventions accept migrations/20231115090000_add_daily_sales_table.js --reason');
    const after = JSON.parse(lines(read(root, MANIFEST))[2]!) as { path: string; hash: string };
    expect(after.path).toBe('migrations/20231115090000_add_daily_sales_table.js');
    expect(after.hash).toBe(before.hash);
  });

  it('never drops an entry: a deleted migration stays recorded, with a warning', () => {
    const root = shop();
    run(root, 'lock');
    fs.rmSync(path.join(root, 'db/migration/V1__create_products.sql'));
    const result = run(root, 'lock');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: db/migration/V1__create_products.sql is recorded but missing. Its entry is kept');
    expect(read(root, MANIFEST)).toContain('"path":"db/migration/V1__create_products.sql"');
  });

  it('creates a manifest with exact hashes on request, and will not switch modes later', () => {
    const root = project({ 'migrations/20231115090000_add_daily_sales_table.js': KNEX });
    expect(run(root, 'lock', '--hash', 'exact').code).toBe(0);
    expect(lines(read(root, MANIFEST))[0]).toBe('{"manifest":"dbconventions/migrations","version":1,"hash":"exact"}');
    const result = run(root, 'lock', '--hash=tokens');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the manifest records "exact" hashes; it cannot switch to "tokens"');
  });

  it('creates an empty manifest when there are no migrations yet', () => {
    const root = project({ 'src/index.ts': 'export {};\n' });
    const result = run(root, 'lock');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Nothing new to record in ${MANIFEST} (created it).\n`);
    expect(read(root, MANIFEST)).toBe('{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\n');
  });

  it('takes --manifest, --root and --folders', () => {
    const root = project({ 'db/changes/20240101120000_add_orders.js': KNEX, 'service/migrations/1700000000000-AddOrdersTable.ts': TYPEORM });
    const result = run(root, 'lock', '--manifest', 'db/manifest.jsonl', '--root', '.', '--folders', 'db/changes/**');
    expect(result.code).toBe(0);
    // Paths are relative to the manifest's folder.
    expect(read(root, 'db/manifest.jsonl')).toContain('"path":"changes/20240101120000_add_orders.js"');
    expect(read(root, 'db/manifest.jsonl')).not.toContain('service/');
  });
});

describe('dbconventions arguments', () => {
  it('prints help and the version, and refuses what it does not know', () => {
    const root = project({});
    const help = run(root, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dbconventions <command> [options]');
    expect(run(root, '--version').stdout).toMatch(/^\d+\.\d+\.\d+/);
    const none = run(root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');
    for (const args of [['frobnicate'], ['lock', '--json'], ['verify', '--nope'], ['verify', 'file.ts'], ['lock', '--hash', 'md5'], ['accept', 'a.ts'], ['accept', '--reason', 'x']]) {
      const result = run(root, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^dbconventions: .+Run `dbconventions --help` for usage\.\n$/);
    }
  });
});
