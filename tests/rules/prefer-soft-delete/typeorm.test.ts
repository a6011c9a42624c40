// TypeORM: hard deletes of an entity with `@DeleteDateColumn()` (its own or a base class's), through a data
// mapper repository (`getRepository(User)`, a field typed `Repository<User>`, a custom repository class), an
// entity manager given the class, the active-record class and its instances, and the query builder.
// Negatives: entities without soft delete, the soft APIs, purges of rows already soft-deleted, look-alikes.
import rule from '../../../src/rules/prefer-soft-delete';
import { runRuleTests } from '../../helpers/rule-tester';

const entity = `import { Entity, PrimaryGeneratedColumn, Column, DeleteDateColumn, BaseEntity, DataSource, Repository, EntityManager } from 'typeorm';
@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @DeleteDateColumn() deletedAt?: Date;
}
@Entity()
export class AuditLog {
  @PrimaryGeneratedColumn() id!: number;
  @Column() text!: string;
}
export const dataSource = new DataSource({ type: 'postgres' });
`;
/** Line numbers below count from the first line after the header and its blank line. */
const at = (line: number) => line + 13;

const hard = (line: number, column: number, soft: string, output: string) => ({
  messageId: 'hardDelete' as const,
  line: at(line),
  column,
  suggestions: [{ messageId: 'useSoft' as const, data: { soft }, output }],
});

runRuleTests('prefer-soft-delete: TypeORM', rule, {
  valid: [
    // The soft APIs, restore and recover.
    `${entity}
const repo = dataSource.getRepository(User);
export async function f(user: User) {
  await repo.softDelete(1);
  await repo.softRemove(user);
  await repo.restore(1);
  await repo.recover(user);
  await dataSource.manager.softDelete(User, 1);
  await dataSource.createQueryBuilder().softDelete().from(User).where('id = :id', { id: 1 }).execute();
}`,
    // An entity without soft delete.
    `${entity}
const logs = dataSource.getRepository(AuditLog);
export async function f(manager: EntityManager) {
  await logs.delete({ id: 1 });
  await manager.delete(AuditLog, 1);
  await dataSource.createQueryBuilder().delete().from(AuditLog).execute();
}`,
    // Purging rows already soft-deleted: the hard delete soft delete plans for.
    `${entity}
import { LessThan } from 'typeorm';
const repo = dataSource.getRepository(User);
export const purge = (cutoff: Date) => repo.delete({ deletedAt: LessThan(cutoff) });`,
    // Look-alikes: a Map's delete, a cache's remove, a service of the project with a delete of its own.
    `${entity}
const seen = new Map<number, User>();
const cache = { remove(key: string) { return key; } };
class UserService { delete(id: number) { return id; } }
const users = new UserService();
export function f() {
  seen.delete(1);
  cache.remove('users');
  users.delete(1);
}`,
    // A class that declares a static \`delete\` of its own.
    `
import { Entity, DeleteDateColumn, BaseEntity } from 'typeorm';
@Entity()
export class Post extends BaseEntity {
  @DeleteDateColumn() deletedAt?: Date;
  static delete(id: number) { return Post.getRepository().softDelete(id); }
}
export const f = () => Post.delete(1);`,
    // A custom repository class of the project whose \`delete\` is its own.
    `${entity}
class Users { constructor(private readonly repo: Repository<User>) {} delete(id: number) { return this.repo.softDelete(id); } }
export const f = (users: Users) => users.delete(1);`,
  ],
  invalid: [
    {
      // A repository from the data source, held in a variable, and made inline.
      code: `${entity}
const repo = dataSource.getRepository(User);
export async function f(user: User) {
  await repo.delete(1);
  await dataSource.manager.getRepository(User).remove(user);
}`,
      errors: [
        hard(3, 14, 'softDelete', `${entity}
const repo = dataSource.getRepository(User);
export async function f(user: User) {
  await repo.softDelete(1);
  await dataSource.manager.getRepository(User).remove(user);
}`),
        hard(4, 48, 'softRemove', `${entity}
const repo = dataSource.getRepository(User);
export async function f(user: User) {
  await repo.delete(1);
  await dataSource.manager.getRepository(User).softRemove(user);
}`),
      ],
    },
    {
      // An entity manager given the class, and a transaction's manager.
      code: `${entity}
export async function f() {
  await dataSource.manager.delete(User, { id: 1 });
  await dataSource.transaction(async (manager) => manager.delete(User, 2));
}`,
      errors: [
        hard(2, 28, 'softDelete', `${entity}
export async function f() {
  await dataSource.manager.softDelete(User, { id: 1 });
  await dataSource.transaction(async (manager) => manager.delete(User, 2));
}`),
        hard(3, 59, 'softDelete', `${entity}
export async function f() {
  await dataSource.manager.delete(User, { id: 1 });
  await dataSource.transaction(async (manager) => manager.softDelete(User, 2));
}`),
      ],
    },
    {
      // A field typed \`Repository<User>\`, set in the constructor.
      code: `${entity}
export class UsersService {
  private readonly users: Repository<User>;
  constructor() { this.users = dataSource.getRepository(User); }
  erase(id: number) { return this.users.delete(id); }
}`,
      errors: [
        hard(4, 41, 'softDelete', `${entity}
export class UsersService {
  private readonly users: Repository<User>;
  constructor() { this.users = dataSource.getRepository(User); }
  erase(id: number) { return this.users.softDelete(id); }
}`),
      ],
    },
    {
      // The query builder: \`.delete().from(User)\` and a builder made for the entity.
      code: `${entity}
export async function f(ids: number[]) {
  await dataSource.createQueryBuilder().delete().from(User).where('id IN (:...ids)', { ids }).execute();
  await dataSource.getRepository(User).createQueryBuilder('u').delete().execute();
}`,
      errors: [
        hard(2, 41, 'softDelete', `${entity}
export async function f(ids: number[]) {
  await dataSource.createQueryBuilder().softDelete().from(User).where('id IN (:...ids)', { ids }).execute();
  await dataSource.getRepository(User).createQueryBuilder('u').delete().execute();
}`),
        hard(3, 64, 'softDelete', `${entity}
export async function f(ids: number[]) {
  await dataSource.createQueryBuilder().delete().from(User).where('id IN (:...ids)', { ids }).execute();
  await dataSource.getRepository(User).createQueryBuilder('u').softDelete().execute();
}`),
      ],
    },
    {
      // A custom repository class that extends \`Repository<User>\`, deleting through \`this\`.
      code: `${entity}
export class UserRepository extends Repository<User> {
  erase(id: number) { return this.delete(id); }
}`,
      errors: [
        hard(2, 35, 'softDelete', `${entity}
export class UserRepository extends Repository<User> {
  erase(id: number) { return this.softDelete(id); }
}`),
      ],
    },
  ],
});

