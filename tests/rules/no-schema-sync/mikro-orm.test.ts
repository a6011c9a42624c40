import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { cases } from './expect';

runRuleTests('no-schema-sync: MikroORM', rule, {
  valid: [
    // Migrations through the migrator, and read-only schema SQL.
    {
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
export async function start() {
  const orm = await MikroORM.init({ dbName: 'shop' });
  await orm.migrator.up();
  const sql = await orm.schema.getUpdateSchemaSQL();
  console.log(sql);
  return orm;
}
`,
      js: true,
    },
    // A look-alike: a JSON-schema registry's \`createSchema\`.
    {
      code: `
import { registry } from './schemas';
export const add = () => registry.createSchema({ id: 'order' });
`,
      js: true,
    },
  ],
  invalid: cases([
    {
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
export async function start() {
  const orm = await MikroORM.init({ dbName: 'shop' });
  await orm.schema.updateSchema();
  await orm.getSchemaGenerator().createSchema();
  await orm.schema.refreshDatabase();
}
`,
      js: true,
      errors: [
        {
          messageId: 'schemaCall',
          line: 5,
          column: 20,
          data: {
            call: 'orm.schema.updateSchema()',
            effect: 'alters the tables to match the entities, dropping what the entities no longer declare unless told otherwise',
            advice: '`mikro-orm migration:create` writes the change as a migration; `orm.migrator.up()` or `migration:up` applies it',
          },
        },
        { messageId: 'schemaCall', line: 6, column: 34 },
        { messageId: 'schemaCall', line: 7, column: 20 },
      ],
    },
    // The ORM came from another file: \`.schema.updateSchema()\` and \`getSchemaGenerator()\` are distinctive.
    {
      code: `
import { orm } from './orm';
export async function reset() {
  await orm.schema.dropSchema();
  const generator = orm.getSchemaGenerator();
  await orm.getSchemaGenerator().updateSchema({ safe: true });
  return generator;
}
`,
      js: true,
      errors: [
        { messageId: 'schemaCall', line: 4, column: 20 },
        { messageId: 'schemaCall', line: 6, column: 34 },
      ],
    },
  ]),
});
