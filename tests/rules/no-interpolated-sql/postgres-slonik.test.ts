import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('no-interpolated-sql: postgres.js', rule, {
  valid: [
    // The instance is the tag; sql(name) escapes identifiers; unsafe with parameters.
    `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function list(email: string, table: string, migration: string) {
  await sql\`select * from users where email = \${email}\`;
  await sql\`select * from \${sql(table)}\`;
  await sql.unsafe('select * from users where email = $1', [email]);
  await sql.unsafe(migration);
  return sql.begin(async (tx) => tx\`delete from sessions where email = \${email}\`);
}`,
  ],
  invalid: [
    {
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function list(email: string, sort: string) {
  await sql.unsafe(\`select * from users where email = '\${email}'\`);
  await sql\`select * from users \${sql.unsafe('order by ' + sort)}\`;
  return sql.begin(async (tx) => tx.unsafe(\`delete from sessions where user_id = \${email}\`));
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function list(email: string, sort: string) {
  await sql.unsafe('select * from users where email = $1', [email]);
  await sql\`select * from users \${sql.unsafe('order by ' + sort)}\`;
  return sql.begin(async (tx) => tx.unsafe(\`delete from sessions where user_id = \${email}\`));
}`,
            },
          ],
        },
        // Inside a sql template, unsafe() is a raw fragment.
        { messageId: 'rawHelper', line: 5, column: 46 },
        {
          messageId: 'interpolated',
          line: 6,
          column: 44,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function list(email: string, sort: string) {
  await sql.unsafe(\`select * from users where email = '\${email}'\`);
  await sql\`select * from users \${sql.unsafe('order by ' + sort)}\`;
  return sql.begin(async (tx) => tx.unsafe('delete from sessions where user_id = $1', [email]));
}`,
            },
          ],
        },
      ],
    },
  ],
});

runRuleTests('no-interpolated-sql: Slonik', rule, {
  valid: [
    `import { createPool, sql } from 'slonik';
export async function list(email: string, column: string) {
  const pool = await createPool('postgres://');
  await pool.any(sql.unsafe\`select * from users where email = \${email} order by \${sql.identifier([column])}\`);
  return pool.one(sql.unsafe\`select count(*) from users \${sql.fragment\`where email = \${email}\`}\`);
}`,
  ],
  invalid: [
    {
      code: `import { createPool, sql } from 'slonik';
import { raw } from 'slonik-sql-tag-raw';
export async function list(sort: string) {
  const pool = await createPool('postgres://');
  return pool.any(sql.unsafe\`select * from users order by \${raw(sort)}\`);
}`,
      errors: [{ messageId: 'rawHelper', line: 5, column: 65 }],
    },
  ],
});
