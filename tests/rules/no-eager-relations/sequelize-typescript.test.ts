import rule from '../../../src/rules/no-eager-relations';
import { runRuleTests } from '../../helpers/rule-tester';

const data = (model: string) => ({
  orm: 'sequelize-typescript',
  advice: `\`${model}.findAll({ include: [...] })\` in the queries that need them, or a named scope (\`@Scopes(() => ({ withX: { include } }))\`)`,
});

runRuleTests('no-eager-relations: sequelize-typescript', rule, {
  valid: [
    `
import { Table, Column, Model, Scopes, DefaultScope, BelongsTo } from 'sequelize-typescript';
@DefaultScope(() => ({ attributes: ['id', 'name'] }))
@Scopes(() => ({ withOwner: { include: ['owner'] } }))
@Table
export class Shop extends Model {
  @Column name!: string;
}
`,
    // A DefaultScope decorator from elsewhere.
    `
import { DefaultScope } from './my-decorators';
@DefaultScope(() => ({ include: ['owner'] }))
export class Shop {}
`,
  ],
  invalid: [
    {
      code: `
import { Table, Column, Model, DefaultScope } from 'sequelize-typescript';
@DefaultScope(() => ({ include: [Owner] }))
@Table
export class Shop extends Model {
  @Column name!: string;
}
class Owner extends Model {}
`,
      errors: [{ messageId: 'defaultScopeInclude', data: data('Shop'), line: 3, column: 24, endColumn: 40 }],
    },
    {
      code: `
import { Table, Model } from 'sequelize-typescript';
@Table({ tableName: 'items', defaultScope: { include: ['order'] } })
export class Item extends Model {}
`,
      errors: [{ messageId: 'defaultScopeInclude', data: data('Item'), line: 3, column: 46 }],
    },
    {
      code: `
import * as st from 'sequelize-typescript';
@st.DefaultScope(() => {
  return { include: ['order'], where: { active: true } };
})
export class Line extends st.Model {}
`,
      errors: [{ messageId: 'defaultScopeInclude', data: data('Line'), line: 4, column: 12 }],
    },
    // Re-exported through the user's module: typed mode follows it.
    {
      code: `
import { DefaultScope } from './orm';
@DefaultScope(() => ({ include: ['owner'] }))
export class Shop {}
`,
      mode: 'typed',
      errors: [{ messageId: 'defaultScopeInclude', data: data('Shop'), line: 3, column: 24 }],
    },
  ],
});
