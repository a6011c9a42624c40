import rule from '../../../src/rules/require-pool-size';
import { runRuleTests } from '../../helpers/rule-tester';
import { unsized } from './expect';

runRuleTests('require-pool-size: Knex, Sequelize, sequelize-typescript, TypeORM, Prisma', rule, {
  valid: [
    {
      code: `
import knex from 'knex';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import { PrismaClient } from '@prisma/client';
export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 10 } });
export const sequelize = new Sequelize(process.env.DATABASE_URL, { pool: { max: 15, idle: 10000 } });
export const ds = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 20 });
export const mysqlDs = new DataSource({ type: 'mysql', extra: { connectionLimit: 10 } });
export const prisma = new PrismaClient({ datasourceUrl: 'postgresql://app@db/app?connection_limit=5' });
`,
      js: true,
    },
    // Prisma's size lives in the URL: silent unless that URL is a literal in sight.
    {
      code: `
import { PrismaClient } from '@prisma/client';
export const prisma = new PrismaClient();
export const replica = new PrismaClient({ datasourceUrl: process.env.REPLICA_URL });
`,
      js: true,
    },
    // SQLite has no pool to size.
    {
      code: `
import knex from 'knex';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
export const db = knex({ client: 'better-sqlite3', connection: { filename: './dev.db' } });
export const sequelize = new Sequelize('sqlite::memory:');
export const dialect = new Sequelize({ dialect: 'sqlite', storage: ':memory:' });
export const ds = new DataSource({ type: 'sqlite', database: 'dev.db' });
`,
      js: true,
    },
    // A knexfile: the config is built by the caller.
    {
      code: `
const knex = require('knex');
const config = require('./knexfile');
module.exports = knex(config[process.env.NODE_ENV || 'development']);
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import knex from 'knex';
export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export const withMin = knex({ client: 'mysql2', connection: process.env.MYSQL_URL, pool: { min: 2 } });
`,
      js: true,
      errors: [unsized(3, 19, 'knex()', 'knex'), unsized(4, 24, 'knex()', 'knex')],
    },
    {
      code: `
import { Sequelize } from 'sequelize';
export const sequelize = new Sequelize(process.env.DATABASE_URL);
export const explicit = new Sequelize('shop', 'app', 'secret', { host: 'db', dialect: 'postgres' });
`,
      js: true,
      errors: [unsized(3, 26, 'new Sequelize()', 'sequelize'), unsized(4, 25, 'new Sequelize()', 'sequelize')],
    },
    {
      code: `
import { Sequelize } from 'sequelize-typescript';
export const sequelize = new Sequelize({ dialect: 'postgres', database: 'shop', models: [] });
`,
      errors: [unsized(3, 26, 'new Sequelize()', 'sequelize-typescript')],
    },
    {
      code: `
import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [] });
`,
      js: true,
      errors: [unsized(3, 30, 'new DataSource()', 'typeorm')],
    },
    {
      code: `
import { PrismaClient } from '@prisma/client';
export const prisma = new PrismaClient({ datasources: { db: { url: 'postgresql://app@db:5432/app?schema=public' } } });
`,
      js: true,
      errors: [unsized(3, 23, 'new PrismaClient()', 'prisma')],
    },
  ],
});
