// NestJS: a repository injected with `@InjectRepository(User)` names its entity in the decorator and the
// `Repository<User>` annotation; typed mode also sees through a type alias and finds the entity a manager removes.
import rule from '../../../src/rules/prefer-soft-delete';
import { runRuleTests } from '../../helpers/rule-tester';

const header = `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Entity, PrimaryGeneratedColumn, DeleteDateColumn, Repository, EntityManager } from 'typeorm';
@Entity()
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @DeleteDateColumn() deletedAt?: Date;
}
@Entity()
export class Photo {
  @PrimaryGeneratedColumn() id!: number;
}
`;
const at = (line: number) => line + 13;

runRuleTests('prefer-soft-delete: NestJS', rule, {
  valid: [
    `${header}
@Injectable()
export class PhotosService {
  constructor(@InjectRepository(Photo) private readonly photos: Repository<Photo>) {}
  remove(id: number) { return this.photos.delete(id); }
}`,
    `${header}
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  remove(id: number) { return this.users.softDelete(id); }
  restore(id: number) { return this.users.restore(id); }
  withDeleted() { return this.users.find({ withDeleted: true }); }
}`,
  ],
  invalid: [
    {
      code: `${header}
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  remove(id: number) { return this.users.delete(id); }
}`,
      errors: [
        {
          messageId: 'hardDelete',
          line: at(4),
          column: 42,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `${header}
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  remove(id: number) { return this.users.softDelete(id); }
}`,
            },
          ],
        },
      ],
    },
    {
      // A field injected by the decorator alone (no generic in the annotation).
      code: `${header}
@Injectable()
export class UsersService {
  @InjectRepository(User) private readonly users!: Repository<any>;
  remove(user: User) { return this.users.remove(user); }
}`,
      errors: [
        {
          messageId: 'hardDelete',
          line: at(4),
          column: 42,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `${header}
@Injectable()
export class UsersService {
  @InjectRepository(User) private readonly users!: Repository<any>;
  remove(user: User) { return this.users.softRemove(user); }
}`,
            },
          ],
        },
      ],
    },
    {
      // Typed: a repository type alias, and the entity an entity manager removes.
      code: `${header}
type Users = Repository<User>;
export const f = (users: Users, manager: EntityManager, user: User) => Promise.all([users.delete(1), manager.remove(user)]);`,
      mode: 'typed',
      errors: [
        {
          messageId: 'hardDelete',
          line: at(2),
          column: 91,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `${header}
type Users = Repository<User>;
export const f = (users: Users, manager: EntityManager, user: User) => Promise.all([users.softDelete(1), manager.remove(user)]);`,
            },
          ],
        },
        {
          messageId: 'hardDelete',
          line: at(2),
          column: 110,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `${header}
type Users = Repository<User>;
export const f = (users: Users, manager: EntityManager, user: User) => Promise.all([users.delete(1), manager.softRemove(user)]);`,
            },
          ],
        },
      ],
    },
  ],
});
