// Values the language made: their methods are the language's, so the module engine asks the type checker
// nothing about them and no-interpolated-sql never takes them for a library's escape.
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isBuiltInValue } from '../../src/util/built-ins';

describe('isBuiltInValue', () => {
  const receiverOf = (code: string): TSESTree.Node => {
    const program = tsParser.parse(code, { range: true }) as unknown as TSESTree.Program;
    const statement = program.body[0] as TSESTree.ExpressionStatement;
    return ((statement.expression as TSESTree.CallExpression).callee as TSESTree.MemberExpression).object;
  };

  it('knows literals, templates, arrays, array-making methods and what built-in methods of those return', () => {
    for (const code of ["ids.map((_, i) => `$${i + 1}`).join(', ');", '[a, b].join();', '`${a}`.trim();', "'x'.padStart(3);", 'Object.keys(row).join();', 'names.filter(Boolean).map(quote).join();', "'a,b'.split(',').map(f);"]) {
      expect(isBuiltInValue(receiverOf(code)), code).toBe(true);
    }
  });

  it('leaves anything a project object may be: names, members, and methods whose result depends on their receiver', () => {
    for (const code of ['users.join();', 'this.repo.find();', 'name.replace(a, b).trim();', 'db.schema.createTable(t).addColumn(c);', 'mailer.send().then(f);', 'Array.isArray(x).valueOf();']) {
      expect(isBuiltInValue(receiverOf(code)), code).toBe(false);
    }
  });
});
