// Correct: a descriptive name, and `down` drops what `up` creates.
exports.up = async function up(knex) {
  await knex.schema.createTable('daily_sales', (table) => {
    table.date('day').notNullable();
    table.integer('store_id').notNullable();
    table.integer('orders').notNullable().defaultTo(0);
    table.bigInteger('revenue_cents').notNullable().defaultTo(0);
    table.primary(['day', 'store_id']);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('daily_sales');
};
