import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

runRuleTests('require-connection-release: TypeORM', rule, {
  valid: [
    // The documented shape.
    {
      code: `
import { DataSource } from 'typeorm';
export const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
export async function moveFunds(from, to, amount) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
    await queryRunner.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
    await queryRunner.commitTransaction();
  } catch (err) {
    await queryRunner.rollbackTransaction();
    throw err;
  } finally {
    await queryRunner.release();
  }
}
`,
      js: true,
    },
    // An injected DataSource in a Nest service; the runner created inside the try, released if it exists.
    `
import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
@Injectable()
export class ReportService {
  constructor(private readonly dataSource: DataSource) {}
  async totals() {
    let runner: QueryRunner | undefined;
    try {
      runner = this.dataSource.createQueryRunner();
      return await runner.query('SELECT sum(total) FROM orders');
    } finally {
      if (runner && !runner.isReleased) await runner.release();
    }
  }
}
`,
    // A runner handed to the caller, and one kept on the instance.
    `
import { DataSource, QueryRunner } from 'typeorm';
export class Migrator {
  private runner?: QueryRunner;
  constructor(private readonly dataSource: DataSource) {}
  open(): QueryRunner {
    return this.dataSource.createQueryRunner();
  }
  start() {
    this.runner = this.dataSource.createQueryRunner();
  }
}
`,
    // From TypeORM's own query-result cache: a runner passed in or made here, released in finally only when made here.
    {
      code: `
export class DbQueryResultCache {
  constructor(dataSource) {
    this.dataSource = dataSource;
  }
  async storeInCache(options, queryRunner) {
    const shouldCreateQueryRunner = queryRunner === undefined || queryRunner.getReplicationMode() === 'slave';
    if (queryRunner === undefined || shouldCreateQueryRunner) {
      queryRunner = this.dataSource.createQueryRunner('master');
    }
    let values = options;
    if (this.dataSource.driver.options.type === 'mssql') values = { identifier: new MssqlParameter(options.identifier, 'nvarchar') };
    try {
      await queryRunner.manager.createQueryBuilder().insert().into('query-result-cache').values(values).execute();
    } finally {
      if (shouldCreateQueryRunner) await queryRunner.release();
    }
  }
}
`,
      js: true,
    },
  ],
  invalid: [
    // typeorm#4866: ten calls and the app stops answering.
    {
      code: `
import { DataSource } from 'typeorm';
export const dataSource = new DataSource({ type: 'postgres' });
export async function resetCounters() {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.query('UPDATE counters SET value = 0');
}
`,
      js: true,
      errors: [leak('neverReleased', 5, 23, 'dataSource.createQueryRunner()', 'typeorm')],
    },
    // Released after commit, but a failing query (and the rollback) skip it.
    {
      code: `
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
@Injectable()
export class OrderService {
  constructor(private readonly dataSource: DataSource) {}
  async cancel(id: number) {
    const runner = this.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('UPDATE orders SET status = $1 WHERE id = $2', ['cancelled', id]);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    await runner.release();
  }
}
`,
      errors: [leak('releaseSkippedByThrow', 8, 20, 'this.dataSource.createQueryRunner()', 'typeorm', 9)],
    },
    // By shape: the name says it, even when the data source came from the app's own module.
    {
      code: `
import { AppDataSource } from './data-source';
export async function vacuum() {
  const runner = AppDataSource.createQueryRunner();
  await runner.query('VACUUM ANALYZE');
}
`,
      js: true,
      errors: [leak('neverReleased', 4, 18, 'AppDataSource.createQueryRunner()', 'typeorm')],
    },
  ],
});
