import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

const advice = (builder: string, columns: string) =>
  `end the column with \`.index()\`, or add \`${builder}.index([${columns}])\` to the table`;

runRuleTests('require-fk-index: Knex', rule, {
  valid: [
    // A migration whose \`down\` puts back keys its \`up\` dropped (Directus): the keys are an earlier migration's, and so is their index.
    {
      filename: 'tests/fixtures/fk-history/migrations/20240301000000_remove_collection_foreign_keys.js',
      // The migration is known by its folder: a path the typed project does not hold.
      mode: 'untyped',
      code: `
export async function up(knex) {
  await knex.schema.alterTable('app_fields', (table) => {
    table.dropForeign(['collection']);
  });
}
export async function down(knex) {
  await knex.schema.alterTable('app_fields', (table) => {
    table.foreign('collection').references('app_collections.collection');
  });
}
`,
      js: true,
    },
    // \`.index()\` in the column's chain, a table index that starts with the key, a composite key led by it.
    {
      code: `
exports.up = (knex) =>
  knex.schema.createTable('orders', (t) => {
    t.increments('id');
    t.integer('customer_id').notNullable().references('id').inTable('customers').index();
    t.integer('shop_id').references('shops.id');
    t.integer('warehouse_id').references('warehouses.id');
    t.integer('coupon_id').unique().references('coupons.id');
    t.index(['shop_id', 'created_at']);
    t.unique(['warehouse_id']);
  });
exports.down = (knex) => knex.schema.dropTable('orders');
`,
      js: true,
    },
    // A composite foreign key served by a composite index that starts with both columns.
    {
      code: `
export async function up(knex) {
  await knex.schema.alterTable('line_items', (table) => {
    table.foreign(['order_id', 'order_version']).references(['id', 'version']).inTable('orders');
    table.index(['order_id', 'order_version', 'sku']);
  });
}
`,
      js: true,
    },
    // A look-alike: \`references\` of a citation builder, not a knex column.
    {
      code: `
import { cite } from './citations';
export const entry = cite.book('Knuth').references('TAOCP');
`,
      js: true,
    },
  ],
  invalid: [
    {
      // The same key made in \`up\`: reported.
      filename: 'tests/fixtures/fk-history/migrations/20240301000000_add_collection_foreign_keys.js',
      // The migration is known by its folder: a path the typed project does not hold.
      mode: 'untyped',
      code: `
export async function up(knex) {
  await knex.schema.alterTable('app_fields', (table) => {
    table.foreign('collection').references('app_collections.collection');
  });
}
export async function down(knex) {
  await knex.schema.alterTable('app_fields', (table) => {
    table.dropForeign(['collection']);
  });
}
`,
      js: true,
      errors: [{ messageId: 'missingIndex', line: 4, data: { key: 'app_fields.collection', plural: '', table: 'app_fields', advice: advice('table', "'collection'") } }],
    },
    {
      code: `
exports.up = (knex) =>
  knex.schema.createTable('orders', (t) => {
    t.increments('id');
    t.integer('customer_id').unsigned().references('id').inTable('customers');
    t.index(['created_at', 'customer_id']);
  });
exports.down = (knex) => knex.schema.dropTable('orders');
`,
      js: true,
      errors: [
        {
          messageId: 'missingIndex',
          line: 5,
          column: 41,
          endColumn: 57,
          data: { key: 'orders.customer_id', plural: '', table: 'orders', advice: advice('t', "'customer_id'") },
        },
      ],
    },
    // A composite key: an index on its second column alone does not serve it; nor does a partial one.
    {
      code: `
export async function up(knex) {
  await knex.schema.table('line_items', (table) => {
    table.foreign(['order_id', 'order_version']).references(['id', 'version']).inTable('orders');
    table.index(['order_version']);
    table.uuid('product_id').references('products.id');
    table.index(['product_id'], 'line_items_live_product', { predicate: knex.whereNull('deleted_at') });
  });
}
`,
      js: true,
      errors: [
        { messageId: 'missingIndex', line: 4, column: 50, data: { key: 'line_items.(order_id, order_version)', plural: 's', table: 'line_items', advice: advice('table', "'order_id', 'order_version'") } },
        { messageId: 'missingIndex', line: 6, column: 30 },
      ],
    },
  ],
});
