import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Order } from './Order';

@Entity({ name: 'customers' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320, nullable: false })
  email!: string;

  @Column({ type: 'varchar', length: 120, nullable: false })
  name!: string;

  @Column({ type: 'char', length: 2 })
  country!: string; // deliberate: require-explicit-column-type — NULL or NOT NULL is left to TypeORM: nothing in the model says whether a customer may lack a country

  // Lazy by default: the order history page loads it for its own query (OrderService.listForCustomer).
  @OneToMany(() => Order, (order) => order.customer)
  orders!: Order[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  // Closed accounts are kept (orders still point at them) and can be reopened: soft delete.
  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt?: Date;
}
