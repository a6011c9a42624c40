/**
 * Typed mode through real ESLint 10: `@typescript-eslint/parser` with `projectService` and a
 * tsconfig of the temp project, against TypeORM's real declarations (the repo's devDependency).
 * The same files linted without type information show what only types can see: a decorator
 * imported from the user's own re-export (`./orm`).
 */
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eagerReport } from './fixtures';
import { assertBuilt, createTempProject, summarize, type TempProject } from './helpers';

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      experimentalDecorators: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    include: ['*.ts'],
  },
  null,
  2,
)}\n`;

const configFor = (typed: boolean): string => `import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';
import dbconventions from 'eslint-plugin-dbconventions';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: {
    parser: tsParser,
    parserOptions: ${typed ? '{ projectService: true, tsconfigRootDir: import.meta.dirname }' : '{}'},
  },
  plugins: { dbconventions },
  extends: ['dbconventions/recommended'],
});
`;

const FILES = {
  'tsconfig.json': TSCONFIG,
  'eslint.config.mjs': configFor(true),
  'untyped.config.mjs': configFor(false),
  // `eager: true` in a TypeORM decorator imported from 'typeorm': line 11, columns 28–39.
  'photo.ts': `import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class User {
  @PrimaryGeneratedColumn()
  id!: number;
}

@Entity()
export class Photo {
  @ManyToOne(() => User, { eager: true })
  user!: User;
}
`,
  // The user's own re-export of TypeORM's decorator.
  'orm.ts': `export { ManyToOne } from 'typeorm';
`,
  // `eager: true` through the re-export (line 10, columns 28–39): the checker tells it is TypeORM's, and
  // without types the module engine follows `./orm` to the package name it passes on.
  'album.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ManyToOne } from './orm';
import { User } from './photo';

@Entity()
export class Album {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => User, { eager: true })
  owner!: User;
}
`,
  // Clean: `eager: false`, per-query loading, and a local decorator that only looks like TypeORM's.
  'clean.ts': `import { DataSource, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './photo';

@Entity()
export class Comment {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => User, { eager: false })
  author!: User;
}

export function commentsWithAuthors(dataSource: DataSource) {
  return dataSource.getRepository(Comment).find({ relations: { author: true } });
}

function Reference(_target: () => unknown, _options: { eager: boolean }) {
  return (_prototype: object, _key: string) => undefined;
}

export class Widget {
  @Reference(() => Object, { eager: true })
  part!: object;
}
`,
};

const files = ['photo.ts', 'orm.ts', 'album.ts', 'clean.ts'];

/** The reports of the rule under test: the recommended config also asks for indexes on these foreign keys. */
function eagerReports(summary: ReturnType<typeof summarize>): ReturnType<typeof summarize> {
  return Object.fromEntries(Object.entries(summary).map(([file, messages]) => [file, messages.filter((m) => m.ruleId === 'dbconventions/no-eager-relations')]));
}

describe('typed mode through ESLint 10 (projectService)', () => {
  let project: TempProject;

  beforeAll(() => {
    assertBuilt();
    project = createTempProject('typed', FILES);
  });
  afterAll(() => project?.remove());

  it('reports TypeORM eager relations with type information, also through a local re-export', async () => {
    const eslint = new ESLint({ cwd: project.dir });

    const results = await eslint.lintFiles(files);

    expect(eagerReports(summarize(results, project.dir))).toEqual({
      'photo.ts': [eagerReport('user', 11, 28)],
      'orm.ts': [],
      'album.ts': [eagerReport('owner', 10, 28)],
      'clean.ts': [],
    });
  });

  it('without type information, the re-export is followed through the project module that passes it on', async () => {
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: 'untyped.config.mjs' });

    const results = await eslint.lintFiles(files);

    expect(eagerReports(summarize(results, project.dir))).toEqual({
      'photo.ts': [eagerReport('user', 11, 28)],
      'orm.ts': [],
      'album.ts': [eagerReport('owner', 10, 28)],
      'clean.ts': [],
    });
  });

  it('without type information and with cross-file reach turned off, the re-export case is not reported', async () => {
    const eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: 'untyped.config.mjs',
      overrideConfig: { settings: { dbconventions: { followModules: false } } },
    });

    const results = await eslint.lintFiles(files);

    expect(eagerReports(summarize(results, project.dir))).toEqual({
      'photo.ts': [eagerReport('user', 11, 28)],
      'orm.ts': [],
      'album.ts': [],
      'clean.ts': [],
    });
  });
});
