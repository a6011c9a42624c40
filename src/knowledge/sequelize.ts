import type { LibraryKnowledge } from './types';

export default {
  id: 'sequelize',
  name: 'Sequelize',
  modules: ['sequelize', '@sequelize/core'],
  packages: ['sequelize', '@sequelize/core'],
  docs: 'https://sequelize.org/docs/v6/other-topics/scopes/',
  factories: [
    { export: 'Sequelize', via: 'new', creates: 'Sequelize' },
    // `const Sequelize = require('sequelize'); new Sequelize(url)`
    { export: 'default', via: 'new', creates: 'Sequelize' },
  ],
  instanceTypes: { Sequelize: 'Sequelize', Transaction: 'Transaction' },
  aliases: { 'Sequelize.Model': 'Model', 'default.Model': 'Model' },
  eagerLoading: {
    defaultScope: [
      // `defaultScope` is a Sequelize-only option name, distinctive enough to match by shape
      // when the model or the instance comes from another file.
      { callee: { subclassOf: 'Model', method: 'init' }, argument: 1, path: ['defaultScope'], byShape: true },
      { callee: { instanceOf: 'Sequelize', method: 'define' }, argument: 2, path: ['defaultScope'], byShape: true },
      {
        callee: { subclassOf: 'Model', method: 'addScope' },
        argument: 1,
        path: [],
        whenArgument: { index: 0, equals: 'defaultScope' },
        byShape: true,
      },
    ],
    includeKey: 'include',
    perQueryAdvice:
      "`{{model}}.findAll({ include: [...] })` in the queries that need them, or a named scope (`{{model}}.scope('withX')`)",
    modelPlaceholder: 'Model',
  },
} satisfies LibraryKnowledge;
