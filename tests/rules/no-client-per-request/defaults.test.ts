import rule from '../../../src/rules/no-client-per-request';
import { runRuleTests } from '../../helpers/rule-tester';
import { perCall, where } from './expect';

const perRequest = `
import { PrismaClient } from '@prisma/client';
export async function handler(req, res) {
  const prisma = new PrismaClient();
  res.json(await prisma.user.findMany());
}
`;

// The default ignore list: one-off scripts, seeds, migrations and tests make their own clients.
runRuleTests('no-client-per-request: default ignoreFiles', rule, {
  valid: [
    { code: perRequest, filename: 'scripts/backfill-users.ts', mode: 'untyped' },
    { code: perRequest, filename: 'src/db/migrations/20240101_add_users.ts', mode: 'untyped' },
    { code: perRequest, filename: 'prisma/seed.ts', mode: 'untyped' },
    { code: perRequest, filename: 'src/users/users.service.spec.ts', mode: 'untyped' },
    { code: perRequest, filename: 'test/users.e2e-spec.ts', mode: 'untyped' },
    { code: perRequest, filename: 'tests/helpers/db.ts', mode: 'untyped' },
    // A file the team lists itself.
    { code: perRequest, filename: 'src/tools/export.ts', options: [{ ignoreFiles: ['src/tools/**'] }], mode: 'untyped' },
  ],
  invalid: [
    // The fixture project's file.ts (typed) is not under any of the default folders.
    {
      code: perRequest,
      mode: 'typed',
      errors: [perCall(4, 18, 'new PrismaClient()', 'prisma', where.handler)],
    },
    {
      code: perRequest,
      filename: 'src/pages/api/users.ts',
      mode: 'untyped',
      errors: [perCall(4, 18, 'new PrismaClient()', 'prisma', where.handler)],
    },
  ],
});
