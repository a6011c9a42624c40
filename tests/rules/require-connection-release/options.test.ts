import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

runRuleTests('require-connection-release: releaseFunctions, loops, scripts', rule, {
  valid: [
    // The team's own helper gives the connection back.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function run(sql) {
  const client = await pool.connect();
  try {
    return await client.query(sql);
  } finally {
    releaseQuietly(client);
  }
}
`,
      options: [{ releaseFunctions: ['releaseQuietly'] }],
      js: true,
    },
    // One checkout per iteration, each given back in its finally.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function reindexAll(tables) {
  for (const table of tables) {
    const client = await pool.connect();
    try {
      await client.query('REINDEX TABLE ' + client.escapeIdentifier(table));
    } finally {
      client.release();
    }
  }
}
`,
      js: true,
    },
    // A switch whose every case gives it back.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function dispatch(kind: string) {
  const client = await pool.connect();
  try {
    switch (kind) {
      case 'a':
        await client.query('SELECT 1');
        break;
      default:
        await client.query('SELECT 2');
    }
  } finally {
    client.release();
  }
}
`,
  ],
  invalid: [
    // Without the option, `releaseQuietly(client)` is a call the rule cannot see into: the `return` leaves
    // with the connection out (the `client.release()` below it is never reached).
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function run(sql) {
  const client = await pool.connect();
  try {
    return await client.query(sql);
  } finally {
    releaseQuietly(client);
  }
  client.release();
}
`,
      js: true,
      errors: [leak('releaseSkippedByReturn', 5, 24, 'pool.connect()', 'pg', 7)],
    },
    // A script with top-level await: the pool's `end()` then waits for the client forever.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
const client = await pool.connect();
await client.query('VACUUM');
await pool.end();
`,
      js: true,
      errors: [leak('neverReleased', 4, 22, 'pool.connect()', 'pg')],
    },
    // A loop that continues past a failed row without releasing.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function importRows(rows) {
  for (const row of rows) {
    const client = await pool.connect();
    if (!row.valid) continue;
    await client.query('INSERT INTO items VALUES ($1)', [row.id]);
    client.release();
  }
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 6, 26, 'pool.connect()', 'pg', 8)],
    },
  ],
});
