import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Order } from './Order';
import { Product } from './Product';

@Entity({ name: 'order_items' })
export class OrderItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Order, (order) => order.items, { nullable: false, onDelete: 'CASCADE', eager: false })
  order!: Order; // deliberate: require-fk-index — deleting an order checks order_items with a full scan, and so does loading an order's lines

  @Index()
  @ManyToOne(() => Product, { nullable: false, eager: true }) // deliberate: no-eager-relations — each line drags its product along
  product!: Product;

  @Column({ type: 'integer', nullable: false })
  quantity!: number;

  @Column({ type: 'integer', nullable: false })
  unitPriceCents!: number;
}
