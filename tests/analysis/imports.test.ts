import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { describe, expect, it, vi } from 'vitest';
import { getLibraryIndex, type Origin } from '../../src/analysis/objects/imports';

/** Lints `code` with a probe rule that records the origin of every identifier and call. */
function origins(code: string, settings?: Record<string, unknown>): string[] {
  const seen: string[] = [];
  const describeOrigin = (origin: Origin | undefined) => origin && `${origin.library.id}:${origin.name}:${origin.kind}`;
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const index = getLibraryIndex(context);
      return {
        'Identifier, MemberExpression'(node: TSESTree.Node) {
          const found = describeOrigin(index.originOf(node));
          if (found) seen.push(`${context.sourceCode.getText(node)}@${node.loc.start.line} ${found}`);
        },
        'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
          const found = describeOrigin(index.calleeOrigin(node));
          if (found) seen.push(`call ${context.sourceCode.getText(node.callee)}@${node.loc.start.line} ${found}`);
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { probe: { rules: { probe } } } as never,
        rules: { 'probe/probe': 'error' },
        settings: settings ?? {},
      },
    ],
    'file.ts',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return seen;
}

describe('import engine', () => {
  it('follows ESM default, named, renamed and namespace imports', () => {
    const seen = origins(`
import knex from 'knex';
import { DataSource as DS } from 'typeorm';
import * as mikro from '@mikro-orm/core';
const db = knex({ client: 'pg' });
const ds = new DS({ type: 'postgres' });
mikro.MikroORM.init({});
db.raw('select 1');
ds.query('select 1');
`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'call knex@5 knex:default:export',
        'call DS@6 typeorm:DataSource:export',
        'call mikro.MikroORM.init@7 mikro-orm:MikroORM.init:export',
        'db@8 knex:Knex:instance',
        'ds@9 typeorm:DataSource:instance',
      ]),
    );
  });

  it('follows require, plain and destructured, and import x = require()', () => {
    const seen = origins(`
const { Pool } = require('pg');
const mysql = require('mysql2/promise');
import Database = require('better-sqlite3');
const pool = new Pool();
const conn = mysql.createPool({});
const sqlite = new Database(':memory:');
pool.query('x'); conn.query('x'); sqlite.prepare('x');
`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'call Pool@5 pg:Pool:export',
        'call mysql.createPool@6 mysql2:createPool:export',
        'call Database@7 better-sqlite3:default:export',
        'pool@8 pg:Pool:instance',
        'conn@8 mysql2:Pool:instance',
        'sqlite@8 better-sqlite3:Database:instance',
      ]),
    );
  });

  it('recognises class fields, parameter properties and parameters typed with a library class', () => {
    const seen = origins(`
import { DataSource, EntityManager } from 'typeorm';
import { PrismaClient } from '@prisma/client';
class Service {
  private prisma = new PrismaClient();
  constructor(private readonly dataSource: DataSource) {}
  run(manager: EntityManager) {
    this.dataSource.query('x');
    this.prisma.$queryRawUnsafe('x');
    manager.query('x');
  }
}
`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'this.dataSource@8 typeorm:DataSource:instance',
        'this.prisma@9 prisma:PrismaClient:instance',
        'manager@10 typeorm:EntityManager:instance',
      ]),
    );
  });

  it('marks user classes that extend a library class, and only those', () => {
    const seen = origins(`
import { Model } from 'sequelize';
import { Model as ObjectionModel } from 'objection';
class User extends Model {}
class Pet extends ObjectionModel {}
class Plain {}
User.init({}, {}); Pet.query(); Plain.toString();
`);
    expect(seen).toEqual(expect.arrayContaining(['User@7 sequelize:Model:subclass', 'Pet@7 objection:Model:subclass']));
    expect(seen.some((entry) => entry.startsWith('Plain@'))).toBe(false);
  });

  it('ignores look-alike modules and shadowed names', () => {
    const seen = origins(`
import { DataSource } from './my-typeorm-wrapper';
import knex from 'knex';
const ds = new DataSource();
function f(knex: unknown) { return knex; }
ds.query('x');
`);
    expect(seen.filter((entry) => entry.includes('typeorm'))).toEqual([]);
    expect(seen.filter((entry) => entry.startsWith('knex@5'))).toEqual([]);
  });

  it('treats a user module as a library through settings.dbconventions.libraryModules', () => {
    const code = `
import { ManyToOne } from '@app/orm';
ManyToOne(() => Object, { eager: true });
`;
    expect(origins(code)).toEqual([]);
    expect(origins(code, { dbconventions: { libraryModules: { '@app/orm': 'typeorm' } } }).sort()).toEqual([
      'ManyToOne@3 typeorm:ManyToOne:export',
      'call ManyToOne@3 typeorm:ManyToOne:export',
    ]);
    // Unknown library ids and malformed settings are ignored, never a crash.
    expect(origins(code, { dbconventions: { libraryModules: { '@app/orm': 'nope' } } })).toEqual([]);
    expect(origins(code, { dbconventions: { libraryModules: 42 } })).toEqual([]);
  });

  it('scans each file once however many rules ask', () => {
    const spy = vi.spyOn(ASTUtils.ReferenceTracker.prototype, 'iterateEsmReferences');
    const asker = (): TSESLint.RuleModule<'x'> => ({
      meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
      defaultOptions: [],
      create(context) {
        return {
          Identifier(node) {
            getLibraryIndex(context).originOf(node);
          },
        };
      },
    });
    const linter = new Linter();
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { p: { rules: { a: asker(), b: asker(), c: asker() } } } as never,
        rules: { 'p/a': 'error', 'p/b': 'error', 'p/c': 'error' },
      },
    ] as const;
    linter.verify(`import knex from 'knex'; const db = knex({}); db.raw('x');`, config as never, 'a.ts');
    expect(spy).toHaveBeenCalledTimes(1);
    // A second file (or the same text re-linted in the editor) gets a fresh scan.
    linter.verify(`import knex from 'knex'; knex({});`, config as never, 'b.ts');
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
