// What the project's dependency injection hands a class (tests/fixtures/project/src/di): in typed mode an
// interface with exactly one implementing class is followed to that class's method; with two
// implementations, or without type information, nothing is said. A query builder re-exported by a project
// barrel (`export * from 'knex'`) is knex's without the `libraryModules` setting.
import path from 'node:path';
import rule from '../../../src/rules/no-interpolated-sql';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/di/linted.ts');

const knexBindings = (receiver: string) => `pass values as bindings, \`${receiver}(sql, [value])\` with \`?\` (and \`??\` for identifiers)`;

function helper(line: number, column: number, sink: string, file: string, hole: string) {
  return {
    messageId: 'interpolatedThroughHelper' as const,
    line,
    column,
    data: { sink, ordinal: 'first', target: 'db.raw', file, hole, line: String(line), safeForm: knexBindings('db.raw') },
  };
}

const INJECTED_INTERFACE = `
import type { IUserRepository } from './users';
export class UsersController {
  constructor(private readonly users: IUserRepository) {}
  search(req: { query: { name: string } }) {
    return this.users.rawQuery(\`SELECT * FROM users WHERE name = '\${req.query.name}'\`);
  }
}`;

const NEST_SERVICE = (first: string, second: string) => `
import { Inject, Injectable } from '@nestjs/common';
import { KNEX } from './database.providers';
@Injectable()
export class SearchService {
  constructor(@Inject(KNEX) private readonly db: any, @Inject('DATA_SOURCE') private readonly dataSource: any) {}
  byName(name: string) {
    this.dataSource.query(${first});
    return this.db.raw(${second});
  }
}`;

runRuleTests('no-interpolated-sql: dependency injection', rule, {
  valid: [
    // Without type information nothing says which class stands behind the interface.
    { filename, code: INJECTED_INTERFACE, mode: 'untyped' },
    // Two classes implement the interface: which one runs is the container's choice.
    {
      filename,
      code: `
import type { IAuditLog } from './audit-log';
export class OrdersService {
  constructor(private readonly audit: IAuditLog) {}
  cancel(id: string) {
    return this.audit.write(\`DELETE FROM orders WHERE id = '\${id}'\`);
  }
}`,
    },
    // One class implements the interface and a subclass overrides the method; an interface implemented once
    // directly and once through an interface that extends it.
    {
      filename,
      code: `
import type { IReportStore, IArchiveStore } from './reports';
export class ReportsService {
  constructor(private readonly reports: IReportStore, private readonly archive: IArchiveStore) {}
  byMonth(month: string) {
    this.archive.run(\`SELECT * FROM archive WHERE month = '\${month}'\`);
    return this.reports.run(\`SELECT * FROM sales WHERE month = '\${month}'\`);
  }
}`,
    },
    // The one implementation's other method binds its argument.
    {
      filename,
      code: `
import type { IUserRepository } from './users';
export class UsersController {
  constructor(private readonly users: IUserRepository) {}
  show(req: { params: { id: string } }) {
    return this.users.findById(\`\${req.params.id}\`);
  }
}`,
    },
  ],
  invalid: [
    {
      // Nest providers by string token (one a const of the providers' module): knex's object and TypeORM's
      // data source, so the advice and the fix are the libraries' own (by shape alone there is no fix).
      filename,
      code: NEST_SERVICE('`SELECT * FROM users WHERE name = \'${name}\'`', '`SELECT * FROM users WHERE name = \'${name}\'`'),
      errors: [
        {
          messageId: 'interpolated',
          line: 8,
          column: 27,
          data: {
            sink: 'this.dataSource.query',
            hole: 'name',
            line: '8',
            safeForm: "pass values separately, `this.dataSource.query(sql, parameters)` with the driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
          },
          suggestions: [
            { messageId: 'parameterize', output: NEST_SERVICE("'SELECT * FROM users WHERE name = $1', [name]", '`SELECT * FROM users WHERE name = \'${name}\'`') },
          ],
        },
        {
          messageId: 'interpolated',
          line: 9,
          column: 24,
          data: { sink: 'this.db.raw', hole: 'name', line: '9', safeForm: knexBindings('this.db.raw') },
          suggestions: [
            { messageId: 'parameterize', output: NEST_SERVICE('`SELECT * FROM users WHERE name = \'${name}\'`', "'SELECT * FROM users WHERE name = ?', [name]") },
          ],
        },
      ],
    },
    {
      // The interface's one implementation runs its argument through knex's raw().
      filename,
      mode: 'typed',
      code: INJECTED_INTERFACE,
      errors: [helper(6, 32, 'this.users.rawQuery()', './users.ts', 'req.query.name')],
    },
    {
      // Implemented by an abstract base and one concrete class that inherits the method.
      filename,
      mode: 'typed',
      code: `
import type { INoteStore } from './notes';
export class NotesService {
  constructor(private readonly notes: INoteStore) {}
  byTag(tag: string) {
    return this.notes.run(\`SELECT * FROM notes WHERE tag = '\${tag}'\`);
  }
}`,
      errors: [helper(6, 27, 'this.notes.run()', './notes.ts', 'tag')],
    },
  ],
});
