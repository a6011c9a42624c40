import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from '@shop/orm';
import { Product } from './Product';

@Entity({ name: 'categories' })
export class Category {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 80, unique: true, nullable: false })
  slug!: string;

  @OneToMany(() => Product, (product) => product.category)
  products!: Product[];
}
