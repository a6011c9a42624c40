// Decorators re-exported by the project's own modules (tests/fixtures/project/src/di): a barrel that
// passes TypeORM's names on (`export { ManyToOne } from 'typeorm'`) is followed without the
// `libraryModules` setting, in both modes; the same names from the project's own functions or from a
// package that is no database library are not the ORM's.
import path from 'node:path';
import rule from '../../../src/rules/no-eager-relations';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/di/linted.ts');

const EAGER = `
import { Entity, ManyToOne } from './orm';
@Entity()
export class Photo {
  @ManyToOne(() => User, { eager: true })
  user!: User;
}
class User {}
`;

const VIA_ALIAS = `
import { OneToMany } from '@app/di';
export class User {
  @OneToMany(() => Photo, (photo) => photo.user, { eager: true })
  photos!: Photo[];
}
class Photo { user!: User }
`;

runRuleTests('no-eager-relations: across files', rule, {
  valid: [
    // The project's own `ManyToOne`, and a package's `Optional` renamed `OneToMany`: not TypeORM's.
    {
      filename,
      code: `
import { ManyToOne, OneToMany } from './decorators';
export class Photo {
  @ManyToOne(() => User, { eager: true }) user!: User;
  @OneToMany(() => User, { eager: true }) users!: User[];
}
class User {}
`,
    },
    // The barrel's TypeORM decorator, lazy.
    { filename, code: `import { ManyToOne } from './orm';\nexport class Photo {\n  @ManyToOne(() => User, { eager: false }) user!: User;\n}\nclass User {}` },
    // Cross-file reach turned off, and no type information: nothing says what `./orm` holds.
    { filename, code: EAGER, settings: { dbconventions: { followModules: false } }, mode: 'untyped' },
  ],
  invalid: [
    {
      // A named re-export of the package.
      filename,
      code: EAGER,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 5,
          column: 28,
          suggestions: [{ messageId: 'removeEager', output: EAGER.replace('{ eager: true }', '{}') }],
        },
      ],
    },
    {
      // Through the tsconfig alias to the folder's barrel, which re-exports `./orm` wholesale.
      filename,
      code: VIA_ALIAS,
      errors: [
        {
          messageId: 'eagerRelation',
          line: 4,
          column: 52,
          suggestions: [{ messageId: 'removeEager', output: VIA_ALIAS.replace('{ eager: true }', '{}') }],
        },
      ],
    },
  ],
});
