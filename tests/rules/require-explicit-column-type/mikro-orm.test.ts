import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

const ADVICE = "`@Property({ type: 'string', length: 100, nullable: false })`";
const missing = (line: number, column: number, name: string, parts: string, suggestion?: { options: string; type: string; output: string }) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'MikroORM', advice: ADVICE },
  suggestions: suggestion ? [{ messageId: 'addCertain' as const, data: { options: suggestion.options, type: suggestion.type }, output: suggestion.output }] : undefined,
});

runRuleTests('require-explicit-column-type: MikroORM', rule, {
  valid: [
    `
import { Entity, PrimaryKey, SerializedPrimaryKey, Property, Enum, ManyToOne, OneToMany, Collection, types } from '@mikro-orm/core';
import { Author } from './author';
import { Comment } from './comment';

export enum BookStatus { Draft = 'draft', Published = 'published' }

@Entity({ tableName: 'books' })
export class Book {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @SerializedPrimaryKey() key!: string;

  @Property({ type: 'string', length: 255, nullable: false }) title!: string;
  @Property({ type: types.string, length: 64, nullable: true }) subtitle?: string | null;
  @Property({ columnType: 'varchar(32)', nullable: false }) isbn!: string;
  @Property({ columnType: 'numeric(10,2)', nullable: false }) price!: string;
  @Property({ type: types.decimal, precision: 8, scale: 3, nullable: false }) weight!: string;
  @Property({ type: 'text', nullable: true }) blurb?: string;
  @Property({ type: types.integer, nullable: false }) pages!: number;
  @Property({ type: 'json', nullable: true }) meta?: Record<string, unknown>;
  @Enum({ items: () => BookStatus, nullable: false }) status!: BookStatus;
  // The declared \`boolean\` and \`Date\` are the type MikroORM uses: only the nullability is left out, and here it is stated.
  @Property({ nullable: false }) published!: boolean;
  @Property({ nullable: true }) releasedAt?: Date;

  // Timestamps MikroORM fills, values that are not columns, and relations.
  @Property({ onCreate: () => new Date() }) createdAt = new Date();
  @Property({ onUpdate: () => new Date() }) updatedAt = new Date();
  @Property({ persist: false }) get label(): string { return this.title; }
  @Property({ formula: 'price * 1.2' }) gross?: string;
  @ManyToOne(() => Author) author!: Author;
  @OneToMany(() => Comment, (comment) => comment.book) comments = new Collection<Comment>(this);
}
`,
    // A \`Property\` decorator that is not MikroORM's.
    `
import { Property } from './config-schema';
export class Settings {
  @Property() name!: string;
}
`,
  ],
  invalid: [
    {
      code: `
import { Entity, PrimaryKey, Property, Enum } from '@mikro-orm/postgresql';
import { Role } from './role';

@Entity()
export class User {
  @PrimaryKey() id!: number;

  @Property()
  email!: string;

  @Property({ type: 'string', nullable: false })
  name!: string;

  @Property({ type: 'decimal' })
  balance!: string;

  @Property({ nullable: false })
  score!: number;

  @Enum(() => Role)
  role!: Role;

  @Property({ columnType: 'varchar', nullable: true })
  nickname?: string;
}
`,
      errors: [
        missing(10, 3, 'email', 'length and nullability'),
        missing(13, 3, 'name', 'length'),
        missing(16, 3, 'balance', 'precision and scale and nullability'),
        missing(19, 3, 'score', 'type'),
        missing(22, 3, 'role', 'nullability'),
        missing(25, 3, 'nickname', 'length'),
      ],
    },
    {
      code: `
import { Entity, Property } from '@mikro-orm/core';
@Entity()
export class Profile {
  @Property() verified!: boolean;
  @Property({ type: 'text' }) bio!: string | null;
}
`,
      errors: [
        missing(5, 15, 'verified', 'nullability'),
        missing(6, 31, 'bio', 'nullability', {
          options: '`nullable: true`',
          type: 'string | null',
          output: `
import { Entity, Property } from '@mikro-orm/core';
@Entity()
export class Profile {
  @Property() verified!: boolean;
  @Property({ type: 'text', nullable: true }) bio!: string | null;
}
`,
        }),
      ],
    },
  ],
});
