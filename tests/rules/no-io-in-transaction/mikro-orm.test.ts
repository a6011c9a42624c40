import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: MikroORM', rule, {
  valid: [
    `
import { EntityManager } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { Invoice } from './invoice.entity';
export class Billing {
  private readonly invoices = new Queue('invoices');
  constructor(private readonly em: EntityManager) {}
  async close(month: string) {
    const invoice = await this.em.transactional(async (em) => {
      const created = em.create(Invoice, { month });
      await em.flush();
      return created;
    });
    await this.invoices.add('render', { id: invoice.id });
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
export class Billing {
  private readonly invoices = new Queue('invoices');
  constructor(private readonly em: EntityManager, private readonly orm: MikroORM) {}
  async close(month: string) {
    await this.em.transactional(async (em) => {
      em.create('Invoice', { month });
      await this.invoices.add('render', { month });
    });
    await this.orm.em.transactional(async () => {
      await this.invoices.add('again', { month });
    });
    await this.em.begin();
    try {
      await this.invoices.addBulk([{ name: 'x', data: {} }]);
      await this.em.commit();
    } catch (e) {
      await this.em.rollback();
      throw e;
    }
  }
}
`,
      errors: [
        io(10, 13, 'this.invoices.add()', 'bullmq', { by: 'this.em.transactional()', line: 8 }),
        io(13, 13, 'this.invoices.add()', 'bullmq', { by: 'this.orm.em.transactional()', line: 12 }),
        io(17, 13, 'this.invoices.addBulk()', 'bullmq', { by: 'this.em.begin()', line: 15 }),
      ],
    },
    // An EntityManager from elsewhere: `transactional` with a callback, by shape.
    {
      code: `
import { getEm } from './orm';
import { writeFile } from 'node:fs/promises';
export async function dump() {
  await getEm().transactional(async (em) => {
    const books = await em.find('Book', {});
    await writeFile('/tmp/books.json', JSON.stringify(books));
  });
}
`,
      errors: [io(7, 11, 'writeFile()', 'node-fs', { by: 'getEm().transactional()', line: 5 })],
    },
  ],
});
