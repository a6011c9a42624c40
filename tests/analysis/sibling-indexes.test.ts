// The indexes other migrations of a folder create, as require-fk-index reads them: the folder's answer
// is kept for a few seconds, and clearModuleCache() (tests, the bench's cold pass) forgets it at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearModuleCache } from '../../src/analysis/modules/load';
import { siblingIndexes } from '../../src/analysis/schema/sibling-indexes';

describe('siblingIndexes', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-siblings-'));
  const folder = path.join(root, 'migrations');
  fs.mkdirSync(folder);
  const linted = path.join(folder, '20240101000000_create_orders.js');
  const sibling = path.join(folder, '20240102000000_index_orders.sql');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the indexes of the other files of the folder, and sees a change after clearModuleCache()', () => {
    fs.writeFileSync(linted, 'exports.up = (knex) => knex.raw("SELECT 1");\n');
    fs.writeFileSync(sibling, 'CREATE INDEX orders_customer_idx ON orders (customer_id);\n');
    const before = siblingIndexes(linted, root);
    expect(before.map(({ table, columns }) => ({ table, columns }))).toEqual([{ table: 'orders', columns: ['customer_id'] }]);
    expect(before[0]?.file).toBe('migrations/20240102000000_index_orders.sql');

    fs.writeFileSync(sibling, 'CREATE INDEX orders_shop_idx ON orders (shop_id);\n');
    clearModuleCache();
    expect(siblingIndexes(linted, root).map(({ columns }) => columns)).toEqual([['shop_id']]);
  });
});
