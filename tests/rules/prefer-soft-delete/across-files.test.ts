// Models declared in other modules of the project (tests/fixtures/project/src/entities): an entity soft-deleted
// by a base class in a third file, one by its own column, a repository exported by another module, a barrel,
// a paranoid Sequelize model, and raw SQL on the table of an imported model. Negatives: an entity without soft
// delete from the same modules, and `followModules: false`.
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { clearModuleCache, moduleReads } from '../../../src/analysis/modules/load';
import rule from '../../../src/rules/prefer-soft-delete';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/entities/linted.ts');
/** The fixture project sits under tests/, which the default `ignoreFiles` exempts: lint it as application code. */
const options = [{ ignoreFiles: [] }] as [{ ignoreFiles: string[] }];

runRuleTests('prefer-soft-delete: across files', rule, {
  valid: [
    {
      filename,
      options,
      code: `import { noteRepository, dataSource } from './data-source';
import { Note } from './note.entity';
export async function f() {
  await noteRepository.delete(1);
  await dataSource.manager.delete(Note, 1);
  await Note.delete(1);
}`,
    },
    {
      // The purge of rows already soft-deleted, by the column name the base class gives.
      filename,
      options,
      code: `import { Pool } from 'pg';
import { Customer } from './customer.entity';
const pool = new Pool();
export const purge = () => pool.query("DELETE FROM customers WHERE deleted_at < now() - interval '30 days'");
export const kept = Customer;`,
    },
    {
      // The team turned cross-file reach off: the entity's declaration in another file is not read (the checker
      // would name the class, but its decorators live in a file the rule may not open).
      filename,
      options,
      code: `import { invoiceRepository } from './data-source';\nexport const f = () => invoiceRepository.delete(1);`,
      settings: { dbconventions: { followModules: false } },
    },
    {
      // Named like a repository, but a Map: its module makes no repository, so it is not read.
      filename,
      options,
      code: `import { invoiceRepo } from './lookup';\nexport const f = () => invoiceRepo.delete(1);`,
    },
  ],
  invalid: [
    {
      // Active record through a base class of another file.
      filename,
      options,
      code: `import { Customer } from './customer.entity';
export async function f(id: number) {
  const customer = await Customer.findOneByOrFail({ id });
  await customer.remove();
}`,
      errors: [
        {
          messageId: 'hardDelete',
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `import { Customer } from './customer.entity';
export async function f(id: number) {
  const customer = await Customer.findOneByOrFail({ id });
  await customer.softRemove();
}`,
            },
          ],
        },
      ],
    },
    {
      // A repository whose name does not say so: its module makes it with `getRepository`.
      filename,
      options,
      code: `import { invoices } from './data-source';\nexport const g = () => invoices.delete(3);`,
      errors: [
        {
          messageId: 'hardDelete',
          line: 2,
          column: 33,
          suggestions: [{ messageId: 'useSoft', output: `import { invoices } from './data-source';\nexport const g = () => invoices.softDelete(3);` }],
        },
      ],
    },
    {
      // A repository exported by another module, and an entity manager given a class from a barrel.
      filename,
      options,
      code: `import { invoiceRepository, dataSource } from './data-source';
import { Invoice } from '.';
export async function f() {
  await invoiceRepository.delete(1);
  await dataSource.manager.delete(Invoice, 2);
}`,
      errors: [
        {
          messageId: 'hardDelete',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `import { invoiceRepository, dataSource } from './data-source';
import { Invoice } from '.';
export async function f() {
  await invoiceRepository.softDelete(1);
  await dataSource.manager.delete(Invoice, 2);
}`,
            },
          ],
        },
        {
          messageId: 'hardDelete',
          line: 5,
          column: 28,
          suggestions: [
            {
              messageId: 'useSoft',
              output: `import { invoiceRepository, dataSource } from './data-source';
import { Invoice } from '.';
export async function f() {
  await invoiceRepository.delete(1);
  await dataSource.manager.softDelete(Invoice, 2);
}`,
            },
          ],
        },
      ],
    },
    {
      // A paranoid Sequelize model of another module, and raw SQL on its table.
      filename,
      options,
      code: `import { Member, sequelize } from './member.model';
export async function f(id: number) {
  await Member.destroy({ where: { id }, force: true });
  await sequelize.query('DELETE FROM members WHERE id = ?', { replacements: [id] });
}`,
      errors: [
        {
          messageId: 'forceDelete',
          line: 3,
          column: 41,
          suggestions: [
            {
              messageId: 'dropForce',
              output: `import { Member, sequelize } from './member.model';
export async function f(id: number) {
  await Member.destroy({ where: { id } });
  await sequelize.query('DELETE FROM members WHERE id = ?', { replacements: [id] });
}`,
            },
          ],
        },
        { messageId: 'rawDelete', line: 4, column: 25, suggestions: [] },
      ],
    },
  ],
});

describe('prefer-soft-delete: typed, the files it reads for a class the checker names', () => {
  afterAll(() => clearModuleCache());
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
      plugins: { db: { rules: { 'prefer-soft-delete': rule } } } as never,
      rules: { 'db/prefer-soft-delete': ['error', ...options] as never },
    },
  ];

  it('leaves a file that cannot declare a soft-delete model unread, and still reads one that can', () => {
    clearModuleCache();
    let reads = moduleReads();
    const service = `import { getArchive } from './archive.service';\nexport async function f() {\n  const archive = getArchive();\n  await archive.remove(1);\n}`;
    expect(linter.verify(service, config, filename)).toEqual([]);
    expect(moduleReads() - reads).toBe(0);
    // Only the checker knows what `loadCustomer` returns: a Customer, soft-deleted through its base class.
    reads = moduleReads();
    const entity = `import { loadCustomer } from './archive.service';\nexport async function f() {\n  const customer = await loadCustomer(1);\n  await customer.remove();\n}`;
    expect(linter.verify(entity, config, filename).map((message) => [message.ruleId, message.line])).toEqual([['db/prefer-soft-delete', 4]]);
    expect(moduleReads() - reads).toBeGreaterThan(0);
  });
});
