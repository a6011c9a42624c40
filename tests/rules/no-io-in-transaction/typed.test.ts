// Across files: the clients and the database come from the user's own modules
// (tests/fixtures/io-clients.ts and io-db.ts). Typed, the checker sees what they are: the receiver's type is
// an I/O library's class (AxiosInstance, S3Client, Transporter, Redis, a Stripe resource, Queue, Producer).
// Untyped, the module engine reads those modules and sees the same: `export const http = axios.create()`.
// The project's own functions (`fetchRate`, `notifyWarehouse`) are followed into their file in both modes,
// and the message names the path. Without a file on disk (the untyped tester's default name) there is
// nothing to follow, and nothing is reported.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io, through } from './expect';

const code = `
import { db, dataSource, kysely, sql } from './io-db';
import { http, s3, mailer, redis, stripe, emailQueue, producer, fetchRate, loadPage, formatMoney, notifyWarehouse } from './io-clients';
import { PutObjectCommand } from '@aws-sdk/client-s3';
export async function settle(orderId: number, cents: number) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ total: formatMoney(cents) });
    await http.post('/settlements', { orderId });
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: String(orderId) }));
    await mailer.sendMail({ to: 'a@example.com' });
    await redis.incr('settled');
    await stripe.charges.capture('ch_1');
    await emailQueue.add('settled', { orderId });
    await producer.send({ topic: 'settled', messages: [] });
    const { data } = await fetchRate('EUR');
    const page = await loadPage('https://example.com');
    await notifyWarehouse(orderId);
    return { rate: data.rate, status: page.status };
  });
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT 1');
    await redis.get('x');
  });
  await kysely.transaction().execute(async (trx) => {
    await trx.selectFrom('orders').selectAll().execute();
    await http.get('/x');
  });
  await sql.begin(async (tx) => {
    await tx\`select 1\`;
    await loadPage('https://example.com');
  });
}
`;

const knexTx = { by: 'db.transaction()', line: 6 };

const acrossFiles = [
  io(8, 11, 'http.post()', 'axios', knexTx),
  io(9, 11, 's3.send()', 'aws-sdk-v3', knexTx),
  io(10, 11, 'mailer.sendMail()', 'nodemailer', knexTx),
  io(11, 11, 'redis.incr()', 'ioredis', knexTx),
  io(12, 11, 'stripe.charges.capture()', 'stripe', knexTx),
  io(13, 11, 'emailQueue.add()', 'bullmq', knexTx),
  io(14, 11, 'producer.send()', 'kafkajs', knexTx),
  through(15, 28, 'fetchRate()', [['http.get()', './io-clients.ts']], 'axios', knexTx),
  through(16, 24, 'loadPage()', [['fetch()', './io-clients.ts']], 'fetch', knexTx),
  through(17, 11, 'notifyWarehouse()', [['http.post()', './io-clients.ts']], 'axios', knexTx),
  io(22, 11, 'redis.get()', 'ioredis', { by: 'dataSource.transaction()', line: 20 }),
  io(26, 11, 'http.get()', 'axios', { by: 'kysely.transaction().execute()', line: 24 }),
  through(30, 11, 'loadPage()', [['fetch()', './io-clients.ts']], 'fetch', { by: 'sql.begin()', line: 28 }),
];


runRuleTests('no-io-in-transaction: typed, across files', rule, {
  valid: [
    { code, mode: 'untyped' },
    // Types from the database libraries and the user's own pure helpers are not I/O.
    `
import { db, dataSource } from './io-db';
import { formatMoney } from './io-clients';
export async function total(id: number) {
  await db.transaction(async (trx) => {
    const [row] = await trx('orders').where({ id }).select('total');
    const label = formatMoney(row.total);
    await dataSource.manager.query('SELECT 1');
    await trx('labels').insert({ id, label });
  });
}
`,
  ],
  invalid: [
    {
      code,
      mode: 'typed',
      errors: acrossFiles,
    },
    // Untyped, with the file on disk (the tester's working folder is the repository root).
    { code, mode: 'untyped', filename: 'tests/fixtures/file.ts', errors: acrossFiles },
  ],
});
