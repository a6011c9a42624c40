import rule from '../../../src/rules/require-pool-size';
import { runRuleTests } from '../../helpers/rule-tester';
import { unsized } from './expect';

runRuleTests('require-pool-size: pg, mysql2, postgres.js, slonik, pg-promise', rule, {
  valid: [
    {
      code: `
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { createPool } from 'slonik';
import pgPromise from 'pg-promise';
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
export const my = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 15 });
export const myUrl = mysql.createPool('mysql://app@db/shop?connectionLimit=8');
export const sql = postgres(process.env.DATABASE_URL, { max: 12 });
export const slonik = await createPool(process.env.DATABASE_URL, { maximumPoolSize: 10 });
export const db = pgPromise()({ connectionString: process.env.DATABASE_URL, max: 30 });
`,
      js: true,
    },
    // Options built elsewhere, spread, or changed after they are written: not in sight.
    {
      code: `
const { Pool } = require('pg');
const config = require('./config');
const base = { max: 10 };
const settings = { connectionString: process.env.DATABASE_URL };
settings.max = Number(process.env.PG_POOL_MAX);
module.exports = {
  a: new Pool(config.database),
  b: new Pool({ ...base, connectionString: process.env.DATABASE_URL }),
  c: new Pool(settings),
};
`,
      js: true,
    },
    // A \`const\` options object that sets the size; a non-pooled Client; generic-pool and tarn.
    {
      code: `
import { Client, Pool } from 'pg';
import genericPool from 'generic-pool';
import { Pool as TarnPool } from 'tarn';
const options = { connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_MAX ?? 10) };
export const pool = new Pool(options);
export const client = new Client();
export const browsers = genericPool.createPool({ create: () => ({}), destroy: async () => {} });
export const workers = new TarnPool({ create: () => ({}), destroy: () => {}, min: 0, max: 2 });
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import { Pool } from 'pg';
export const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const other = new Pool();
`,
      js: true,
      errors: [unsized(3, 21, 'new Pool()', 'pg'), unsized(4, 22, 'new Pool()', 'pg')],
    },
    {
      code: `
import mysql from 'mysql2/promise';
export const pool = mysql.createPool({ host: 'db', user: 'app', database: 'shop' });
export const fromUrl = mysql.createPool('mysql://app@db/shop');
`,
      js: true,
      errors: [unsized(3, 21, 'mysql.createPool()', 'mysql2'), unsized(4, 24, 'mysql.createPool()', 'mysql2')],
    },
    {
      code: `
import postgres from 'postgres';
import { createPool } from 'slonik';
export const sql = postgres(process.env.DATABASE_URL);
export const withOptions = postgres(process.env.DATABASE_URL, { idle_timeout: 20 });
export const slonik = await createPool(process.env.DATABASE_URL);
`,
      js: true,
      errors: [
        unsized(4, 20, 'postgres()', 'postgres'),
        unsized(5, 28, 'postgres()', 'postgres'),
        unsized(6, 29, 'createPool()', 'slonik'),
      ],
    },
    {
      code: `
const pgp = require('pg-promise')();
const cn = { host: 'db', database: 'app' };
module.exports = pgp(cn);
`,
      js: true,
      errors: [unsized(4, 18, 'pgp()', 'pg-promise')],
    },
  ],
});
