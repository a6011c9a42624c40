import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const service = (inside: string) => `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Order } from './order.entity';
import { Payment } from './payment.entity';

@Injectable()
export class CheckoutService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async pay(orderId: number, amount: number) {
    await this.dataSource.transaction(async (manager) => {
      const payment = manager.create(Payment, { orderId, amount });
      await manager.save(payment);
      ${inside}
    });
  }
}
`;


const fieldRepo = `
import { DataSource } from 'typeorm';
export class TicketService {
  private readonly tickets;
  constructor(private readonly ds: DataSource) {
    this.tickets = ds.getRepository('Ticket');
  }
  async close(id: number) {
    await this.ds.transaction(async (manager) => {
      await manager.update('Ticket', { id }, { closed: true });
      await this.tickets.delete({ parentId: id });
    });
  }
}
`;

runRuleTests('no-outer-client-in-transaction: TypeORM', rule, {
  valid: [
    // A repository kept in an untyped field: without types nothing says what it is, so nothing is guessed.
    { code: fieldRepo, mode: 'untyped' },
    // Through the manager and what derives from it; repo.create() in memory; reads before the scope.
    service(`const repo = manager.getRepository(Order);
      await repo.update(orderId, { paid: true });
      await manager.withRepository(this.orders).increment({ id: orderId }, 'attempts', 1);
      const draft = this.orders.create({ id: orderId });
      await manager.save(draft);`),
    // A query runner region where everything goes through queryRunner.
    `
import { DataSource } from 'typeorm';
export async function rename(ds: DataSource, id: number, name: string) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.update('users', { id }, { name });
    await queryRunner.query('UPDATE audit SET n = n + 1');
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
  await ds.query('SELECT 1');
}
`,
  ],
  invalid: [
    // Typed: the checker says the field is a TypeORM Repository, which runs on the data source's pool.
    {
      code: fieldRepo,
      mode: 'typed',
      errors: [
        outer(11, 13, { call: 'this.tickets.delete()', client: 'this.tickets', by: 'this.ds.transaction()', line: 9, library: 'typeorm', handle: 'manager' }),
      ],
    },
    {
      code: service('await this.orders.update(orderId, { paid: true });'),
      errors: [
        outer(19, 13, {
          call: 'this.orders.update()',
          client: 'this.orders',
          by: 'this.dataSource.transaction()',
          line: 16,
          library: 'typeorm',
          handle: 'manager',
        }),
      ],
    },
    {
      code: service('await this.dataSource.getRepository(Order).update(orderId, { paid: true });'),
      errors: [
        outer(19, 13, {
          call: 'this.dataSource.getRepository()',
          client: 'this.dataSource',
          by: 'this.dataSource.transaction()',
          line: 16,
          library: 'typeorm',
          handle: 'manager',
          output: service('await manager.getRepository(Order).update(orderId, { paid: true });'),
        }),
      ],
    },
    {
      code: service('await this.dataSource.manager.increment(Order, { id: orderId }, \'attempts\', 1);'),
      errors: [
        outer(19, 13, {
          call: 'this.dataSource.manager.increment()',
          client: 'this.dataSource',
          by: 'this.dataSource.transaction()',
          line: 16,
          library: 'typeorm',
          handle: 'manager',
          output: service('await manager.increment(Order, { id: orderId }, \'attempts\', 1);'),
        }),
      ],
    },
    // A query runner region: the data source's manager is another connection.
    {
      code: `
import { DataSource } from 'typeorm';
export async function rename(ds: DataSource, id: number, name: string) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.update('users', { id }, { name });
    await ds.manager.insert('audit', { id });
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}
`,
      errors: [
        outer(8, 11, {
          call: 'ds.manager.insert()',
          client: 'ds',
          by: 'queryRunner.startTransaction()',
          line: 5,
          library: 'typeorm',
          handle: 'queryRunner',
        }),
      ],
    },
    // A repository taken from the data source before the transaction: reported, with no swap (the variable is outside).
    {
      code: `
import { DataSource } from 'typeorm';
export async function close(ds: DataSource, id: number) {
  const tickets = ds.getRepository('Ticket');
  await ds.transaction(async (manager) => {
    await manager.update('Ticket', { id }, { closed: true });
    await tickets.delete({ parentId: id });
  });
}
`,
      errors: [
        outer(7, 11, { call: 'tickets.delete()', client: 'tickets', by: 'ds.transaction()', line: 5, library: 'typeorm', handle: 'manager' }),
      ],
    },
    // JavaScript, CommonJS, a data source from another file.
    {
      code: `
const { AppDataSource } = require('./data-source');
async function archive(userId) {
  await AppDataSource.transaction(async (em) => {
    await em.delete('sessions', { userId });
    await AppDataSource.query('DELETE FROM tokens WHERE user_id = $1', [userId]);
  });
}
module.exports = { archive };
`,
      js: true,
      errors: [
        outer(6, 11, {
          call: 'AppDataSource.query()',
          client: 'AppDataSource',
          by: 'AppDataSource.transaction()',
          line: 4,
          library: undefined,
          handle: 'em',
        }),
      ],
    },
  ],
});
