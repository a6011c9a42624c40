import { Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from './Customer';
import { OrderItem } from './OrderItem';

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled';

@Entity({ name: 'orders' })
@Index(['customer', 'status'])
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20, default: 'pending', nullable: false })
  status!: OrderStatus;

  @Column({ type: 'integer', nullable: false })
  totalCents!: number;

  @ManyToOne(() => Customer, (customer) => customer.orders, {
    nullable: false,
    onDelete: 'RESTRICT',
    eager: true, // deliberate: no-eager-relations — every order query joins customers, even the nightly totals
  })
  customer!: Customer;

  // Correct: the order page asks for its items per query (OrderService.findForOrderPage).
  @OneToMany(() => OrderItem, (item) => item.order, { cascade: ['insert'] })
  items!: OrderItem[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
