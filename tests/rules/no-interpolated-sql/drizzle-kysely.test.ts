import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('no-interpolated-sql: Drizzle', rule, {
  valid: [
    `import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
const DIRECTION = 'desc';
export async function list(email: string, column: string) {
  await db.execute(sql\`select * from users where email = \${email}\`);
  await db.execute(sql\`select * from \${sql.identifier(column)} order by id \${sql.raw(DIRECTION)}\`);
  return db.execute(sql.raw('select count(*) from users'));
}`,
  ],
  invalid: [
    {
      code: `import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
const db = drizzle(process.env.DATABASE_URL!);
export async function list(sort: string, filter: { where: string }) {
  await db.execute(sql\`select * from users order by \${sql.raw(sort)}\`);
  return db.execute(sql.raw(\`select * from users where \${filter.where}\`));
}`,
      errors: [
        { messageId: 'rawHelper', line: 5, column: 63, data: { sink: 'sql.raw', hole: 'sort', line: '5', safeForm: '`sql.raw` inlines its text unescaped: write the query with the sql`… ${value}` tag, and use `sql.identifier()` for names' } },
        { messageId: 'rawHelper', line: 6, column: 29 },
      ],
    },
  ],
});

runRuleTests('no-interpolated-sql: Kysely', rule, {
  valid: [
    `import { Kysely, sql } from 'kysely';
const db = new Kysely<any>({} as any);
export async function list(column: string, email: string) {
  await sql\`select * from users where email = \${email} order by \${sql.ref(column)}\`.execute(db);
  await sql\`select \${sql.lit(42)}, \${sql.raw('now()')}\`.execute(db);
  return db.selectFrom('users').where(sql\`lower(email)\`, '=', email).selectAll().execute();
}`,
  ],
  invalid: [
    {
      code: `import { Kysely, sql } from 'kysely';
const db = new Kysely<any>({} as any);
export async function list(column: string, value: string) {
  await sql\`select * from users order by \${sql.raw(column)}\`.execute(db);
  return db.selectFrom('users').where(sql\`status = \${sql.lit(value)}\`).selectAll().execute();
}`,
      errors: [
        {
          messageId: 'rawHelper',
          line: 4,
          column: 52,
          data: {
            sink: 'sql.raw',
            hole: 'column',
            line: '4',
            safeForm: '`sql.raw` puts its argument into the SQL text: pass values with the sql`… ${value}` tag (a parameter), and names with `sql.ref()` / `sql.id()`',
          },
        },
        { messageId: 'rawHelper', line: 5, column: 62 },
      ],
    },
  ],
});
