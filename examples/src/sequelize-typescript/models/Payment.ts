import { Column, DataType, DefaultScope, HasMany, Index, Model, Scopes, Table } from 'sequelize-typescript';
import { Refund } from './Refund';

// deliberate: no-eager-relations — every payment query joins its refunds, even the settlement totals
@DefaultScope(() => ({ include: [Refund] }))
@Scopes(() => ({ settled: { where: { status: 'settled' } } }))
@Table({ tableName: 'payments' })
export class Payment extends Model {
  @Column({ type: DataType.UUID, defaultValue: DataType.UUIDV4, primaryKey: true })
  declare id: string;

  @Index
  @Column({ type: DataType.UUID, allowNull: false })
  declare orderId: string;

  @Column({ type: DataType.INTEGER, allowNull: false })
  declare amountCents: number;

  @Column({ type: DataType.STRING(20), allowNull: false })
  declare status: 'authorized' | 'settled' | 'failed';

  @HasMany(() => Refund)
  declare refunds: Refund[];
}
