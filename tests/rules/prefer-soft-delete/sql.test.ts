// Raw SQL: `DELETE FROM <table>` through a raw-SQL sink, where the table is a soft-delete model's that the file
// declares (TypeORM's default snake-case name, an explicit `@Entity` name, a Sequelize `tableName`).
// Negatives: another table, a purge by the deletion column, text that only mentions DELETE, and a string that
// is not run by a sink.
import rule from '../../../src/rules/prefer-soft-delete';
import { runRuleTests } from '../../helpers/rule-tester';

const typeorm = `import { Pool } from 'pg';
import { Entity, PrimaryGeneratedColumn, DeleteDateColumn, DataSource } from 'typeorm';
@Entity()
export class OrderItem {
  @PrimaryGeneratedColumn() id!: number;
  @DeleteDateColumn() deletedAt?: Date;
}
const pool = new Pool();
const dataSource = new DataSource({ type: 'postgres' });
`;
const at = (line: number) => line + 10;

runRuleTests('prefer-soft-delete: raw SQL', rule, {
  valid: [
    `${typeorm}
export async function f(id: number) {
  await pool.query('DELETE FROM audit_log WHERE id = $1', [id]);
  await pool.query('DELETE FROM order_item WHERE "deletedAt" < now() - interval \\'30 days\\'');
  await pool.query('UPDATE order_item SET "deletedAt" = now() WHERE id = $1', [id]);
  await pool.query('SELECT * FROM order_item WHERE id = $1', [id]);
  const note = 'DELETE FROM order_item is never run here';
  return note;
}`,
  ],
  invalid: [
    {
      code: `${typeorm}
const PURGE = 'DELETE FROM order_item WHERE id = $1';
export async function f(id: number) {
  await pool.query(\`DELETE FROM "public"."order_item" WHERE id = $1\`, [id]);
  await dataSource.query(PURGE, [id]);
}`,
      errors: [
        { messageId: 'rawDelete', line: at(3), column: 20, suggestions: [] },
        { messageId: 'rawDelete', line: at(4), column: 26, suggestions: [] },
      ],
    },
    {
      code: `const { Sequelize, Model } = require('sequelize');
const sequelize = new Sequelize('postgres://localhost/app');
class Member extends Model {}
Member.init({}, { sequelize, paranoid: true, tableName: 'members' });
async function f(id) {
  await sequelize.query('DELETE FROM members WHERE id = ?', { replacements: [id] });
}
module.exports = { f };`,
      js: true,
      errors: [{ messageId: 'rawDelete', line: 6, column: 25, suggestions: [] }],
    },
  ],
});
