import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

// Clause methods take a fragment, not a statement: request data handed over whole is the
// injection itself, and a hole at the start of the fragment is a column name.
const header = `import knex from 'knex';
import { DataSource } from 'typeorm';
import { Model } from 'objection';
import { Model as TsModel } from 'sequelize-typescript';
const db = knex({ client: 'pg' });
const ds = new DataSource({ type: 'postgres' });
class Person extends Model {}
class Account extends TsModel {}
`;

runRuleTests('no-interpolated-sql: clause fragments and follow-ups from the bench', rule, {
  valid: [
    // A parameter passed on whole makes a wrapper, not a finding.
    `${header}export const sorted = (sort: string) => db('users').orderByRaw(sort);`,
    // Postgres typed literals cannot take a parameter: reported, but no rewrite is offered (see below).
    `${header}export const recent = () => db.raw("select * from events where at > now() - interval '7 days'");`,
  ],
  invalid: [
    {
      code: `${header}export async function clauses(req: any) {
  await db('users').orderByRaw(req.query.sort);
  await db('users').whereRaw(\`\${req.query.col} = ?\`, [1]);
  await ds.createQueryBuilder().select('u').from('user', 'u').orderBy(req.query.sort).getMany();
}`,
      errors: [
        { messageId: 'interpolatedIdentifier', line: 10, column: 32 },
        { messageId: 'interpolatedIdentifier', line: 11, column: 30 },
        { messageId: 'interpolatedIdentifier', line: 12, column: 71 },
      ],
    },
    {
      code: `${header}export const since = (days: string) => db.raw(\`select * from events where at > now() - interval '\${days} days'\`);`,
      errors: [{ messageId: 'interpolated', line: 9, column: 47, suggestions: [] }],
    },
    // Objection's Model.knex() and sequelize-typescript's Model.sequelize reach the underlying clients.
    {
      code: `${header}export async function reach(req: any) {
  await Person.knex().raw(\`select * from people where name = '\${req.body.name}'\`);
  await Account.sequelize!.query(\`select * from accounts where email = '\${req.body.email}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 10,
          column: 27,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function reach(req: any) {
  await Person.knex().raw('select * from people where name = ?', [req.body.name]);
  await Account.sequelize!.query(\`select * from accounts where email = '\${req.body.email}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 11,
          column: 34,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function reach(req: any) {
  await Person.knex().raw(\`select * from people where name = '\${req.body.name}'\`);
  await Account.sequelize!.query('select * from accounts where email = ?', { replacements: [req.body.email] });
}`,
            },
          ],
        },
      ],
    },
  ],
});
