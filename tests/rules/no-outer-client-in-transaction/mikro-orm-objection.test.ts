import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

runRuleTests('no-outer-client-in-transaction: MikroORM and Objection', rule, {
  valid: [
    // MikroORM: the injected global em follows the transaction context inside em.transactional().
    `
import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export class BookService {
  constructor(private readonly em: EntityManager) {}
  async restock(id: number) {
    await this.em.transactional(async (em) => {
      const book = await em.findOneOrFail(Book, id);
      book.stock += 10;
      await this.em.flush();
    });
  }
}
`,
    // MikroORM: a fork made inside, persist (queued, not run).
    {
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
const orm = await MikroORM.init({});
const fork = orm.em.fork();
export async function add(book) {
  fork.persist(book);
  await orm.em.transactional(async (em) => {
    await em.persistAndFlush(book);
  });
}
`,
      js: true,
    },
    // Objection: queries given the trx, bound models, .transacting(trx).
    {
      code: `
import { Model, transaction } from 'objection';
class Person extends Model { static tableName = 'persons'; }
class Pet extends Model { static tableName = 'pets'; }
export async function adopt(personId, petId) {
  await Person.transaction(async (trx) => {
    await Person.query(trx).patch({ pets: 1 }).where('id', personId);
    await Pet.query().patch({ ownerId: personId }).findById(petId).transacting(trx);
  });
  await transaction(Person, Pet, async (BoundPerson, BoundPet) => {
    await BoundPerson.query().findById(personId);
    await BoundPet.query().findById(petId);
  });
}
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
import { Author } from './author.entity';
const orm = await MikroORM.init({});
export async function rename(id: number, name: string) {
  const em = orm.em.fork();
  await orm.em.transactional(async (tem) => {
    await tem.nativeUpdate(Author, { id }, { name });
    await em.nativeDelete('AuthorCache', { id });
  });
}
`,
      errors: [
        outer(9, 11, { call: 'em.nativeDelete()', client: 'em', by: 'orm.em.transactional()', line: 7, library: 'mikro-orm', handle: 'tem' }),
      ],
    },
    {
      code: `
import { Model } from 'objection';
import { Order } from './models';
class Invoice extends Model { static tableName = 'invoices'; }
export async function bill(orderId) {
  await Invoice.transaction(async (trx) => {
    await Invoice.query(trx).insert({ orderId });
    await Order.query().patch({ billed: true }).findById(orderId);
  });
}
`,
      js: true,
      errors: [
        outer(8, 11, { call: 'Order.query()', client: 'Order', by: 'Invoice.transaction()', line: 6, library: 'objection', handle: 'trx' }),
      ],
    },
  ],
});
