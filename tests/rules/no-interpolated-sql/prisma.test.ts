import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

// Prisma's client types exist only after `prisma generate`, which cannot run here: typed mode
// sees `any` for the client, so Prisma is covered by the import tier and by shape in both modes.
const header = `import { PrismaClient, Prisma } from '@prisma/client';
const prisma = new PrismaClient();
`;

runRuleTests('no-interpolated-sql: Prisma', rule, {
  valid: [
    // The tagged templates bind every hole.
    `${header}export async function find(email: string, ids: string[]) {
  await prisma.$queryRaw\`SELECT * FROM "User" WHERE email = \${email}\`;
  await prisma.$executeRaw\`DELETE FROM "Session" WHERE "userId" = \${email}\`;
  await prisma.$queryRaw(Prisma.sql\`SELECT * FROM "User" WHERE id IN (\${Prisma.join(ids)})\`);
  const where = Prisma.sql\`WHERE email = \${email}\`;
  return prisma.$queryRaw\`SELECT * FROM "User" \${where}\`;
}`,
    // The unsafe API with parameters, and Prisma.raw of constant text.
    `${header}const ORDER = 'ORDER BY "createdAt" DESC';
export async function find(email: string) {
  await prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE email = $1', email);
  return prisma.$queryRaw\`SELECT * FROM "User" \${Prisma.raw(ORDER)}\`;
}`,
    // A look-alike method on another object.
    `import { cache } from './cache';
export const get = (key: string) => cache.$queryRawUnsafe?.(key);`,
  ],
  invalid: [
    {
      code: `${header}export async function find(email: string) {
  await prisma.$queryRawUnsafe(\`SELECT * FROM "User" WHERE email = '\${email}'\`);
  await prisma.$executeRawUnsafe('DELETE FROM "Session" WHERE "userId" = ' + email);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 32,
          data: {
            sink: 'prisma.$queryRawUnsafe',
            hole: 'email',
            line: '4',
            safeForm: 'use the tagged template, prisma.$queryRaw`… ${value}`, which sends every value as a parameter',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string) {
  await prisma.$queryRaw\`SELECT * FROM "User" WHERE email = \${email}\`;
  await prisma.$executeRawUnsafe('DELETE FROM "Session" WHERE "userId" = ' + email);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 5,
          column: 34,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string) {
  await prisma.$queryRawUnsafe(\`SELECT * FROM "User" WHERE email = '\${email}'\`);
  await prisma.$executeRaw\`DELETE FROM "Session" WHERE "userId" = \${email}\`;
}`,
            },
          ],
        },
      ],
    },
    // The interactive transaction's client, and a LIKE pattern: the whole pattern is bound.
    {
      code: `${header}export const search = (q: string) =>
  prisma.$transaction(async (tx) => tx.$queryRawUnsafe(\`SELECT * FROM "Post" WHERE title LIKE '%\${q}%'\`));`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 56,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const search = (q: string) =>
  prisma.$transaction(async (tx) => tx.$queryRaw\`SELECT * FROM "Post" WHERE title LIKE \${\`%\${q}%\`}\`);`,
            },
          ],
        },
      ],
    },
    // Prisma.raw is a sink in its own right, spliced or passed whole.
    {
      code: `${header}export const sorted = (filter: { orderBy: string }) =>
  prisma.$queryRaw\`SELECT * FROM "User" ORDER BY \${Prisma.raw(filter.orderBy)}\`;`,
      errors: [
        {
          messageId: 'rawHelper',
          line: 4,
          column: 63,
          data: {
            sink: 'Prisma.raw',
            hole: 'filter.orderBy',
            line: '4',
            safeForm: '`Prisma.raw` inlines its text unescaped: use `Prisma.sql` for values, and an allow-list for identifiers',
          },
        },
      ],
    },
    // The client from the app's own module: `$queryRawUnsafe` is distinctive by name (tier 3).
    // A table name is an identifier: no rewrite, an allow-list.
    {
      code: `import { prisma } from './client';
export const count = (table: string, id: string) => prisma.$queryRawUnsafe(\`SELECT count(*) FROM \${table} WHERE id = $1\`, id);`,
      errors: [{ messageId: 'interpolatedIdentifier', line: 2, column: 76 }],
    },
  ],
});
