import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('no-interpolated-sql: MikroORM', rule, {
  valid: [
    `import { raw, sql } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
export class UserService {
  constructor(private readonly em: EntityManager) {}
  async find(email: string) {
    await this.em.execute('select * from users where email = ?', [email]);
    await this.em.createQueryBuilder('User').where('email = ?', [email]);
    await this.em.find('User', { [raw('lower(email)')]: email.toLowerCase() });
    return this.em.find('User', { [sql\`lower(\${email})\`]: email });
  }
}`,
  ],
  invalid: [
    {
      code: `import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
export class UserService {
  constructor(private readonly em: EntityManager) {}
  async find(email: string, column: string) {
    await this.em.execute(\`select * from users where email = '\${email}'\`);
    await this.em.createQueryBuilder('User').select('*').where(\`email = '\${email}'\`);
    return this.em.find('User', { [raw(\`lower(\${column})\`)]: email.toLowerCase() });
  }
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
export class UserService {
  constructor(private readonly em: EntityManager) {}
  async find(email: string, column: string) {
    await this.em.execute('select * from users where email = ?', [email]);
    await this.em.createQueryBuilder('User').select('*').where(\`email = '\${email}'\`);
    return this.em.find('User', { [raw(\`lower(\${column})\`)]: email.toLowerCase() });
  }
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 7,
          column: 64,
          data: { sink: '.where()', hole: 'email', line: '7', safeForm: "pass values separately, `.where('email = ?', [email])`" },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
export class UserService {
  constructor(private readonly em: EntityManager) {}
  async find(email: string, column: string) {
    await this.em.execute(\`select * from users where email = '\${email}'\`);
    await this.em.createQueryBuilder('User').select('*').where('email = ?', [email]);
    return this.em.find('User', { [raw(\`lower(\${column})\`)]: email.toLowerCase() });
  }
}`,
            },
          ],
        },
        { messageId: 'rawHelper', line: 8, column: 40 },
      ],
    },
  ],
});