// Active record: the class's statics and its instances; soft delete inherited from a base class of the same file.
const activeRecord = `import { Entity, PrimaryGeneratedColumn, DeleteDateColumn, BaseEntity } from 'typeorm';
export abstract class Timestamped extends BaseEntity {
  @DeleteDateColumn({ name: 'deleted_at' }) deletedAt?: Date;
}
@Entity()
export class Account extends Timestamped {
  @PrimaryGeneratedColumn() id!: number;
}
`;
const ar = (line: number) => line + 9;

runRuleTests('prefer-soft-delete: TypeORM active record', rule, {
  valid: [
    `${activeRecord}
export async function f() {
  const account = await Account.findOneBy({ id: 1 });
  await account?.softRemove();
  await Account.softRemove([]);
  await Account.getRepository().softDelete(1);
  await Account.delete({ deletedAt: new Date(0) });
}`,
  ],
  invalid: [
    {
      code: `${activeRecord}
export async function f() {
  await Account.delete(1);
  const account = await Account.findOneByOrFail({ id: 1 });
  await account.remove();
}`,
      errors: [
        {
          messageId: 'hardDelete',
          line: ar(2),
          column: 17,
          suggestions: [
            {
              messageId: 'useSoft',
              data: { soft: 'getRepository().softDelete' },
              output: `${activeRecord}
export async function f() {
  await Account.getRepository().softDelete(1);
  const account = await Account.findOneByOrFail({ id: 1 });
  await account.remove();
}`,
            },
          ],
        },
        {
          messageId: 'hardDelete',
          line: ar(4),
          column: 17,
          suggestions: [
            {
              messageId: 'useSoft',
              data: { soft: 'softRemove' },
              output: `${activeRecord}
export async function f() {
  await Account.delete(1);
  const account = await Account.findOneByOrFail({ id: 1 });
  await account.softRemove();
}`,
            },
          ],
        },
      ],
    },
  ],
});
