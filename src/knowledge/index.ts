import betterSqlite3 from './better-sqlite3';
import drizzle from './drizzle';
import knex from './knex';
import kysely from './kysely';
import mikroOrm from './mikro-orm';
import mysql2 from './mysql2';
import nestjsSequelize from './nestjs-sequelize';
import nestjsTypeorm from './nestjs-typeorm';
import objection from './objection';
import pg from './pg';
import pgFormat from './pg-format';
import pgPromise from './pg-promise';
import postgres from './postgres';
import prisma from './prisma';
import sequelize from './sequelize';
import sequelizeTypescript from './sequelize-typescript';
import slonik from './slonik';
import sqlTemplateStrings from './sql-template-strings';
import typeorm from './typeorm';
import type { LibraryKnowledge } from './types';

/** Every library the plugin knows. Adding one means adding its file here; no rule changes. */
export const libraries: readonly LibraryKnowledge[] = [
  prisma,
  typeorm,
  sequelize,
  sequelizeTypescript,
  knex,
  drizzle,
  kysely,
  mikroOrm,
  objection,
  pg,
  mysql2,
  postgres,
  slonik,
  betterSqlite3,
  pgPromise,
  pgFormat,
  sqlTemplateStrings,
  nestjsTypeorm,
  nestjsSequelize,
];

export type { LibraryKnowledge } from './types';
