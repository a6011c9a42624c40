import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

const header = `import { DataSource, Entity, PrimaryGeneratedColumn, Column, BaseEntity } from 'typeorm';
@Entity()
export class User extends BaseEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column() email!: string;
}
export const dataSource = new DataSource({ type: 'postgres', entities: [User] });
`;

const parameters = (receiver: string): string =>
  `pass values separately, \`${receiver}.query(sql, parameters)\` with the driver's placeholders (\`$1\` on Postgres, \`?\` on MySQL and SQLite)`;
const namedParameter = (method: string): string => `use a named parameter, \`.${method}('user.email = :email', { email })\``;

runRuleTests('no-interpolated-sql: TypeORM', rule, {
  valid: [
    // A parameter declared `number` carries no text that can inject, with or without type information.
    `${header}export const byId = (id: number) => User.createQueryBuilder('u').where(\`u.id = \${id}\`).getOne();`,
    // query(sql, parameters) on every object that has it.
    `${header}export async function find(email: string) {
  await dataSource.query('SELECT * FROM "user" WHERE email = $1', [email]);
  await dataSource.manager.query('SELECT * FROM "user" WHERE email = $1', [email]);
  const runner = dataSource.createQueryRunner();
  await runner.query('UPDATE "user" SET last_seen = now() WHERE email = $1', [email]);
  await dataSource.getRepository(User).query('DELETE FROM "session" WHERE email = $1', [email]);
  await User.query('SELECT count(*) FROM "user" WHERE email = $1', [email]);
}`,
    // QueryBuilder: named parameters, Brackets, a constant or allow-listed column, a join condition with parameters.
    `${header}import { Brackets } from 'typeorm';
const SORTABLE = { newest: 'u.createdAt', email: 'u.email' } as const;
const COLUMNS = { email: 'email' } as const;
export const search = (email: string, roles: string[], kind: string, req: { query: { sort: 'newest' | 'email' } }) =>
  dataSource
    .getRepository(User)
    .createQueryBuilder('u')
    .select(['u.id', 'u.email'])
    .where('u.email = :email', { email })
    .andWhere('u.role IN (:...roles)', { roles })
    .andWhere(new Brackets((qb) => qb.where('u.active = :active', { active: true }).orWhere('u.admin = true')))
    .leftJoinAndSelect('u.photos', 'p', 'p.kind = :kind', { kind })
    .orderBy(SORTABLE[req.query.sort], 'DESC')
    .addOrderBy(\`u.\${COLUMNS.email}\`)
    .getMany();`,
    // Named parameters generated from indexes, under a constant alias.
    `${header}export const byIds = (ids: string[], email: string) => {
  const alias = 'u';
  return User.createQueryBuilder(alias)
    .where(\`\${alias}.email = :email\`, { email })
    .andWhere(\`\${alias}.id IN (\${ids.map((_, i) => \`:id\${i}\`).join(', ')})\`, Object.fromEntries(ids.map((id, i) => [\`id\${i}\`, id])))
    .getMany();
};`,
    // find options bind values; Raw() gets the column alias, not data.
    `${header}import { Raw, In } from 'typeorm';
export const find = (email: string, ids: number[]) =>
  User.find({ where: { email: Raw((alias) => \`LOWER(\${alias}) = LOWER(:email)\`, { email }), id: In(ids) } });`,
    // Constants and enum members; the whole text from the caller (a wrapper).
    `${header}const TABLE = '"user"';
enum Role { Admin = 'admin' }
export async function admins(limit: string) {
  await dataSource.query(\`SELECT * FROM \${TABLE} WHERE role = '\${Role.Admin}' LIMIT $1\`, [limit]);
}
export const run = (sql: string, params: unknown[]) => dataSource.query(sql, params);
run('SELECT 1', []);`,
    // Look-alikes: lodash's orderBy/groupBy, collect.js where(), a GraphQL client's query().
    `import _ from 'lodash';
import collect from 'collect.js';
import { apollo } from './apollo';
export async function look(rows: { role: string }[], req: { query: { sort: string; role: string } }) {
  _.orderBy(rows, [req.query.sort], ['desc']);
  _.groupBy(rows, \`\${req.query.sort}\`);
  collect(rows).where('role', req.query.role).all();
  await apollo.query({ query: \`query { users(role: "\${req.query.role}") { id } }\` });
}`,
    // Numbers and literal unions cannot inject: typed mode knows their types.
    {
      code: `${header}export async function page(id: number, limit: number, dir: 'ASC' | 'DESC') {
  await dataSource.query(\`SELECT * FROM "user" ORDER BY id \${dir} LIMIT \${limit}\`);
  await User.createQueryBuilder('u').where(\`u.id > \${id}\`).orderBy('u.id', dir).getMany();
}`,
      mode: 'typed',
    },
  ],
  invalid: [
    // DataSource.query, and the EntityManager reached through dataSource.manager.
    {
      code: `${header}export async function find(email: string) {
  await dataSource.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
  await dataSource.manager.query('SELECT * FROM "user" WHERE email = ' + \`'\${email}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 9,
          column: 26,
          data: { sink: 'dataSource.query', hole: 'email', line: '9', safeForm: parameters('dataSource') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string) {
  await dataSource.query('SELECT * FROM "user" WHERE email = $1', [email]);
  await dataSource.manager.query('SELECT * FROM "user" WHERE email = ' + \`'\${email}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 10,
          column: 34,
          data: { sink: 'dataSource.manager.query', hole: 'email', line: '10', safeForm: parameters('dataSource.manager') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string) {
  await dataSource.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
  await dataSource.manager.query('SELECT * FROM "user" WHERE email = $1', [email]);
}`,
            },
          ],
        },
      ],
    },
    // A QueryRunner from createQueryRunner(), a Repository from getRepository(), and a BaseEntity subclass.
    {
      code: `${header}export async function promote(email: string, role: string) {
  const runner = dataSource.createQueryRunner();
  await runner.query(\`UPDATE "user" SET role = '\${role}' WHERE email = '\${email}'\`);
  await dataSource.getRepository(User).query(\`DELETE FROM "session" WHERE email = '\${email}'\`);
  await User.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 10,
          column: 22,
          data: { sink: 'runner.query', hole: 'role', line: '10', safeForm: parameters('runner') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function promote(email: string, role: string) {
  const runner = dataSource.createQueryRunner();
  await runner.query('UPDATE "user" SET role = $1 WHERE email = $2', [role, email]);
  await dataSource.getRepository(User).query(\`DELETE FROM "session" WHERE email = '\${email}'\`);
  await User.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 11,
          column: 46,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function promote(email: string, role: string) {
  const runner = dataSource.createQueryRunner();
  await runner.query(\`UPDATE "user" SET role = '\${role}' WHERE email = '\${email}'\`);
  await dataSource.getRepository(User).query('DELETE FROM "session" WHERE email = $1', [email]);
  await User.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 12,
          column: 20,
          data: {
            sink: 'User.query',
            hole: 'email',
            line: '12',
            safeForm: "pass values separately, `User.query(sql, parameters)` with the driver's placeholders",
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function promote(email: string, role: string) {
  const runner = dataSource.createQueryRunner();
  await runner.query(\`UPDATE "user" SET role = '\${role}' WHERE email = '\${email}'\`);
  await dataSource.getRepository(User).query(\`DELETE FROM "session" WHERE email = '\${email}'\`);
  await User.query('SELECT * FROM "user" WHERE email = $1', [email]);
}`,
            },
          ],
        },
      ],
    },
    // QueryBuilder clauses: values belong in named parameters (no rewrite offered), names in an allow-list.
    {
      code: `${header}export async function search(email: string, req: { query: { role: string; sort: string; min: string; kind: string } }) {
  await dataSource.getRepository(User).createQueryBuilder('u').where('u.active = true').andWhere(\`u.email = '\${email}'\`).getOne();
  await dataSource.createQueryBuilder().select('u').from(User, 'u').orWhere('u.role = ' + req.query.role).getMany();
  await User.createQueryBuilder('u').groupBy('u.role').having(\`COUNT(*) > \${req.query.min}\`).getRawMany();
  await User.createQueryBuilder('u').leftJoinAndSelect('u.photos', 'p', \`p.kind = '\${req.query.kind}'\`).getMany();
  await User.createQueryBuilder('u').orderBy(\`u.\${req.query.sort}\`).getMany();
  await User.createQueryBuilder('u').select(\`u.\${req.query.sort}\`).getRawMany();
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 9,
          column: 98,
          data: { sink: '.andWhere()', hole: 'email', line: '9', safeForm: namedParameter('andWhere') },
        },
        { messageId: 'interpolated', line: 10, column: 77, data: { sink: '.orWhere()', hole: 'req.query.role', line: '10', safeForm: namedParameter('orWhere') } },
        { messageId: 'interpolated', line: 11, column: 63, data: { sink: '.having()', hole: 'req.query.min', line: '11', safeForm: namedParameter('having') } },
        {
          messageId: 'interpolated',
          line: 12,
          column: 73,
          data: {
            sink: '.leftJoinAndSelect()',
            hole: 'req.query.kind',
            line: '12',
            safeForm: "use a named parameter in the join condition, `.leftJoinAndSelect('u.photos', 'p', 'p.kind = :kind', { kind })`",
          },
        },
        { messageId: 'interpolatedIdentifier', line: 13, column: 46, data: { sink: '.orderBy()', hole: 'req.query.sort', line: '13' }, suggestions: [] },
        { messageId: 'interpolatedIdentifier', line: 14, column: 45, data: { sink: '.select()', hole: 'req.query.sort', line: '14' }, suggestions: [] },
      ],
    },
    // A NestJS service: an injected Repository<User> and DataSource.
    {
      code: `import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  byEmail(email: string) {
    return this.users.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
  }

  search(q: string) {
    return this.users.createQueryBuilder('u').where(\`u.email LIKE '%\${q}%'\`).getMany();
  }

  remove(id: string) {
    return this.dataSource.query(\`DELETE FROM "user" WHERE id = \${id}\`);
  }
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 14,
          column: 29,
          data: { sink: 'this.users.query', hole: 'email', line: '14', safeForm: parameters('this.users') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  byEmail(email: string) {
    return this.users.query('SELECT * FROM "user" WHERE email = $1', [email]);
  }

  search(q: string) {
    return this.users.createQueryBuilder('u').where(\`u.email LIKE '%\${q}%'\`).getMany();
  }

  remove(id: string) {
    return this.dataSource.query(\`DELETE FROM "user" WHERE id = \${id}\`);
  }
}`,
            },
          ],
        },
        { messageId: 'interpolated', line: 18, column: 53, data: { sink: '.where()', hole: 'q', line: '18', safeForm: namedParameter('where') } },
        {
          messageId: 'interpolated',
          line: 22,
          column: 34,
          data: { sink: 'this.dataSource.query', hole: 'id', line: '22', safeForm: parameters('this.dataSource') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  byEmail(email: string) {
    return this.users.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);
  }

  search(q: string) {
    return this.users.createQueryBuilder('u').where(\`u.email LIKE '%\${q}%'\`).getMany();
  }

  remove(id: string) {
    return this.dataSource.query('DELETE FROM "user" WHERE id = $1', [id]);
  }
}`,
            },
          ],
        },
      ],
    },
    // The manager a transaction callback receives, and an EntityManager parameter.
    {
      code: `import { DataSource, EntityManager } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export const purge = (email: string) =>
  dataSource.transaction(async (manager) => {
    await manager.query(\`DELETE FROM "session" WHERE email = '\${email}'\`);
  });
export const count = (manager: EntityManager, email: string) => manager.query('SELECT count(*) FROM "order" WHERE email = ' + email);`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 25,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { DataSource, EntityManager } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export const purge = (email: string) =>
  dataSource.transaction(async (manager) => {
    await manager.query('DELETE FROM "session" WHERE email = $1', [email]);
  });
export const count = (manager: EntityManager, email: string) => manager.query('SELECT count(*) FROM "order" WHERE email = ' + email);`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 7,
          column: 79,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { DataSource, EntityManager } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export const purge = (email: string) =>
  dataSource.transaction(async (manager) => {
    await manager.query(\`DELETE FROM "session" WHERE email = '\${email}'\`);
  });
export const count = (manager: EntityManager, email: string) => manager.query('SELECT count(*) FROM "order" WHERE email = $1', [email]);`,
            },
          ],
        },
      ],
    },
    // Built lines earlier with `+=`, and returned by a same-file helper: reported at the call, no rewrite.
    {
      code: `${header}function byRole(role: string) {
  return \`u.role = '\${role}'\`;
}
export async function list(req: { query: { status?: string } }, role: string) {
  let sql = 'SELECT * FROM "user" WHERE deleted_at IS NULL';
  if (req.query.status) sql += \` AND status = '\${req.query.status}'\`;
  await dataSource.query(sql);
  await User.createQueryBuilder('u').where(byRole(role)).getMany();
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 14,
          column: 26,
          data: { sink: 'dataSource.query', hole: 'req.query.status', line: '13', safeForm: parameters('dataSource') },
          suggestions: [],
        },
        {
          messageId: 'interpolated',
          line: 15,
          column: 44,
          data: { sink: '.where()', hole: 'byRole(role)', line: '15', safeForm: namedParameter('where') },
          suggestions: [],
        },
      ],
    },
    // MySQL and SQLite take `?`: the placeholder option sets the rewrite's style.
    {
      code: `import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'mysql' });
