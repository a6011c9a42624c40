import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

const header = `import { Model, raw, ref } from 'objection';
class Person extends Model {
  static tableName = 'persons';
}
`;

const baseModel = `import { Model } from 'objection';
class BaseModel extends Model {
  static useLimitInFirst = true;
}
export class Person extends BaseModel {
  static tableName = 'persons';
}
export async function find(name: string) {
  await Person.query().whereRaw(\`first_name = '\${name}'\`);
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
}`;
const baseModelWhereRaw = `import { Model } from 'objection';
class BaseModel extends Model {
  static useLimitInFirst = true;
}
export class Person extends BaseModel {
  static tableName = 'persons';
}
export async function find(name: string) {
  await Person.query().whereRaw('first_name = ?', [name]);
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
}`;

const bindings = (method: string): string => `pass values as bindings, \`.${method}(sql, [value])\` with \`?\` (and \`??\` for identifiers)`;

runRuleTests('no-interpolated-sql: Objection', rule, {
  valid: [
    // A parameter declared `number` carries no text that can inject, with or without type information.
    `${header}export const older = (age: number) => Person.query().whereRaw(\`age > \${age}\`);`,
    // Bindings, `??` identifier bindings, ref() and constant raw().
    `${header}export async function find(name: string, column: string) {
  await Person.query().whereRaw('first_name = ?', [name]);
  await Person.query().whereRaw('?? = ?', [column, name]);
  await Person.query().select(raw('coalesce(??, ?)', [column, name]).as('label'));
  await Person.query().where(ref('persons.first_name'), name).orderBy(ref(column));
  await Person.query().where(raw('lower(first_name)'), name.toLowerCase()).select(raw('NOW()').as('now'));
  await Person.raw('SELECT count(*) FROM persons WHERE first_name = ?', [name]);
  await Person.relatedQuery('pets').for(1).whereRaw('name = :name', { name });
}`,
    // Holes that carry no outside data: constants, an allow-list, a choice between constants.
    `${header}const SORTABLE = { newest: 'created_at DESC', name: 'last_name ASC' } as const;
const ADULT = 18;
export async function list(req: { query: { sort: 'newest' | 'name' } }, desc: boolean) {
  await Person.query().orderByRaw(SORTABLE[req.query.sort]);
  await Person.query().whereRaw(\`age >= \${ADULT}\`).orderByRaw(\`last_name \${desc ? 'DESC' : 'ASC'}\`);
}`,
    // The query builder's own methods bind values.
    `${header}export const find = (name: string, ids: number[]) =>
  Person.query().where('first_name', name).whereIn('id', ids).orderBy('last_name').patch({ active: true });`,
    // Look-alikes: express's raw() body parser, and a Mongoose model's where().
    `import express, { raw } from 'express';
import mongoose from 'mongoose';
const Cat = mongoose.model('Cat', new mongoose.Schema({ name: String }));
export async function look(name: string, age: string) {
  express().use(raw({ type: 'application/octet-stream' }));
  await Cat.where('name').equals(name);
  return Cat.find().where('age').gte(Number(age));
}`,
    // A number cannot inject: typed mode knows the type where no annotation says it.
    {
      code: `${header}export const older = (ages: number[]) => Person.query().whereRaw(\`age > \${ages[0]}\`);`,
      mode: 'typed',
    },
  ],
  invalid: [
    // Model.query() starts a builder; whereRaw with a template, orWhereRaw with `+`.
    {
      code: `${header}export async function find(name: string) {
  await Person.query().whereRaw(\`first_name = '\${name}'\`);
  await Person.query().where('age', '>', 18).orWhereRaw('last_name = ' + name);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 33,
          data: { sink: '.whereRaw()', hole: 'name', line: '6', safeForm: bindings('whereRaw') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string) {
  await Person.query().whereRaw('first_name = ?', [name]);
  await Person.query().where('age', '>', 18).orWhereRaw('last_name = ' + name);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 7,
          column: 57,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string) {
  await Person.query().whereRaw(\`first_name = '\${name}'\`);
  await Person.query().where('age', '>', 18).orWhereRaw('last_name = ?', [name]);
}`,
            },
          ],
        },
      ],
    },
    // raw() is a sink wherever it goes: select(), where().
    {
      code: `${header}export async function find(name: string) {
  await Person.query().select(raw(\`concat(first_name, ' ', '\${name}')\`));
  await Person.query().where(raw(\`lower(first_name) = '\${name}'\`));
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 35,
          data: {
            sink: 'raw',
            hole: 'name',
            line: '6',
            safeForm: 'pass values as bindings, `raw(sql, [value])` with `?` (and `??` for identifiers)',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string) {
  await Person.query().select(raw(\`concat(first_name, ' ', ?)\`, [name]));
  await Person.query().where(raw(\`lower(first_name) = '\${name}'\`));
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 7,
          column: 34,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string) {
  await Person.query().select(raw(\`concat(first_name, ' ', '\${name}')\`));
  await Person.query().where(raw('lower(first_name) = ?', [name]));
}`,
            },
          ],
        },
      ],
    },
    // The static Model.raw, relatedQuery(), havingRaw and joinRaw.
    {
      code: `${header}export async function find(name: string, min: string) {
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
  await Person.relatedQuery('pets').for(1).whereRaw(\`name = '\${name}'\`);
  await Person.query().groupBy('age').havingRaw(\`count(*) > \${min}\`);
  await Person.query().joinRaw(\`JOIN animals a ON a.owner_id = persons.id AND a.name = '\${name}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 20,
          data: {
            sink: 'Person.raw',
            hole: 'name',
            line: '6',
            safeForm: 'pass values as bindings, `Person.raw(sql, [value])` with `?`',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string, min: string) {
  await Person.raw('SELECT * FROM persons WHERE first_name = ?', [name]);
  await Person.relatedQuery('pets').for(1).whereRaw(\`name = '\${name}'\`);
  await Person.query().groupBy('age').havingRaw(\`count(*) > \${min}\`);
  await Person.query().joinRaw(\`JOIN animals a ON a.owner_id = persons.id AND a.name = '\${name}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 7,
          column: 53,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string, min: string) {
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
  await Person.relatedQuery('pets').for(1).whereRaw('name = ?', [name]);
  await Person.query().groupBy('age').havingRaw(\`count(*) > \${min}\`);
  await Person.query().joinRaw(\`JOIN animals a ON a.owner_id = persons.id AND a.name = '\${name}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 8,
          column: 49,
          data: { sink: '.havingRaw()', hole: 'min', line: '8', safeForm: bindings('havingRaw') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string, min: string) {
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
  await Person.relatedQuery('pets').for(1).whereRaw(\`name = '\${name}'\`);
  await Person.query().groupBy('age').havingRaw('count(*) > ?', [min]);
  await Person.query().joinRaw(\`JOIN animals a ON a.owner_id = persons.id AND a.name = '\${name}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 9,
          column: 32,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(name: string, min: string) {
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
  await Person.relatedQuery('pets').for(1).whereRaw(\`name = '\${name}'\`);
  await Person.query().groupBy('age').havingRaw(\`count(*) > \${min}\`);
  await Person.query().joinRaw('JOIN animals a ON a.owner_id = persons.id AND a.name = ?', [name]);
}`,
            },
          ],
        },
      ],
    },
    // A table name spliced into Model.raw: an identifier, so no rewrite.
    {
      code: `${header}export const count = (table: string) => Person.raw(\`SELECT count(*) FROM \${table}\`);`,
      errors: [{ messageId: 'interpolatedIdentifier', line: 5, column: 52, data: { sink: 'Person.raw', hole: 'table', line: '5' }, suggestions: [] }],
    },
    // Built lines earlier with `+=`, and returned by a same-file helper: reported at the call, no rewrite.
    {
      code: `${header}function byName(name: string) {
  return \`first_name = '\${name}'\`;
}
export async function search(req: { query: { age?: string } }, name: string) {
  let filter = 'deleted_at IS NULL';
  if (req.query.age) filter += ' AND age > ' + req.query.age;
  await Person.query().whereRaw(filter);
  await Person.query().whereRaw(byName(name));
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 11,
          column: 33,
          data: { sink: '.whereRaw()', hole: 'req.query.age', line: '10', safeForm: bindings('whereRaw') },
          suggestions: [],
        },
        {
          messageId: 'interpolated',
          line: 12,
          column: 33,
          data: { sink: '.whereRaw()', hole: 'byName(name)', line: '12', safeForm: bindings('whereRaw') },
          suggestions: [],
        },
      ],
    },
    // In a transaction: the builder bound to the transaction.
    {
      code: `${header}export const purge = (name: string) =>
  Person.transaction(async (trx) => {
    await Person.query(trx).whereRaw(\`first_name = '\${name}'\`).delete();
  });`,
      errors: [
        {
          messageId: 'interpolated',
          line: 7,
          column: 38,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const purge = (name: string) =>
  Person.transaction(async (trx) => {
    await Person.query(trx).whereRaw('first_name = ?', [name]).delete();
  });`,
            },
          ],
        },
      ],
    },
    // The transaction handle itself is a Knex.Transaction. Untyped, the knowledge does not say what
    // Person.transaction() passes its callback, so trx.raw() is recognised by its SQL text (tier 3):
    // the general advice, no rewrite. Typed mode resolves knex's raw() and offers the knex rewrite.
    {
      code: `${header}export const purge = (name: string) =>
  Person.transaction(async (trx) => {
    await trx.raw(\`DELETE FROM animals WHERE owner = '\${name}'\`);
  });`,
      mode: 'untyped',
      errors: [
        {
          messageId: 'interpolated',
          line: 7,
          column: 19,
          data: {
            sink: 'trx.raw',
            hole: 'name',
            line: '7',
            safeForm:
              "pass values separately as parameters, `trx.raw(text, values)` with your driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
          },
          suggestions: [],
        },
      ],
    },
    {
      code: `${header}export const purge = (name: string) =>
  Person.transaction(async (trx) => {
    await trx.raw(\`DELETE FROM animals WHERE owner = '\${name}'\`);
  });`,
      mode: 'typed',
      errors: [
        {
          messageId: 'interpolated',
          line: 7,
          column: 19,
          data: {
            sink: 'trx.raw',
            hole: 'name',
            line: '7',
            safeForm: 'pass values as bindings, `trx.raw(sql, [value])` with `?` (and `??` for identifiers)',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const purge = (name: string) =>
  Person.transaction(async (trx) => {
    await trx.raw('DELETE FROM animals WHERE owner = ?', [name]);
  });`,
            },
          ],
        },
      ],
    },
    // The model's knex instance. Typed only: untyped, the import tier knows Person.knex() is Objection's
    // Knex object but no Objection sink names its raw(), and a receiver tied to a library is never
    // matched by shape, so the call is missed (reported as a rule bug; it is caught untyped when the
    // model extends a user BaseModel, whose origin the import tier does not know).
    {
      code: `${header}export const find = (name: string) => Person.knex().raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);`,
      mode: 'typed',
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 57,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const find = (name: string) => Person.knex().raw('SELECT * FROM persons WHERE first_name = ?', [name]);`,
            },
          ],
        },
      ],
    },
    // The usual shape of an Objection app: models extend a BaseModel. Untyped, the import tier follows
    // one level of subclassing only, so Person is not known: whereRaw is still distinctive by name;
    // Person.raw is recognised by its SQL text (general advice, no rewrite). Typed mode resolves both.
    {
      code: baseModel,
      mode: 'untyped',
      errors: [
        { messageId: 'interpolated', line: 9, column: 33, suggestions: [{ messageId: 'parameterize', output: baseModelWhereRaw }] },
        { messageId: 'interpolated', line: 10, column: 20, suggestions: [] },
      ],
    },
    {
      code: baseModel,
      mode: 'typed',
      errors: [
        { messageId: 'interpolated', line: 9, column: 33, suggestions: [{ messageId: 'parameterize', output: baseModelWhereRaw }] },
        {
          messageId: 'interpolated',
          line: 10,
          column: 20,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { Model } from 'objection';
class BaseModel extends Model {
  static useLimitInFirst = true;
}
export class Person extends BaseModel {
  static tableName = 'persons';
}
export async function find(name: string) {
  await Person.query().whereRaw(\`first_name = '\${name}'\`);
  await Person.raw('SELECT * FROM persons WHERE first_name = ?', [name]);
}`,
            },
          ],
        },
      ],
    },
    // Models from the app's own module (tier 3): whereRaw is distinctive by name and keeps the rewrite;
    // Model.raw is recognised by its SQL text and gets the general advice. (There is no
    // tests/fixtures/models.ts, so typed mode sees `any` and answers the same.)
    {
      code: `import { Person } from './models';
export async function find(name: string) {
  await Person.query().whereRaw(\`first_name = '\${name}'\`);
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 3,
          column: 33,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { Person } from './models';
export async function find(name: string) {
  await Person.query().whereRaw('first_name = ?', [name]);
  await Person.raw(\`SELECT * FROM persons WHERE first_name = '\${name}'\`);
}`,
            },
          ],
        },
        { messageId: 'interpolated', line: 4, column: 20, suggestions: [] },
      ],
    },
    // CommonJS, with a LIKE pattern and a separator concatenated into raw().
    {
      code: `const { Model, raw } = require('objection');

class Person extends Model {
  static get tableName() {
    return 'persons';
  }
}

module.exports = {
  search: (q) => Person.query().whereRaw(\`first_name ILIKE '%\${q}%'\`),
  fullName: (sep) => Person.query().select(raw("first_name || '" + sep + "' || last_name")),
};`,
      js: true,
      errors: [
        {
          messageId: 'interpolated',
          line: 10,
          column: 42,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `const { Model, raw } = require('objection');

class Person extends Model {
  static get tableName() {
    return 'persons';
  }
}

module.exports = {
  search: (q) => Person.query().whereRaw('first_name ILIKE ?', [\`%\${q}%\`]),
  fullName: (sep) => Person.query().select(raw("first_name || '" + sep + "' || last_name")),
};`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 11,
          column: 48,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `const { Model, raw } = require('objection');

class Person extends Model {
  static get tableName() {
    return 'persons';
  }
}

module.exports = {
  search: (q) => Person.query().whereRaw(\`first_name ILIKE '%\${q}%'\`),
  fullName: (sep) => Person.query().select(raw('first_name || ? || last_name', [sep])),
};`,
            },
          ],
        },
      ],
    },
  ],
});
