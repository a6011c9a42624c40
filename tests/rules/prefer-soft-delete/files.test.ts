// Which files the rule reads: tests, seeds and fixtures clean tables for good on purpose, and migrations are
// exempt (the shared `migrationFolders` setting); `ignoreFiles` replaces the default list. Malformed options
// fail the schema.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/prefer-soft-delete';
import { runRuleTests } from '../../helpers/rule-tester';

const code = `import { Entity, DeleteDateColumn, DataSource } from 'typeorm';
@Entity()
export class User {
  @DeleteDateColumn() deletedAt?: Date;
}
const dataSource = new DataSource({ type: 'postgres' });
export const reset = () => dataSource.getRepository(User).delete({});
`;

runRuleTests('prefer-soft-delete: files', rule, {
  valid: [
    { code, filename: 'src/users/users.service.spec.ts', mode: 'untyped' },
    { code, filename: 'test/setup.ts', mode: 'untyped' },
    { code, filename: 'db/seeds/01-users.ts', mode: 'untyped' },
    { code, filename: 'src/migrations/1700000000000-PurgeUsers.ts', mode: 'untyped' },
    { code, filename: 'scripts/reset-dev-db.ts', options: [{ ignoreFiles: ['scripts/**'] }], mode: 'untyped' },
  ],
  invalid: [
    // Application code, typed and untyped.
    { code, errors: [{ messageId: 'hardDelete', line: 7, column: 59, suggestions: [{ messageId: 'useSoft', output: code.replace('.delete(', '.softDelete(') }] }] },
    { code, filename: 'src/users/users.service.ts', mode: 'untyped', errors: [{ messageId: 'hardDelete', line: 7, column: 59, suggestions: [{ messageId: 'useSoft', output: code.replace('.delete(', '.softDelete(') }] }] },
    // An empty list replaces the default: a test file is read too.
    { code, filename: 'src/users/users.service.spec.ts', options: [{ ignoreFiles: [] }], mode: 'untyped', errors: [{ messageId: 'hardDelete', line: 7, column: 59, suggestions: [{ messageId: 'useSoft', output: code.replace('.delete(', '.softDelete(') }] }] },
  ],
});

describe('prefer-soft-delete: options schema', () => {
  const lint = (options: unknown) =>
    new Linter({ configType: 'flat' }).verify('x', [{ plugins: { db: { rules: { 'prefer-soft-delete': rule } } } as never, rules: { 'db/prefer-soft-delete': ['error', options] } }]);
  it('rejects unknown keys and malformed globs with a clear message', () => {
    expect(() => lint({ ignore: ['x'] })).toThrow(/should NOT have additional properties/);
    expect(() => lint({ ignoreFiles: 'tests/**' })).toThrow(/"tests\/\*\*" should be array/);
    expect(() => lint({ ignoreFiles: [''] })).toThrow(/should NOT be shorter than 1 characters/);
  });
});
