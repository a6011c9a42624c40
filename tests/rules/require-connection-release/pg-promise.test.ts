import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

runRuleTests('require-connection-release: pg-promise', rule, {
  valid: [
    {
      code: `
import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL);
export async function listen(channel) {
  const sco = await db.connect();
  try {
    await sco.none('LISTEN $1:name', [channel]);
  } finally {
    sco.done();
  }
}
`,
      js: true,
    },
    // A permanent listener connection kept on purpose: stored for later.
    {
      code: `
const pgp = require('pg-promise')();
const db = pgp('postgres://localhost/app');
let listener;
async function subscribe() {
  listener = await db.connect({ direct: true });
  listener.client.on('notification', console.log);
}
module.exports = { subscribe };
`,
      js: true,
    },
    // Tasks and transactions give their connection back by themselves.
    `
import pgPromise from 'pg-promise';
const db = pgPromise()('postgres://localhost/app');
export function counts() {
  return db.task((t) => t.one('SELECT count(*) FROM users'));
}
`,
  ],
  invalid: [
    {
      code: `
import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL);
export async function version() {
  const sco = await db.connect();
  const row = await sco.one('SELECT version()');
  sco.done();
  return row.version;
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 6, 21, 'db.connect()', 'pg-promise', 7)],
    },
  ],
});
