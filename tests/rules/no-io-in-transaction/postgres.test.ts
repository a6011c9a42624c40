import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: postgres.js', rule, {
  valid: [
    `
import postgres from 'postgres';
import { Client } from 'undici';
const sql = postgres(process.env.DATABASE_URL!);
const search = new Client('http://search:9200');
export async function reindex(id: number) {
  const doc = await sql.begin(async (sql) => {
    const [row] = await sql\`select * from documents where id = \${id} for update\`;
    await sql\`update documents set indexed_at = now() where id = \${id}\`;
    return row;
  });
  await search.request({ path: \`/docs/_doc/\${id}\`, method: 'PUT', body: JSON.stringify(doc) });
}
`,
  ],
  invalid: [
    {
      code: `
import postgres from 'postgres';
import { Client } from 'undici';
const sql = postgres(process.env.DATABASE_URL!);
const search = new Client('http://search:9200');
export async function reindex(id: number) {
  await sql.begin(async (sql) => {
    const [doc] = await sql\`select * from documents where id = \${id} for update\`;
    await search.request({ path: \`/docs/_doc/\${id}\`, method: 'PUT', body: JSON.stringify(doc) });
    await sql\`update documents set indexed_at = now() where id = \${id}\`;
  });
  await sql.begin('isolation level serializable', async (tx) => {
    await tx\`delete from drafts where id = \${id}\`;
    await fetch(\`http://search:9200/drafts/_doc/\${id}\`, { method: 'DELETE' });
  });
}
`,
      errors: [
        io(9, 11, 'search.request()', 'undici', { by: 'sql.begin()', line: 7 }),
        io(14, 11, 'fetch()', 'fetch', { by: 'sql.begin()', line: 12 }),
      ],
    },
  ],
});
