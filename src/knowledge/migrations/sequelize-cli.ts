/**
 * Sequelize CLI migrations: `module.exports = { async up(queryInterface, Sequelize) {…}, async down(…) {…} }`,
 * written by `sequelize-cli migration:generate --name <name>` as `<yyyyMMddHHmmss>-<name>.js`
 * with a skeleton whose `down` holds only the comment "Add reverting commands here".
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14 } from './schemes';

export default {
  id: 'sequelize-cli',
  name: 'Sequelize CLI',
  docs: 'https://sequelize.org/docs/v6/other-topics/migrations/',
  library: 'sequelize',
  folders: ['**/migrations/**', '**/db/migrations/**', '**/database/migrations/**'],
  extensions: ['.js', '.cjs', '.ts', '.mjs'],
  names: [datetime14],
  script: {
    shapes: ['exports'],
    modules: ['sequelize-cli', 'sequelize', '@sequelize/core'],
    upParameters: ['queryInterface', 'qi'],
    omittedDown: 'no-rollback',
  },
} satisfies MigrationToolKnowledge;
