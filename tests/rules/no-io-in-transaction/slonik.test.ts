import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: Slonik', rule, {
  valid: [
    `
import { createPool, sql } from 'slonik';
import { ServerClient } from 'postmark';
const postmark = new ServerClient(process.env.POSTMARK_TOKEN!);
export async function invite(email: string) {
  const pool = await createPool(process.env.DATABASE_URL!);
  await pool.transaction(async (connection) => {
    await connection.query(sql.unsafe\`insert into invites (email) values (\${email})\`);
    await connection.query(sql.unsafe\`update stats set invites = invites + 1\`);
  });
  await postmark.sendEmail({ From: 'team@example.com', To: email, Subject: 'Invite', TextBody: 'Join us' });
}
`,
  ],
  invalid: [
    {
      code: `
import { createPool, sql } from 'slonik';
import { ServerClient } from 'postmark';
const postmark = new ServerClient(process.env.POSTMARK_TOKEN!);
export async function invite(email: string) {
  const pool = await createPool(process.env.DATABASE_URL!);
  await pool.transaction(async (connection) => {
    await connection.query(sql.unsafe\`insert into invites (email) values (\${email})\`);
    await postmark.sendEmail({ From: 'team@example.com', To: email, Subject: 'Invite', TextBody: 'Join us' });
  });
}
`,
      errors: [io(9, 11, 'postmark.sendEmail()', 'postmark', { by: 'pool.transaction()', line: 7 })],
    },
  ],
});
