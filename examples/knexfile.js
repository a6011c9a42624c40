// knex CLI settings for the reporting database (migrations/ holds its migrations).
module.exports = {
  client: 'pg',
  connection: process.env.REPORTING_DATABASE_URL,
  pool: { min: 2, max: 10 },
  migrations: { directory: './migrations', tableName: 'knex_migrations' },
};
