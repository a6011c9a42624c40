import rule from '../../../src/rules/no-client-per-request';
import { runRuleTests } from '../../helpers/rule-tester';
import { options, perCall, where } from './expect';

runRuleTests('no-client-per-request: TypeORM, Sequelize, sequelize-typescript, Knex', rule, {
  valid: [
    // TypeORM: a data source made once; a Nest module's useFactory.
    `
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
@Module({
  providers: [
    {
      provide: DataSource,
      useFactory: async () => {
        const dataSource = new DataSource({ type: 'postgres' });
        return dataSource.initialize();
      },
    },
  ],
})
export class DatabaseModule {}
`,
    // A DataSource that is never initialised here (a config for the CLI, returned).
    {
      code: `
import { DataSource } from 'typeorm';
export function cliDataSource(url) {
  return new DataSource({ type: 'postgres', url, migrations: ['dist/migrations/*.js'] });
}
`,
      options,
      js: true,
    },
    // Sequelize and Knex at module scope; a DI-managed service that makes its Sequelize once.
    `
import { Injectable } from '@nestjs/common';
import { Sequelize } from 'sequelize';
import knex from 'knex';
export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
@Injectable()
export class LegacyDb {
  private readonly sequelize: Sequelize;
  constructor() {
    this.sequelize = new Sequelize(process.env.LEGACY_URL!);
  }
}
`,
    // A class made once at module scope.
    {
      code: `
const { Sequelize } = require('sequelize');
class Database {
  constructor(url) {
    this.sequelize = new Sequelize(url);
  }
}
module.exports = new Database(process.env.DATABASE_URL);
`,
      options,
      js: true,
    },
  ],
  invalid: [
    // TypeORM: new DataSource + initialize per request.
    {
      code: `
import express from 'express';
import { DataSource } from 'typeorm';
const app = express();
app.post('/import', async (req, res) => {
  const dataSource = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
  await dataSource.query('SELECT 1');
  res.sendStatus(204);
});
`,
      options,
      js: true,
      errors: [perCall(6, 28, 'new DataSource()', 'typeorm', where.route)],
    },
    // Sequelize in a Nest controller method.
    {
      code: `
import { Controller, Get } from '@nestjs/common';
import { Sequelize } from 'sequelize';
@Controller('stats')
export class StatsController {
  @Get()
  async stats() {
    const sequelize = new Sequelize(process.env.DATABASE_URL!);
    const [rows] = await sequelize.query('SELECT count(*) FROM orders');
    return rows;
  }
}
`,
      options,
      errors: [perCall(8, 23, 'new Sequelize()', 'sequelize', where.controller)],
    },
    // sequelize-typescript in a class field of a class made per call.
    {
      code: `
import { Sequelize } from 'sequelize-typescript';
class TenantDb {
  sequelize = new Sequelize({ dialect: 'postgres', models: [] });
}
export function forRequest() {
  return new TenantDb();
}
`,
      options,
      errors: [perCall(4, 15, 'new Sequelize()', 'sequelize-typescript', where.constructor('TenantDb', 7))],
    },
    // Knex per call, and a \`getDb\` accessor.
    {
      code: `
const knex = require('knex');
function getDb() {
  return knex({ client: 'pg', connection: process.env.DATABASE_URL });
}
async function listUsers(req, res) {
  res.json(await getDb()('users').select());
}
module.exports = { listUsers };
`,
      options,
      js: true,
      errors: [perCall(4, 10, 'knex()', 'knex', where.builds('getDb'))],
    },
  ],
});
