// The same reporting database through knex, for the search and inventory queries.
import knex from 'knex';

export const db = knex({
  client: 'pg',
  connection: process.env.REPORTING_DATABASE_URL,
  pool: { min: 2, max: 10 },
});
