import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Reviewer } from './Reviewer';

@Entity({ tableName: 'reviews' })
@Index({ properties: ['productSku', 'createdAt'] })
export class Review {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64, nullable: false })
  productSku!: string;

  @Property({ type: 'smallint', nullable: false })
  rating!: number;

  @Property({ type: 'text', nullable: false })
  body!: string;

  @ManyToOne(() => Reviewer, { eager: true }) // deliberate: no-eager-relations — the reviewer is joined into every review query
  reviewer!: Rel<Reviewer>;

  @Property({ type: 'datetime', nullable: false })
  createdAt = new Date();
}
