import { BelongsTo, Column, DataType, DefaultScope, ForeignKey, Index, Model, Scopes, Table } from 'sequelize-typescript';
import { Payment } from './Payment';

// Correct: the default scope only hides a column; the join is a named scope.
@DefaultScope(() => ({ attributes: { exclude: ['providerPayload'] } }))
@Scopes(() => ({ withPayment: { include: [Payment] } }))
@Table({ tableName: 'refunds' })
export class Refund extends Model {
  @Column({ type: DataType.UUID, defaultValue: DataType.UUIDV4, primaryKey: true })
  declare id: string;

  @Index
  @ForeignKey(() => Payment)
  @Column({ type: DataType.UUID, allowNull: false })
  declare paymentId: string;

  @BelongsTo(() => Payment)
  declare payment: Payment;

  @Column({ type: DataType.INTEGER, allowNull: false })
  declare amountCents: number;

  @Column({ type: DataType.JSONB, allowNull: true })
  declare providerPayload: unknown;
}
