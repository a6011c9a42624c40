import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: better-sqlite3', rule, {
  valid: [
    `
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
const db = new Database('app.db');
const insertMany = db.transaction((rows: { name: string }[]) => {
  for (const row of rows) db.prepare('INSERT INTO t (name) VALUES (?)').run(row.name);
});
export function importFile(path: string) {
  insertMany(JSON.parse(readFileSync(path, 'utf8')));
}
`,
  ],
  invalid: [
    {
      code: `
import Database from 'better-sqlite3';
import { writeFileSync, readFileSync } from 'node:fs';
const db = new Database('app.db');
const insertMany = db.transaction((rows: { name: string }[]) => {
  for (const row of rows) db.prepare('INSERT INTO t (name) VALUES (?)').run(row.name);
  writeFileSync('/tmp/last-import', String(rows.length));
});
export function importFile(path: string) {
  insertMany(JSON.parse(readFileSync(path, 'utf8')));
  db.exec('BEGIN IMMEDIATE');
  db.prepare('DELETE FROM t').run();
  readFileSync('/etc/hosts');
  db.exec('COMMIT');
}
`,
      errors: [
        io(7, 3, 'writeFileSync()', 'node-fs', { by: 'db.transaction()', line: 5 }),
        io(13, 3, 'readFileSync()', 'node-fs', { by: "db.exec('BEGIN IMMEDIATE')", line: 11 }),
      ],
    },
  ],
});
