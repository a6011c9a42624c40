// sequelize-typescript: `@Table({ paranoid: true })` or a `@DeletedAt` column makes a model paranoid; then only
// `destroy({ force: true })` deletes for good. Typed mode also finds instances the syntax cannot (a loop variable).
import rule from '../../../src/rules/prefer-soft-delete';
import { runRuleTests } from '../../helpers/rule-tester';

const models = `import { Table, Column, Model, DeletedAt } from 'sequelize-typescript';
@Table({ paranoid: true, tableName: 'invoices' })
export class Invoice extends Model {}
@Table
export class Session extends Model {
  @DeletedAt removedAt?: Date;
}
@Table({ paranoid: true, timestamps: false })
export class Note extends Model {}
@Table
export class Tag extends Model {}
`;
const at = (line: number) => line + 12;

runRuleTests('prefer-soft-delete: sequelize-typescript', rule, {
  valid: [
    `${models}
export async function f(id: number) {
  await Invoice.destroy({ where: { id } });
  await Note.destroy({ where: { id }, force: true });
  await Tag.destroy({ where: { id }, force: true });
  await Session.destroy({ where: { removedAt: null }, force: true });
  const invoice = await Invoice.findByPk(id);
  await invoice?.restore();
}`,
  ],
  invalid: [
    {
      code: `${models}
export async function f(id: number, session: Session) {
  await Invoice.destroy({ where: { id }, force: true });
  await session.destroy({ force: true });
}`,
      errors: [
        {
          messageId: 'forceDelete',
          line: at(2),
          column: 42,
          suggestions: [
            {
              messageId: 'dropForce',
              output: `${models}
export async function f(id: number, session: Session) {
  await Invoice.destroy({ where: { id } });
  await session.destroy({ force: true });
}`,
            },
          ],
        },
        {
          messageId: 'forceDelete',
          line: at(3),
          column: 27,
          suggestions: [
            {
              messageId: 'dropForce',
              output: `${models}
export async function f(id: number, session: Session) {
  await Invoice.destroy({ where: { id }, force: true });
  await session.destroy({});
}`,
            },
          ],
        },
      ],
    },
    {
      // Only the checker knows what the loop variable is.
      code: `${models}
export async function purge(invoices: Invoice[]) {
  for (const invoice of invoices) await invoice.destroy({ force: true });
}`,
      mode: 'typed',
      errors: [
        {
          messageId: 'forceDelete',
          line: at(2),
          column: 59,
          suggestions: [
            {
              messageId: 'dropForce',
              output: `${models}
export async function purge(invoices: Invoice[]) {
  for (const invoice of invoices) await invoice.destroy({});
}`,
            },
          ],
        },
      ],
    },
  ],
});
