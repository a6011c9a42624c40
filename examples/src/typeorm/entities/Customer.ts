import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Order } from './Order';

@Entity({ name: 'customers' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  // Lazy by default: the order history page loads it for its own query (OrderService.listForCustomer).
  @OneToMany(() => Order, (order) => order.customer)
  orders!: Order[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  // Closed accounts are kept (orders still point at them) and can be reopened: soft delete.
  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt?: Date;
}
