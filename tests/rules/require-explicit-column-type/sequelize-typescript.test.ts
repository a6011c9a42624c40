import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

const ADVICE = '`@Column({ type: DataType.STRING(100), allowNull: false })` (or `@AllowNull(false)`)';
const missing = (line: number, column: number, name: string, parts: string, suggestion?: { options: string; type: string; output: string }) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'sequelize-typescript', advice: ADVICE },
  suggestions: suggestion ? [{ messageId: 'addCertain' as const, data: { options: suggestion.options, type: suggestion.type }, output: suggestion.output }] : undefined,
});

runRuleTests('require-explicit-column-type: sequelize-typescript', rule, {
  valid: [
    `
import { Table, Column, Model, DataType, PrimaryKey, AutoIncrement, AllowNull, CreatedAt, UpdatedAt, DeletedAt, ForeignKey, BelongsTo, Default } from 'sequelize-typescript';
import { Team } from './team';

@Table({ tableName: 'players', paranoid: true })
export class Player extends Model {
  @PrimaryKey @AutoIncrement @Column id!: number;

  @Column({ type: DataType.STRING(50), allowNull: false }) name!: string;
  @AllowNull(false) @Column(DataType.STRING(120)) email!: string;
  @AllowNull @Column(DataType.TEXT) bio?: string | null;
  @AllowNull(false) @Default(0) @Column(DataType.DECIMAL(10, 2)) salary!: string;
  @Column({ type: DataType.VIRTUAL }) displayName!: string;

  @ForeignKey(() => Team) @Column teamId!: number;
  @BelongsTo(() => Team) team!: Team;

  @CreatedAt @Column createdAt!: Date;
  @UpdatedAt @Column updatedAt!: Date;
  @DeletedAt @Column deletedAt?: Date;
}
`,
    // Another library's bare \`Column\` decorator.
    `
import { Column } from 'some-table-ui';
export class Grid {
  @Column title!: string;
}
`,
  ],
  invalid: [
    {
      code: `
import { Table, Column, Model, DataType, AllowNull } from 'sequelize-typescript';

@Table
export class Team extends Model {
  @Column
  name!: string;

  @Column(DataType.STRING)
  city!: string;

  @AllowNull(false)
  @Column(DataType.DECIMAL)
  budget!: string;

  @Column({ type: DataType.INTEGER })
  founded!: number;

  @AllowNull(true)
  @Column
  active!: boolean;
}
`,
      errors: [
        missing(7, 3, 'name', 'type, length and nullability'),
        missing(10, 3, 'city', 'length and nullability'),
        missing(14, 3, 'budget', 'precision and scale'),
        missing(17, 3, 'founded', 'nullability'),
        missing(21, 3, 'active', 'type'),
      ],
    },
    {
      code: `
import { Table, Column, Model, DataType } from 'sequelize-typescript';
@Table
export class Note extends Model {
  @Column(DataType.TEXT) body!: string | null;
  @Column title?: string | null;
}
`,
      errors: [
        missing(5, 26, 'body', 'nullability', {
          options: '`allowNull: true`',
          type: 'string | null',
          output: `
import { Table, Column, Model, DataType } from 'sequelize-typescript';
@Table
export class Note extends Model {
  @Column({ type: DataType.TEXT, allowNull: true }) body!: string | null;
  @Column title?: string | null;
}
`,
        }),
        missing(6, 11, 'title', 'type, length and nullability', {
          options: '`allowNull: true`',
          type: 'string | null',
          output: `
import { Table, Column, Model, DataType } from 'sequelize-typescript';
@Table
export class Note extends Model {
  @Column(DataType.TEXT) body!: string | null;
  @Column({ allowNull: true }) title?: string | null;
}
`,
        }),
      ],
    },
  ],
});
