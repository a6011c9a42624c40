import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

const SKELETON = `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
  },

  async down (queryInterface, Sequelize) {
    /**
     * Add reverting commands here.
     *
     * Example:
     * await queryInterface.dropTable('users');
     */
  }
};
`;

runMigrationRuleTests('require-migration-down: Sequelize CLI', rule, {
  valid: [
    {
      filename: 'migrations/20240101120000-create-users.js',
      code: `
'use strict';
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('users');
  },
};
`,
    },
    // Arrow properties, the older generator's shape.
    {
      filename: 'migrations/20240102120000-add-user-email.js',
      code: `
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'email', Sequelize.STRING),
  down: (queryInterface) => queryInterface.removeColumn('users', 'email'),
};
`,
    },
    // `export =` in TypeScript.
    {
      filename: 'migrations/20240103120000-add-user-phone.ts',
      code: `
import { QueryInterface, DataTypes } from 'sequelize';
export = {
  async up(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.addColumn('users', 'phone', DataTypes.STRING);
  },
  async down(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.removeColumn('users', 'phone');
  },
};
`,
    },
  ],
  invalid: [
    // The generator's skeleton: `down` holds only the example comment.
    {
      filename: 'migrations/20240104120000-create-users.js',
      code: SKELETON,
      errors: [{ messageId: 'emptyDown', line: 5, column: 9, endColumn: 11, data: { what: 'it holds only comments', note: '', undo: ': drop table `users`' } }],
    },
    {
      filename: 'migrations/20240105120000-add-user-age.js',
      code: `
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'age', Sequelize.INTEGER),
  down: () => Promise.resolve(),
};
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 3, endColumn: 5, data: { what: 'it only returns', note: '', undo: ': drop column `age` from `users`' } }],
    },
    // Data seeded by a migration: down must delete it.
    {
      filename: 'migrations/20240106120000-seed-roles.js',
      code: `
module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('roles', [{ name: 'admin' }]);
  },
};
`,
      errors: [{ messageId: 'missingDown', line: 3, column: 9, data: { note: '', undo: ': delete the rows inserted into `roles`' } }],
    },
  ],
});

runEspreeTests(
  'require-migration-down: Sequelize CLI',
  rule,
  {
    valid: [],
    invalid: [{ filename: 'migrations/20240107120000-create-users.js', code: SKELETON, errors: [{ messageId: 'emptyDown', line: 5, column: 9 }] }],
  },
  { commonjs: true },
);
