import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: mysql2', rule, {
  valid: [
    `
import mysql from 'mysql2/promise';
import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export async function publish(articleId: number, html: string) {
  await storage.bucket('site').file(\`articles/\${articleId}.html\`).save(html);
  const conn = await mysql.createConnection({ host: 'db' });
  await conn.beginTransaction();
  try {
    await conn.execute('UPDATE articles SET published = 1 WHERE id = ?', [articleId]);
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  }
}
`,
  ],
  invalid: [
    {
      code: `
import mysql from 'mysql2/promise';
import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export async function publish(articleId: number, html: string) {
  const conn = await mysql.createConnection({ host: 'db' });
  await conn.beginTransaction();
  try {
    await conn.execute('UPDATE articles SET published = 1 WHERE id = ?', [articleId]);
    await storage.bucket('site').file(\`articles/\${articleId}.html\`).save(html);
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  }
  await conn.query('START TRANSACTION');
  const bucket = storage.bucket('site');
  await bucket.upload('/tmp/sitemap.xml');
  await conn.query('COMMIT');
}
`,
      errors: [
        io(10, 11, 'storage.bucket(…).file(…).save()', 'google-cloud-storage', { by: 'conn.beginTransaction()', line: 7 }),
        io(18, 9, 'bucket.upload()', 'google-cloud-storage', { by: "conn.query('START TRANSACTION')", line: 16 }),
      ],
    },
  ],
});
