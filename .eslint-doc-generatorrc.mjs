// Configuration for eslint-doc-generator: the README rules table, the configs list and the
// header of every docs/rules/<rule>.md are generated from rule metadata (`npm run docs`) and
// verified in `npm test` and CI (`npm run docs:check`, tests/meta/docs.test.ts).

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // Each config exists in two formats (`recommended` for eslintrc, `flat/recommended` for flat
  // config) with the same rules; the table shows each level once.
  ignoreConfig: ['flat/recommended', 'flat/strict', 'flat/all'],
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'configsOff',
    'fixable',
    'hasSuggestions',
    'requiresTypeChecking',
    'options',
    'deprecated',
  ],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking', 'options'],
  ruleDocTitleFormat: 'desc-parens-name',
  // Every page explains the rule and says when not to use it; rules with options document each one.
  ruleDocSectionInclude: ['Rule details', 'When not to use it'],
  ruleDocSectionOptions: true,
  // Rule docs are written by hand (or by `npm run new-rule`), never stubbed by the generator.
  initRuleDocs: false,
};

export default config;