export const find = (email: string, role: string) => dataSource.query(\`SELECT * FROM user WHERE email = '\${email}' AND role = '\${role}'\`);`,
      options: [{ placeholder: 'question' }],
      errors: [
        {
          messageId: 'interpolated',
          line: 3,
          column: 71,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'mysql' });
export const find = (email: string, role: string) => dataSource.query('SELECT * FROM user WHERE email = ? AND role = ?', [email, role]);`,
            },
          ],
        },
      ],
    },
    // The DataSource from the app's own module (tier 3): query() is recognised by its SQL text and gets
    // the general advice, without a rewrite. (There is no tests/fixtures/data-source.ts, so typed mode
    // sees `any` and answers the same.)
    {
      code: `import { AppDataSource } from './data-source';
export const find = (email: string) => AppDataSource.query(\`SELECT * FROM "user" WHERE email = '\${email}'\`);`,
      errors: [
        {
          messageId: 'interpolated',
          line: 2,
          column: 60,
          data: {
            sink: 'AppDataSource.query',
            hole: 'email',
            line: '2',
            safeForm:
              "pass values separately as parameters, `AppDataSource.query(text, values)` with your driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
          },
          suggestions: [],
        },
      ],
    },
    // CommonJS.
    {
      code: `const { DataSource } = require('typeorm');

const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

module.exports.findUser = async (req, res) => {
  const users = await AppDataSource.query("SELECT * FROM users WHERE email = '" + req.body.email + "'");
  const posts = await AppDataSource.getRepository('Post').createQueryBuilder('p').where(\`p.author = '\${req.body.email}'\`).getMany();
  res.json({ users, posts });
};`,
      js: true,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 43,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `const { DataSource } = require('typeorm');

const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

module.exports.findUser = async (req, res) => {
  const users = await AppDataSource.query('SELECT * FROM users WHERE email = $1', [req.body.email]);
  const posts = await AppDataSource.getRepository('Post').createQueryBuilder('p').where(\`p.author = '\${req.body.email}'\`).getMany();
  res.json({ users, posts });
};`,
            },
          ],
        },
        { messageId: 'interpolated', line: 7, column: 89 },
      ],
    },
  ],
});
