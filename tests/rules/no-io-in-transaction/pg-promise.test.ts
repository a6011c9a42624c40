import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: pg-promise', rule, {
  valid: [
    // `task` shares a connection without a transaction: not this rule's business.
    {
      code: `
const pgp = require('pg-promise')();
const twilio = require('twilio');
const db = pgp(process.env.DATABASE_URL);
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
async function remind(bookingId, phone) {
  await db.task(async (t) => {
    await t.none('UPDATE bookings SET reminded = true WHERE id = $1', [bookingId]);
    await sms.messages.create({ to: phone, from: '+15550000', body: 'See you tomorrow' });
  });
}
module.exports = { remind };
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
const pgp = require('pg-promise')();
const twilio = require('twilio');
const db = pgp(process.env.DATABASE_URL);
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
async function confirm(bookingId, phone) {
  await db.tx('confirm-booking', async (t) => {
    await t.none('UPDATE bookings SET confirmed = true WHERE id = $1', [bookingId]);
    await sms.messages.create({ to: phone, from: '+15550000', body: 'Confirmed' });
  });
}
module.exports = { confirm };
`,
      js: true,
      errors: [io(9, 11, 'sms.messages.create()', 'twilio', { by: 'db.tx()', line: 7 })],
    },
    // The database from another file; the options form.
    {
      code: `
import { db } from './db';
import { setTimeout } from 'node:timers/promises';
export async function settle(id: number) {
  await db.tx({ mode: null }, async (t) => {
    await t.none('UPDATE ledger SET settled = true WHERE id = $1', [id]);
    await setTimeout(2000);
  });
}
`,
      errors: [io(7, 11, 'setTimeout()', 'node-timers', { by: 'db.tx()', line: 5 })],
    },
  ],
});
