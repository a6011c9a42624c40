// deliberate: no-generic-migration-name — "update_models" says nothing; it adds daily_sales.refund_cents
exports.up = async function up(knex) {
  await knex.schema.alterTable('daily_sales', (table) => {
    table.bigInteger('refund_cents').notNullable().defaultTo(0);
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable('daily_sales', (table) => {
    table.dropColumn('refund_cents');
  });
};
