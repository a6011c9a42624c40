import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io, through } from './expect';

runRuleTests('no-io-in-transaction: TypeORM', rule, {
  valid: [
    // I/O before and after the transaction; only database work inside.
    `
import { DataSource } from 'typeorm';
import axios from 'axios';
export const dataSource = new DataSource({ type: 'postgres' });
export async function importRates() {
  const { data } = await axios.get('https://fx.example.com/rates');
  await dataSource.transaction(async (manager) => {
    await manager.delete('rate', {});
    await manager.insert('rate', data.rates);
    await manager.query('REFRESH MATERIALIZED VIEW rate_summary');
  });
  await axios.post('https://hooks.example.com/rates-imported');
}
`,
    // A QueryRunner region: I/O before start, after commit, after rollback, and in finally.
    `
import { DataSource } from 'typeorm';
import { sendMail } from './mail';
const dataSource = new DataSource({ type: 'postgres' });
export async function renameUser(id: number, name: string) {
  const previous = await fetch(\`https://directory.example.com/users/\${id}\`).then((r) => r.json());
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.update('user', { id }, { name });
    await queryRunner.manager.insert('user_history', { id, name: previous.name });
    await queryRunner.commitTransaction();
    await fetch('https://directory.example.com/sync', { method: 'POST' });
  } catch (err) {
    await queryRunner.rollbackTransaction();
    await fetch('https://alerts.example.com', { method: 'POST', body: String(err) });
    throw err;
  } finally {
    await queryRunner.release();
    await sendMail('ops@example.com', 'rename done');
  }
}
`,
    // A look-alike: \`transaction\` on an IndexedDB database takes no callback.
    `
export function readAll(db: IDBDatabase) {
  const tx = db.transaction(['orders'], 'readonly');
  return fetch('/api/orders').then(() => tx.objectStore('orders').getAll());
}
`,
  ],
  invalid: [
    {
      code: `
import { DataSource } from 'typeorm';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const dataSource = new DataSource({ type: 'postgres' });
const s3 = new S3Client({ region: 'eu-west-1' });
export async function archiveOrder(id: number) {
  await dataSource.transaction(async (manager) => {
    const order = await manager.findOneByOrFail('order', { id });
    await s3.send(new PutObjectCommand({ Bucket: 'archive', Key: \`orders/\${id}.json\`, Body: JSON.stringify(order) }));
    await manager.delete('order', { id });
  });
}
`,
      errors: [io(9, 11, 's3.send()', 'aws-sdk-v3', { by: 'dataSource.transaction()', line: 7 })],
    },
    // The manager's transaction with an isolation level first; the manager as a property of the data source.
    {
      code: `
import { DataSource } from 'typeorm';
import nodemailer from 'nodemailer';
const dataSource = new DataSource({ type: 'postgres' });
const mailer = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function register(email: string) {
  await dataSource.manager.transaction('SERIALIZABLE', async (manager) => {
    const user = await manager.save('user', { email });
    await mailer.sendMail({ to: email, subject: 'Welcome', text: \`Hello #\${user.id}\` });
  });
}
`,
      errors: [io(9, 11, 'mailer.sendMail()', 'nodemailer', { by: 'dataSource.manager.transaction()', line: 7 })],
    },
    // An injected EntityManager and HttpService (NestJS), recognised from the annotations' imports.
    {
      code: `
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { HttpService } from '@nestjs/axios';
import { EntityManager } from 'typeorm';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class PaymentService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly http: HttpService,
  ) {}

  async capture(paymentId: string) {
    return this.em.transaction(async (manager) => {
      const payment = await manager.findOneByOrFail('payment', { id: paymentId });
      const { data } = await firstValueFrom(this.http.post('https://psp.example.com/capture', { paymentId }));
      payment.status = data.status;
      return manager.save(payment);
    });
  }
}
`,
      errors: [io(18, 45, 'this.http.post()', 'nestjs-axios', { by: 'this.em.transaction()', line: 16 })],
    },
    // The manual QueryRunner region: inside after startTransaction, and in the catch before rollback.
    {
      code: `
import { DataSource } from 'typeorm';
import { readFileSync } from 'fs';
const dataSource = new DataSource({ type: 'postgres' });
export async function seed() {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    const rows = JSON.parse(readFileSync('seed/users.json', 'utf8'));
    await queryRunner.manager.insert('user', rows);
    await queryRunner.commitTransaction();
  } catch (err) {
    await fetch('https://alerts.example.com', { method: 'POST' });
    await queryRunner.rollbackTransaction();
    throw err;
  } finally {
    await queryRunner.release();
  }
}
`,
      errors: [
        io(10, 29, 'readFileSync()', 'node-fs', { by: 'queryRunner.startTransaction()', line: 8 }),
        io(14, 11, 'fetch()', 'fetch', { by: 'queryRunner.startTransaction()', line: 8 }),
      ],
    },
    // A query runner from another file: recognised by shape (startTransaction … commitTransaction).
    {
      code: `
import type { QueryRunner } from './types';
import got from 'got';
export async function moveStock(queryRunner: QueryRunner, sku: string) {
  await queryRunner.startTransaction('REPEATABLE READ');
  await queryRunner.query('UPDATE stock SET qty = qty - 1 WHERE sku = $1', [sku]);
  await got.post('https://warehouse.example.com/pick', { json: { sku } });
  await queryRunner.commitTransaction();
  await got.post('https://warehouse.example.com/picked', { json: { sku } });
}
`,
      errors: [io(7, 9, 'got.post()', 'got', { by: 'queryRunner.startTransaction()', line: 5 })],
    },
    // BEGIN … COMMIT sent as SQL through a query runner.
    {
      code: `
import { DataSource } from 'typeorm';
import { execFile } from 'node:child_process';
const dataSource = new DataSource({ type: 'postgres' });
export async function rebuild() {
  const runner = dataSource.createQueryRunner();
  await runner.query('START TRANSACTION');
  await runner.query('TRUNCATE search_index');
  execFile('/usr/local/bin/reindex', ['--all']);
  await runner.query('COMMIT');
}
`,
      errors: [io(9, 3, 'execFile()', 'node-child-process', { by: "runner.query('START TRANSACTION')", line: 7 })],
    },
    // typeorm-transactional: the decorated method is one transaction; a same-class helper reaches I/O.
    {
      code: `
import { Transactional, runOnTransactionCommit } from 'typeorm-transactional';
import { Repository } from 'typeorm';
import { Queue } from 'bullmq';

export class OrderService {
  private readonly queue = new Queue('orders');
  constructor(private readonly orders: Repository<{ id: number }>) {}

  @Transactional()
  async place(id: number) {
    await this.orders.save({ id });
    await this.announce(id);
    runOnTransactionCommit(() => this.queue.add('placed', { id }));
  }

  private async announce(id: number) {
    await this.queue.add('placing', { id });
  }
}
`,
      errors: [through(13, 11, 'this.announce()', ['this.queue.add()'], 'bullmq', { by: '@Transactional()', line: 10 })],
    },
  ],
});
