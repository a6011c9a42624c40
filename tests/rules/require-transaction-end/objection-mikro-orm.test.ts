import rule from '../../../src/rules/require-transaction-end';
import { runRuleTests } from '../../helpers/rule-tester';
import { end } from './expect';

runRuleTests('require-transaction-end: Objection, MikroORM, sequelize-typescript', rule, {
  valid: [
    {
      code: `
import { Model } from 'objection';
class Person extends Model { static tableName = 'persons'; }
export async function rename(id, name) {
  const trx = await Person.startTransaction();
  try {
    await Person.query(trx).patch({ name }).findById(id);
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
`,
      js: true,
    },
    // A commit ended in a callback: ownership moved to it.
    `
import { Model } from 'objection';
class Person extends Model {}
export async function later(id: number, done: Promise<void>) {
  const trx = await Person.startTransaction();
  await Person.query(trx).deleteById(id);
  done.then(() => trx.commit(), () => trx.rollback());
}
`,
  ],
  invalid: [
    {
      code: `
import { Model } from 'objection';
class Person extends Model { static tableName = 'persons'; }
export async function rename(id, name) {
  const trx = await Person.startTransaction();
  await Person.query(trx).patch({ name }).findById(id);
  await trx.commit();
}
`,
      js: true,
      errors: [end('noRollback', 5, 21, 'Person.startTransaction()', 'objection', 'startTransaction')],
    },
    {
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
const orm = await MikroORM.init({});
export async function restock(id: number) {
  const em = orm.em.fork();
  await em.begin();
  try {
    await em.nativeUpdate('Book', { id }, { stock: 10 });
  } catch (error) {
    await em.rollback();
    throw error;
  }
}
`,
      errors: [end('noCommit', 6, 9, 'em.begin()', 'mikro-orm', 'begin')],
    },
    {
      code: `
import { Sequelize } from 'sequelize-typescript';
const sequelize = new Sequelize({ dialect: 'sqlite' });
export async function close(id: number, force: boolean) {
  const t = await sequelize.transaction();
  try {
    await sequelize.query('UPDATE carts SET closed = true WHERE id = ?', { replacements: [id], transaction: t });
    if (force) {
      await t.commit();
    }
  } catch (error) {
    await t.rollback();
    throw error;
  }
}
`,
      errors: [end('openAtEnd', 5, 19, 'sequelize.transaction()', 'sequelize-typescript', 'transaction')],
    },
  ],
});
