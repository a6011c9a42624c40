import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: Drizzle', rule, {
  valid: [
    `
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { accounts, subscriptions } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function subscribe(userId: number, priceId: string) {
  const customer = await stripe.customers.create({ metadata: { userId: String(userId) } });
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ customerId: customer.id }).where(eq(accounts.userId, userId));
    await tx.insert(subscriptions).values({ userId, priceId });
    await tx.execute(sql\`select pg_notify('subscribed', \${String(userId)})\`);
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import Stripe from 'stripe';
const db = drizzle(process.env.DATABASE_URL!);
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function subscribe(userId: number, priceId: string) {
  await db.transaction(async (tx) => {
    const customer = await stripe.customers.create({ metadata: { userId: String(userId) } });
    await tx.execute(\`insert into subscriptions(user_id, customer) values (\${userId}, '\${customer.id}')\`);
    await tx.transaction(async (savepoint) => {
      await stripe.subscriptions.create({ customer: customer.id, items: [{ price: priceId }] });
    });
  }, { isolationLevel: 'serializable' });
}
`,
      errors: [
        io(8, 28, 'stripe.customers.create()', 'stripe', { by: 'db.transaction()', line: 7 }),
        io(11, 13, 'stripe.subscriptions.create()', 'stripe', { by: 'db.transaction()', line: 7 }),
      ],
    },
    // The database from another file.
    {
      code: `
import { db } from '@/db';
import { users } from '@/db/schema';
import { createTransport } from 'nodemailer';
const transport = createTransport({ url: process.env.SMTP_URL });
export const invite = (email: string) =>
  db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email }).returning();
    await transport.sendMail({ to: email, subject: 'You are invited' });
    return user;
  });
`,
      errors: [io(9, 11, 'transport.sendMail()', 'nodemailer', { by: 'db.transaction()', line: 7 })],
    },
  ],
});
