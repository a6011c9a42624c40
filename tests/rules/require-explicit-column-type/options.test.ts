import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/require-explicit-column-type';

describe('require-explicit-column-type: option schema', () => {
  const lint = (options: unknown) =>
    new Linter().verify('export {};', [{ plugins: { t: { rules: { r: rule } } } as never, rules: { 't/r': ['error', options] } }]);

  it('accepts the Drizzle option', () => {
    expect(lint({ drizzleNullableByDefault: true })).toEqual([]);
    expect(lint({})).toEqual([]);
  });

  it.each([[{ drizzleNullableByDefault: 'yes' }], [{ nullableByDefault: true }], [{ drizzleNullableByDefault: true, ignore: ['users.name'] }]])(
    'rejects %j with a clear message',
    (options) => {
      expect(() => lint(options)).toThrow(/Key "t\/r":\s+Value .+ (should|must)/);
    },
  );
});
