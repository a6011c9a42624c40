import rule from '../../../src/rules/no-client-per-request';
import { runRuleTests } from '../../helpers/rule-tester';
import { options } from './expect';

// Per-request code that makes things named like clients and pools, and per-request code that only borrows.
runRuleTests('no-client-per-request: look-alikes and borrowing', rule, {
  valid: [
    {
      code: `
import express from 'express';
import { pool } from './db';
import { dataSource } from './data-source';
import { sql } from './postgres';
const app = express();
const db = new Map();
app.get('/report', async (req, res) => {
  const client = await pool.connect();
  const runner = dataSource.createQueryRunner();
  const reserved = await sql.reserve();
  const cache = new Map();
  const conn = db.get('main');
  try {
    res.json({ cache, conn });
  } finally {
    client.release();
    await runner.release();
    reserved.release();
  }
});
`,
      options,
      js: true,
    },
    // Classes and functions of the app that happen to be named like the libraries' exports.
    {
      code: `
import { Pool } from './thread-pool';
import { createPool } from './http-agents';
export class Jobs {
  run(task) {
    const pool = new Pool(4);
    const agents = createPool({ keepAlive: true });
    return pool.exec(task, agents);
  }
}
`,
      options,
      js: true,
    },
  ],
  invalid: [],
});
