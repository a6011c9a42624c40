// MikroORM's `defineEntity` (6.4+, the documented way for JavaScript): columns written as property builder
// chains (`p.string().length(100)`) or as options objects. The builder's `nullable()` takes no argument, so a
// property without it is NOT NULL by the builder's own definition: only the size is asked of a chain.
import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

const advice = '`name: p.string().length(100)`, `price: p.decimal().precision(10).scale(2)`';
const mikro = (line: number, column: number, name: string, parts: string) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'MikroORM', advice },
});

runRuleTests('require-explicit-column-type: MikroORM defineEntity', rule, {
  valid: [
    {
      // Every size stated; keys, generated values, relations and unpersisted properties exempt.
      code: `
import { defineEntity, p } from '@mikro-orm/core';
import { Author } from './author';
import { Tag } from './tag';
export const Book = defineEntity({
  name: 'Book',
  properties: {
    id: p.integer().primary(),
    code: p.string().primary(),
    title: p.string().length(200),
    isbn: p.type('varchar(13)'),
    sku: p.string().columnType('char(8)'),
    price: p.decimal().precision(10).scale(2),
    summary: p.text().nullable(),
    published: p.boolean(),
    createdAt: p.datetime().onCreate(() => new Date()),
    label: p.string().persist(false),
    author: () => p.manyToOne(Author),
    tags: () => p.manyToMany(Tag),
    meta: { type: 'json', nullable: true },
  },
});
`,
    },
    {
      // The properties function form, its builders under any name.
      code: `
const { defineEntity } = require('@mikro-orm/core');
module.exports.Tag = defineEntity({ name: 'Tag', properties: (t) => ({ id: t.integer().primary(), name: t.string().length(40) }) });
`,
      js: true,
    },
    {
      // A defineEntity of another library, and a project's own column helpers: not read.
      code: `
import { defineEntity, p } from './schema-kit';
export const Thing = defineEntity({ name: 'Thing', properties: { label: p.string() } });
`,
    },
    {
      code: `
import { defineEntity } from '@mikro-orm/core';
import { columns } from './columns';
export const Other = defineEntity({ name: 'Other', properties: { label: columns.string(), note: columns.note } });
`,
    },
  ],
  invalid: [
    {
      code: `
import { defineEntity, p } from '@mikro-orm/core';
export const Product = defineEntity({
  name: 'Product',
  properties: {
    id: p.integer().primary(),
    name: p.string(),
    nickname: p.string().nullable(),
    price: p.decimal(),
    discount: p.decimal().precision(5),
    code: p.type('varchar'),
    legacy: { type: 'string' },
  },
});
`,
      errors: [
        mikro(7, 5, 'name', 'length'),
        mikro(8, 5, 'nickname', 'length'),
        mikro(9, 5, 'price', 'precision and scale'),
        mikro(10, 5, 'discount', 'precision and scale'),
        mikro(11, 5, 'code', 'length'),
        mikro(12, 5, 'legacy', 'length and nullability'),
      ],
    },
    {
      // CommonJS, the properties function form.
      code: `
const { defineEntity } = require('@mikro-orm/core');
module.exports.Author = defineEntity({
  name: 'Author',
  properties: (p) => ({
    id: p.integer().primary(),
    email: p.string().unique(),
  }),
});
`,
      js: true,
      errors: [mikro(7, 5, 'email', 'length')],
    },
    {
      // The builders reached through \`defineEntity.properties\`.
      code: `
import { defineEntity } from '@mikro-orm/core';
export const Tag = defineEntity({ name: 'Tag', properties: { id: defineEntity.properties.integer().primary(), name: defineEntity.properties.string() } });
`,
      errors: [mikro(3, 111, 'name', 'length')],
    },
  ],
});
