import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

runRuleTests('require-connection-release: Knex', rule, {
  valid: [
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 10 } });
export async function copyOut(table) {
  const connection = await db.client.acquireConnection();
  try {
    return await streamCopy(connection, table);
  } finally {
    await db.client.releaseConnection(connection);
  }
}
`,
      js: true,
    },
    // Query builders and \`knex.raw\` borrow and return connections themselves.
    `
import knex from 'knex';
const db = knex({ client: 'mysql2' });
export async function users() {
  return db('users').select('id', 'email');
}
`,
  ],
  invalid: [
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function copyOut(table) {
  const connection = await db.client.acquireConnection();
  const result = await streamCopy(connection, table);
  await db.client.releaseConnection(connection);
  return result;
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 5, 28, 'db.client.acquireConnection()', 'knex', 6)],
    },
    {
      code: `
const knex = require('knex')({ client: 'pg' });
async function setRole(role) {
  const conn = await knex.client.acquireConnection();
  await conn.query(\`SET ROLE \${role}\`);
}
module.exports = { setRole };
`,
      js: true,
      errors: [leak('neverReleased', 4, 22, 'knex.client.acquireConnection()', 'knex')],
    },
  ],
});
