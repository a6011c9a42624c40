import rule from '../../../src/rules/no-eager-relations';
import { runRuleTests } from '../../helpers/rule-tester';

const SUGGEST_B1 = `
import { OneToOne as HasOne } from 'typeorm';
import * as orm from 'typeorm';
export class Profile {
  @HasOne(() => Photo, {}) photo!: Photo;
  @orm.ManyToOne(() => Photo, { eager: true }) cover!: Photo;
}
class Photo {}
`;
const SUGGEST_B2 = `
import { OneToOne as HasOne } from 'typeorm';
import * as orm from 'typeorm';
export class Profile {
  @HasOne(() => Photo, { eager: true }) photo!: Photo;
  @orm.ManyToOne(() => Photo, {}) cover!: Photo;
}
class Photo {}
`;
const SUGGEST_C = `
import typeorm = require('typeorm');
export class A {
  @typeorm.ManyToOne(() => B, {}) b!: B;
}
class B {}
`;
const SUGGEST_D = `
import { ManyToOne } from './orm';
export class Photo {
  @ManyToOne(() => User, {})
  user!: User;
}
class User {}
`;

runRuleTests('no-eager-relations: TypeORM', rule, {
  valid: [
    // Lazy by default: per-query loading is the right pattern.
    `
import { Entity, ManyToOne, OneToMany } from 'typeorm';
@Entity()
export class Photo {
  @ManyToOne(() => User, (user) => user.photos)
  user!: User;
}
class User { photos!: Photo[] }
`,
    `
import { Entity, ManyToOne } from 'typeorm';
@Entity()
export class Photo {
  @ManyToOne(() => User, { eager: false, nullable: false })
  user!: User;
}
class User {}
`,
    // Per-query loading is what we ask for.
    `
import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export async function load() {
  await ds.getRepository('photo').find({ relations: { user: true } });
  await ds.getRepository('photo').createQueryBuilder('p').leftJoinAndSelect('p.user', 'u').getMany();
}
`,
    // A decorator with the same name from another package.
    `
import { ManyToOne } from './my-own-decorators';
class Photo {
  @ManyToOne(() => User, { eager: true })
  user!: User;
}
class User {}
`,
    // Not a relation option: a module-federation shared entry.
    `
import { ManyToOne } from 'typeorm';
export const federation = { shared: { react: { singleton: true, eager: true } } };
`,
    // eager inside a call that is not the relation (a helper wrapping the options)
    `
import { ManyToOne } from 'typeorm';
const options = { eager: true };
class Photo {
  @ManyToOne(() => User, options)
  user!: User;
}
class User {}
`,
    {
      code: `
import { Entity, OneToOne, JoinColumn } from 'typeorm';
@Entity()
export class Profile {
  @OneToOne(() => Photo, { eager: true })
  @JoinColumn()
  photo!: Photo;
}
class Photo {}
`,
      options: [{ allowRelations: ['photo'] }],
    },
    // EntitySchema: eager false, and eager at a level that is not a relation.
    {
      code: `
const { EntitySchema } = require('typeorm');
module.exports = new EntitySchema({
  name: 'category',
  columns: { id: { type: Number, primary: true, generated: true } },
  relations: { posts: { type: 'many-to-many', target: 'post', eager: false } },
});
`,
      js: true,
    },
    // Untyped, a re-export through a module that cannot be read (no file on disk: the test's `./orm` is
    // not one) is out of sight; the libraryModules setting or typed mode brings it back (see below and
    // settings.test.ts), and a readable one is followed (across-files.test.ts).
    {
      code: `
import { ManyToOne } from './orm';
export class Photo {
  @ManyToOne(() => User, { eager: true })
  user!: User;
}
class User {}
`,
      mode: 'untyped',
    },
    // Another library's EntitySchema-like constructor.
    {
      code: `
import { EntitySchema } from 'some-other-lib';
export const s = new EntitySchema({ relations: { posts: { eager: true } } });
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import { Entity, ManyToOne } from 'typeorm';
@Entity()
export class Photo {
  @ManyToOne(() => User, (user) => user.photos, { eager: true })
  user!: User;
}
class User { photos!: Photo[] }
`,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 5,
          column: 51,
          endColumn: 62,
          data: {
            orm: 'TypeORM',
            relation: 'user',
            caveat:
              ' TypeORM also ignores `eager` in QueryBuilder queries, so the same entity comes back with and without the relation depending on the API used.',
            advice: '`find({ relations: { user: true } })`, or `leftJoinAndSelect()` in a QueryBuilder',
          },
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { Entity, ManyToOne } from 'typeorm';
@Entity()
export class Photo {
  @ManyToOne(() => User, (user) => user.photos, {})
  user!: User;
}
class User { photos!: Photo[] }
`,
            },
          ],
        },
      ],
    },
    // Options first, other options kept by the suggestion.
    {
      code: `
import { OneToMany, ManyToMany, JoinTable } from 'typeorm';
export class User {
  @OneToMany(() => Photo, (photo) => photo.user, { cascade: true, eager: true })
  photos!: Photo[];
  @ManyToMany(() => Role, { eager: true, nullable: true })
  @JoinTable()
  roles!: Role[];
}
class Photo { user!: User }
class Role {}
`,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 4,
          column: 67,
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { OneToMany, ManyToMany, JoinTable } from 'typeorm';
export class User {
  @OneToMany(() => Photo, (photo) => photo.user, { cascade: true })
  photos!: Photo[];
  @ManyToMany(() => Role, { eager: true, nullable: true })
  @JoinTable()
  roles!: Role[];
}
class Photo { user!: User }
class Role {}
`,
            },
          ],
        },
        {
          messageId: 'eagerRelation',
          line: 6,
          column: 29,
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
import { OneToMany, ManyToMany, JoinTable } from 'typeorm';
export class User {
  @OneToMany(() => Photo, (photo) => photo.user, { cascade: true, eager: true })
  photos!: Photo[];
  @ManyToMany(() => Role, { nullable: true })
  @JoinTable()
  roles!: Role[];
}
class Photo { user!: User }
class Role {}
`,
            },
          ],
        },
      ],
    },
    // Renamed and namespace imports.
    {
      code: `
import { OneToOne as HasOne } from 'typeorm';
import * as orm from 'typeorm';
export class Profile {
  @HasOne(() => Photo, { eager: true }) photo!: Photo;
  @orm.ManyToOne(() => Photo, { eager: true }) cover!: Photo;
}
class Photo {}
`,
      errors: [
        { messageId: 'eagerRelation', line: 5, column: 26, suggestions: [{ messageId: 'removeEager', output: SUGGEST_B1 }] },
        { messageId: 'eagerRelation', line: 6, column: 33, suggestions: [{ messageId: 'removeEager', output: SUGGEST_B2 }] },
      ],
    },
    // require, plain and destructured, and import x = require()
    {
      code: `
import typeorm = require('typeorm');
export class A {
  @typeorm.ManyToOne(() => B, { eager: true }) b!: B;
}
class B {}
`,
      errors: [{ messageId: 'eagerRelation', line: 4, column: 33, suggestions: [{ messageId: 'removeEager', output: SUGGEST_C }] }],
    },
    // EntitySchema in plain JavaScript.
    {
      code: `
const { EntitySchema } = require('typeorm');
module.exports = new EntitySchema({
  name: 'category',
  relations: {
    posts: { type: 'many-to-many', target: 'post', eager: true },
  },
});
`,
      js: true,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 6,
          column: 52,
          data: {
            orm: 'TypeORM',
            relation: 'posts',
            caveat:
              ' TypeORM also ignores `eager` in QueryBuilder queries, so the same entity comes back with and without the relation depending on the API used.',
            advice: '`find({ relations: { posts: true } })`, or `leftJoinAndSelect()` in a QueryBuilder',
          },
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
const { EntitySchema } = require('typeorm');
module.exports = new EntitySchema({
  name: 'category',
  relations: {
    posts: { type: 'many-to-many', target: 'post' },
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
const typeorm = require('typeorm');
const schema = new typeorm.EntitySchema({ name: 'post', relations: { author: { type: 'many-to-one', target: 'user', eager: true } } });
`,
      js: true,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 3,
          column: 117,
          suggestions: [
            {
              messageId: 'removeEager',
              output: `
const typeorm = require('typeorm');
const schema = new typeorm.EntitySchema({ name: 'post', relations: { author: { type: 'many-to-one', target: 'user' } } });
`,
            },
          ],
        },
      ],
    },
    // The libraryModules setting tells the untyped tier what the user's module re-exports.
    {
      code: `
import { ManyToOne } from './orm';
export class Photo {
  @ManyToOne(() => User, { eager: true })
  user!: User;
}
class User {}
`,
      settings: { dbconventions: { libraryModules: { './orm': 'typeorm' } } },
      errors: [{ messageId: 'eagerRelation', line: 4, column: 28, suggestions: [{ messageId: 'removeEager', output: SUGGEST_D }] }],
    },
    // Typed mode sees through the user's own re-export module.
    {
      code: `
import { ManyToOne } from './orm';
export class Photo {
  @ManyToOne(() => User, { eager: true })
  user!: User;
}
class User {}
`,
      mode: 'typed',
      errors: [{ messageId: 'eagerRelation', line: 4, column: 28, suggestions: [{ messageId: 'removeEager', output: SUGGEST_D }] }],
    },
  ],
});
