import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

const ADVICE = "`@Column({ type: 'varchar', length: 100, nullable: false })`";
const missing = (line: number, column: number, name: string, parts: string, suggestions?: { options: string; type: string; output: string }[]) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'TypeORM', advice: ADVICE },
  suggestions: suggestions?.map((suggestion) => ({ messageId: 'addCertain' as const, data: { options: suggestion.options, type: suggestion.type }, output: suggestion.output })),
});

runRuleTests('require-explicit-column-type: TypeORM', rule, {
  valid: [
    // Every part stated, in each form TypeORM takes.
    `
import { Entity, Column, PrimaryGeneratedColumn, PrimaryColumn, CreateDateColumn, UpdateDateColumn, DeleteDateColumn, VersionColumn, ManyToOne, JoinColumn } from 'typeorm';
import { Customer } from './customer';
import { Address } from './address';

export enum OrderStatus { Pending = 'pending', Paid = 'paid' }
const MONEY = 'decimal';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @PrimaryColumn({ type: 'int' }) tenantId!: number;

  @Column('varchar', { length: 100, nullable: false }) reference!: string;
  @Column({ type: 'varchar', length: 320, nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) note?: string | null;
  @Column('int', { nullable: false }) quantity!: number;
  @Column({ type: 'uuid', nullable: false }) externalId!: string;
  @Column({ type: 'boolean', nullable: false, default: false }) gift!: boolean;
  @Column({ type: 'date', nullable: true }) shippedOn!: Date | null;
  @Column({ type: 'jsonb', nullable: false }) payload!: Record<string, unknown>;
  @Column({ type: 'enum', enum: OrderStatus, nullable: false, default: OrderStatus.Pending }) status!: OrderStatus;
  @Column('decimal', { precision: 12, scale: 2, nullable: false }) total!: string;
  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: false }) rate!: string;
  // A type given by a constant or a constructor counts as given.
  @Column(MONEY, { precision: 10, scale: 2, nullable: false }) fee!: string;
  @Column({ type: Number, nullable: false }) weight!: number;
  // A generated key written as a plain column.
  @Column({ type: 'int', primary: true, generated: 'increment' }) legacyId!: number;

  // Keys, timestamps and relations take what TypeORM gives them.
  @CreateDateColumn() createdAt!: Date;
  @UpdateDateColumn() updatedAt!: Date;
  @DeleteDateColumn() deletedAt?: Date;
  @VersionColumn() version!: number;
  @ManyToOne(() => Customer) @JoinColumn({ name: 'customer_id' }) customer!: Customer;

  // An embedded object: its own columns are checked in its class.
  @Column(() => Address) address!: Address;
}
`,
    // Options from a spread or a shared constant: the rule cannot read them, so it does not guess.
    `
import { Column, Entity } from 'typeorm';
import { auditColumn, moneyOptions } from './columns';
@Entity()
export class Invoice {
  @Column(moneyOptions) amount!: string;
  @Column({ ...auditColumn, type: 'varchar' }) auditedBy!: string;
}
`,
    // A \`Column\` decorator of another library (a GraphQL or spreadsheet mapper).
    `
import { Column } from './sheet-mapper';
export class Row {
  @Column() name!: string;
  @Column({ header: 'Price' }) price!: number;
}
`,
    `
import { Column } from '@nestjs/graphql-columns';
export class View {
  @Column() flag!: boolean;
}
`,
    // A property with no decorator is not a column.
    `
import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class Tag {
  @PrimaryGeneratedColumn() id!: number;
  label!: string;
}
`,
  ],
  invalid: [
    {
      code: `
import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';

@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn() id!: number;

  @Column()
  name!: string;

  @Column({ type: 'varchar' })
  email!: string;

  @Column('decimal')
  credit!: string;

  @Column({ nullable: false })
  age!: number;

  @Column('text')
  bio!: string;
}
`,
      errors: [
        missing(9, 3, 'name', 'type, length and nullability'),
        missing(12, 3, 'email', 'length and nullability'),
        missing(15, 3, 'credit', 'precision and scale and nullability'),
        missing(18, 3, 'age', 'type'),
        missing(21, 3, 'bio', 'nullability'),
      ],
    },
    // Suggestions add only what the declared type makes certain.
    {
      code: `
import { Entity, Column } from 'typeorm';
@Entity()
export class Flags {
  @Column() active!: boolean;
  @Column('varchar', { length: 40 }) nickname?: string | null;
  @Column('text') motto!: string | null;
  @Column({ default: true }) visible!: boolean | null;
}
`,
      errors: [
        missing(5, 13, 'active', 'type and nullability', [
          {
            options: "`type: 'boolean'`",
            type: 'boolean',
            output: `
import { Entity, Column } from 'typeorm';
@Entity()
export class Flags {
  @Column({ type: 'boolean' }) active!: boolean;
  @Column('varchar', { length: 40 }) nickname?: string | null;
  @Column('text') motto!: string | null;
  @Column({ default: true }) visible!: boolean | null;
}
`,
          },
        ]),
        missing(6, 38, 'nickname', 'nullability', [
          {
            options: '`nullable: true`',
            type: 'string | null',
            output: `
import { Entity, Column } from 'typeorm';
@Entity()
export class Flags {
  @Column() active!: boolean;
  @Column('varchar', { length: 40, nullable: true }) nickname?: string | null;
  @Column('text') motto!: string | null;
  @Column({ default: true }) visible!: boolean | null;
}
`,
          },
        ]),
        missing(7, 19, 'motto', 'nullability', [
          {
            options: '`nullable: true`',
            type: 'string | null',
            output: `
import { Entity, Column } from 'typeorm';
@Entity()
export class Flags {
  @Column() active!: boolean;
  @Column('varchar', { length: 40 }) nickname?: string | null;
  @Column('text', { nullable: true }) motto!: string | null;
  @Column({ default: true }) visible!: boolean | null;
}
`,
          },
        ]),
        missing(8, 30, 'visible', 'type and nullability', [
          {
            options: "`type: 'boolean'` and `nullable: true`",
            type: 'boolean | null',
            output: `
import { Entity, Column } from 'typeorm';
@Entity()
export class Flags {
  @Column() active!: boolean;
  @Column('varchar', { length: 40 }) nickname?: string | null;
  @Column('text') motto!: string | null;
  @Column({ default: true, type: 'boolean', nullable: true }) visible!: boolean | null;
}
`,
          },
        ]),
      ],
    },
    // A non-optional \`string\` gets no suggestion: NOT NULL is not certain from the type alone.
    {
      code: `
import { Entity, Column } from 'typeorm';
@Entity()
export class Note {
  @Column({ type: 'character varying', length: 80, nullable: false }) title!: string;
  @Column({ type: 'nvarchar' }) body!: string;
}
`,
      errors: [missing(6, 33, 'body', 'length and nullability')],
    },
    // Decorators through a namespace import.
    {
      code: `
import * as typeorm from 'typeorm';
@typeorm.Entity()
export class Label {
  @typeorm.Column({ type: 'char' }) code!: string;
}
`,
      errors: [missing(5, 37, 'code', 'length and nullability')],
    },
  ],
});
