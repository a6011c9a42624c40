import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

const advice = (columns: string) => `add \`@Index()\` to the property (or a class-level \`@Index([${columns}])\` that starts with it), then generate the migration`;

runRuleTests('require-fk-index: TypeORM entities', rule, {
  valid: [
    `
import { Entity, PrimaryGeneratedColumn, ManyToOne, OneToOne, JoinColumn, Index, Unique } from 'typeorm';
import { Customer } from './customer';
import { Shop } from './shop';
import { Invoice } from './invoice';
import { Coupon } from './coupon';

@Entity('orders')
@Index(['shop', 'createdAt'])
@Unique(['coupon'])
export class Order {
  @PrimaryGeneratedColumn() id!: number;

  @Index()
  @ManyToOne(() => Customer, (customer) => customer.orders)
  customer!: Customer;

  @ManyToOne(() => Shop)
  shop!: Shop;

  @ManyToOne(() => Coupon)
  coupon!: Coupon;

  // A one-to-one owner gets a unique constraint, hence an index.
  @OneToOne(() => Invoice)
  @JoinColumn()
  invoice!: Invoice;
}
`,
    // A class-level index naming the join column, and one written as a function.
    `
import { Entity, ManyToOne, JoinColumn, Index } from 'typeorm';
import { Author } from './author';
import { Editor } from './editor';
@Entity()
@Index('posts_author', ['author_id'])
@Index((post: Post) => [post.editor, post.createdAt])
export class Post {
  @ManyToOne(() => Author)
  @JoinColumn({ name: 'author_id' })
  author!: Author;

  @ManyToOne(() => Editor)
  editor!: Editor;

  createdAt!: Date;
}
`,
    // A look-alike \`ManyToOne\` decorator from a GraphQL schema library.
    `
import { ManyToOne } from './graph-schema';
export class Node {
  @ManyToOne('parent') parent!: Node;
}
`,
  ],
  invalid: [
    {
      code: `
import { Entity, PrimaryGeneratedColumn, ManyToOne, Index } from 'typeorm';
import { Customer } from './customer';
import { Shop } from './shop';

@Entity('orders')
@Index(['createdAt', 'shop'])
export class Order {
  @PrimaryGeneratedColumn() id!: number;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  customer!: Customer;

  @ManyToOne(() => Shop)
  shop!: Shop;
}
`,
      errors: [
        { messageId: 'missingIndex', line: 12, column: 3, data: { key: 'orders.customer', plural: '', table: 'orders', advice: advice("'customer'") } },
        { messageId: 'missingIndex', line: 15, column: 3 },
      ],
    },
    // Typed: the decorator re-exported by the user's own module.
    {
      code: `
import { Entity, ManyToOne } from './orm';
import { Customer } from './customer';
@Entity()
export class Invoice {
  @ManyToOne(() => Customer)
  customer!: Customer;
}
`,
      mode: 'typed',
      errors: [{ messageId: 'missingIndex', line: 7, column: 3 }],
    },
  ],
});
