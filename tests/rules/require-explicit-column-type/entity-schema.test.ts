// Entities written as data: TypeORM's and MikroORM's `new EntitySchema({ … })`. Each column entry is read
// like the column decorator's options; keys, timestamps, relations and options the engine cannot read stay silent.
import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

const typeorm = (line: number, column: number, name: string, parts: string) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'TypeORM', advice: "`columns: { name: { type: 'varchar', length: 100, nullable: false } }`" },
});
const mikro = (line: number, column: number, name: string, parts: string) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'MikroORM', advice: "`properties: { name: { type: 'string', length: 100, nullable: false } }`" },
});

runRuleTests('require-explicit-column-type: EntitySchema', rule, {
  valid: [
    {
      // TypeORM: every column stated; keys, timestamps and relations exempt; options from a variable unread.
      code: `
const { EntitySchema } = require('typeorm');
const audit = { type: 'varchar', nullable: true };
module.exports = new EntitySchema({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id: { type: Number, primary: true, generated: true },
    reference: { type: 'varchar', length: 24, nullable: false },
    total: { type: 'decimal', precision: 10, scale: 2, nullable: false },
    paid: { type: Boolean, nullable: false, default: false },
    createdAt: { type: 'timestamp', createDate: true },
    updatedAt: { type: 'timestamp', updateDate: true },
    deletedAt: { type: 'timestamp', deleteDate: true },
    revision: { type: Number, version: true },
    note: audit,
  },
  relations: { customer: { type: 'many-to-one', target: 'Customer' } },
});
`,
      js: true,
    },
    {
      // MikroORM: the same, with its own markers (a relation names its entity).
      code: `
import { EntitySchema } from '@mikro-orm/core';
import { Author } from './author';
export const BookSchema = new EntitySchema({
  name: 'Book',
  properties: {
    id: { type: 'number', primary: true },
    title: { type: 'string', length: 200, nullable: false },
    author: { kind: 'm:1', entity: () => Author },
    createdAt: { type: 'Date', onCreate: () => new Date() },
    computed: { type: 'string', persist: false },
  },
});
`,
    },
    {
      // An EntitySchema of another library: not read.
      code: `
import { EntitySchema } from './schema-kit';
export const Thing = new EntitySchema({ name: 'Thing', columns: { label: { type: 'varchar' } } });
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
const { EntitySchema } = require('typeorm');
module.exports = new EntitySchema({
  name: 'Customer',
  columns: {
    id: { type: Number, primary: true, generated: true },
    name: { type: String },
    email: { type: 'varchar', length: 320 },
    balance: { type: 'decimal', nullable: false },
    visits: { type: 'int', nullable: false },
  },
});
`,
      js: true,
      errors: [typeorm(7, 5, 'name', 'length and nullability'), typeorm(8, 5, 'email', 'nullability'), typeorm(9, 5, 'balance', 'precision and scale')],
    },
    {
      code: `
import { EntitySchema } from '@mikro-orm/core';
export const AuthorSchema = new EntitySchema({
  name: 'Author',
  properties: {
    id: { type: 'number', primary: true },
    name: { type: 'string' },
    rating: { type: 'decimal', nullable: true },
    born: { type: 'Date', nullable: true },
  },
});
`,
      errors: [mikro(7, 5, 'name', 'length and nullability'), mikro(8, 5, 'rating', 'precision and scale')],
    },
  ],
});
