// Imports TypeORM through the shop's own module: see `libraryModules` in eslint.config.mjs.
import { Column, Entity, Index, ManyToOne, MoneyColumn, PrimaryGeneratedColumn } from '@shop/orm';
import { Category } from './Category';

@Entity({ name: 'products' })
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: false })
  sku!: string;

  @Column({ type: 'varchar', length: 200, nullable: false })
  name!: string;

  @MoneyColumn()
  priceCents!: number;

  @Column({ type: 'integer', default: 0, nullable: false })
  stock!: number;

  @Index()
  // deliberate: no-eager-relations — the category is joined into every product query (through @shop/orm)
  @ManyToOne(() => Category, (category) => category.products, { eager: true })
  category!: Category;
}
