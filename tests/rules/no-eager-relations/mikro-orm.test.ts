import rule from '../../../src/rules/no-eager-relations';
import { runRuleTests } from '../../helpers/rule-tester';

const advice = (model: string, relation: string) => `\`em.find(${model}, where, { populate: ['${relation}'] })\``;
const data = (relation: string, model = 'Book') => ({ orm: 'MikroORM', relation, caveat: '', advice: advice(model, relation) });

runRuleTests('no-eager-relations: MikroORM', rule, {
  valid: [
    `
import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/core';
@Entity()
export class Book {
  @PrimaryKey() id!: number;
  @ManyToOne(() => Author)
  author!: Author;
  @ManyToOne({ entity: () => Author, eager: false })
  editor!: Author;
}
class Author {}
`,
    // Populating per query is the right pattern.
    `
import { MikroORM } from '@mikro-orm/postgresql';
export async function books(orm: MikroORM) {
  return orm.em.find('Book', {}, { populate: ['author'] });
}
`,
    {
      code: `
import { defineEntity, p } from '@mikro-orm/core';
export const Article = defineEntity({
  name: 'Article',
  properties: {
    id: p.integer().primary(),
    author: () => p.manyToOne('Author').eager(false),
    reviewer: () => p.manyToOne('Author').nullable(),
  },
});
`,
      js: true,
    },
    // A different builder API with an eager() method: not MikroORM's.
    {
      code: `
import { query } from 'some-graph-client';
export const q = query('users').eager();
`,
      js: true,
    },
    // `.eager(flag)` with a value decided elsewhere is not a declaration we can read.
    `
import { p } from '@mikro-orm/core';
declare const flag: boolean;
export const author = p.manyToOne('Author').eager(flag);
`,
  ],
  invalid: [
    {
      code: `
import { Entity, ManyToOne } from '@mikro-orm/core';
@Entity()
export class Book {
  @ManyToOne(() => Author, { eager: true })
  author!: Author;
}
class Author {}
`,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 5,
          column: 30,
          endColumn: 41,
          data: data('author'),
          suggestions: [
            {
              messageId: 'removeEager',
              data: data('author'),
              output: `
import { Entity, ManyToOne } from '@mikro-orm/core';
@Entity()
export class Book {
  @ManyToOne(() => Author, {})
  author!: Author;
}
class Author {}
`,
            },
          ],
        },
      ],
    },
    // Options-object form, and a driver package re-exporting core.
    {
      code: `
import { ManyToMany, ManyToOne, Collection } from '@mikro-orm/postgresql';
export class Book {
  @ManyToOne({ entity: () => Publisher, eager: true, nullable: true })
  publisher?: Publisher;
  @ManyToMany(() => Tag, 'books', { owner: true, eager: true })
  tags = new Collection<Tag>(this);
}
class Publisher {}
class Tag {}
`,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 4,
          column: 41,
          data: data('publisher'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { ManyToMany, ManyToOne, Collection } from '@mikro-orm/postgresql';
export class Book {
  @ManyToOne({ entity: () => Publisher, nullable: true })
  publisher?: Publisher;
  @ManyToMany(() => Tag, 'books', { owner: true, eager: true })
  tags = new Collection<Tag>(this);
}
class Publisher {}
class Tag {}
`,
            },
          ],
        },
        {
          messageId: 'eagerRelation',
          line: 6,
          column: 50,
          data: data('tags'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { ManyToMany, ManyToOne, Collection } from '@mikro-orm/postgresql';
export class Book {
  @ManyToOne({ entity: () => Publisher, eager: true, nullable: true })
  publisher?: Publisher;
  @ManyToMany(() => Tag, 'books', { owner: true })
  tags = new Collection<Tag>(this);
}
class Publisher {}
class Tag {}
`,
            },
          ],
        },
      ],
    },
    // EntitySchema in JavaScript.
    {
      code: `
const { EntitySchema } = require('@mikro-orm/core');
module.exports = new EntitySchema({
  name: 'Book',
  properties: {
    author: { kind: 'm:1', entity: 'Author', eager: true },
  },
});
`,
      js: true,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 6,
          column: 46,
          data: data('author'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
const { EntitySchema } = require('@mikro-orm/core');
module.exports = new EntitySchema({
  name: 'Book',
  properties: {
    author: { kind: 'm:1', entity: 'Author' },
  },
});
`,
            },
          ],
        },
      ],
    },
    // The property builder: `.eager()` and `.eager(true)`, through `p` and through a parameter.
    {
      code: `
import { defineEntity, p } from '@mikro-orm/core';
export const Article = defineEntity({
  name: 'Article',
  properties: {
    author: () => p.manyToOne('Author').eager(),
    editor: () => p.manyToOne('Author').nullable().eager(true),
  },
});
`,
      js: true,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 6,
          column: 41,
          endColumn: 48,
          data: data('author', 'Article'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { defineEntity, p } from '@mikro-orm/core';
export const Article = defineEntity({
  name: 'Article',
  properties: {
    author: () => p.manyToOne('Author'),
    editor: () => p.manyToOne('Author').nullable().eager(true),
  },
});
`,
            },
          ],
        },
        {
          messageId: 'eagerRelation',
          line: 7,
          column: 52,
          endColumn: 63,
          data: data('editor', 'Article'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { defineEntity, p } from '@mikro-orm/core';
export const Article = defineEntity({
  name: 'Article',
  properties: {
    author: () => p.manyToOne('Author').eager(),
    editor: () => p.manyToOne('Author').nullable(),
  },
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const { defineEntity } = require('@mikro-orm/core');
module.exports = defineEntity({
  name: 'Comment',
  properties: (b) => ({
    article: b.manyToOne('Article').eager(),
    author: defineEntity.properties.manyToOne('Author').eager(),
  }),
});
`,
      js: true,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 6,
          column: 37,
          data: data('article', 'Comment'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
const { defineEntity } = require('@mikro-orm/core');
module.exports = defineEntity({
  name: 'Comment',
  properties: (b) => ({
    article: b.manyToOne('Article'),
    author: defineEntity.properties.manyToOne('Author').eager(),
  }),
});
`,
            },
          ],
        },
        {
          messageId: 'eagerRelation',
          line: 7,
          column: 57,
          data: data('author', 'Comment'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
const { defineEntity } = require('@mikro-orm/core');
module.exports = defineEntity({
  name: 'Comment',
  properties: (b) => ({
    article: b.manyToOne('Article').eager(),
    author: defineEntity.properties.manyToOne('Author'),
  }),
});
`,
            },
          ],
        },
      ],
    },
    // defineEntity with plain property options.
    {
      code: `
import { defineEntity } from '@mikro-orm/core';
export const Review = defineEntity({
  name: 'Review',
  properties: { book: { kind: 'm:1', entity: 'Book', eager: true } },
});
`,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 5,
          column: 54,
          data: data('book', 'Review'),
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { defineEntity } from '@mikro-orm/core';
export const Review = defineEntity({
  name: 'Review',
  properties: { book: { kind: 'm:1', entity: 'Book' } },
});
`,
            },
          ],
        },
      ],
    },
  ],
});
