/**
 * Option sets the robustness pass runs besides each rule's defaults: one entry per rule whose
 * options change code paths. Each inner array is the rule's options list (what follows the
 * severity in a config). Add a line here when a rule grows options that steer its analysis.
 */
export const robustnessOptionSets: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  'no-applied-migration-edit': [[{ folders: ['**'], gitRef: 'HEAD' }]],
  'no-client-per-request': [[{ ignoreFiles: ['**/scripts/**'], bootstrapFunctions: ['boot'] }], [{ ignoreFiles: [] }]],
  'no-eager-relations': [[{ allowRelations: ['user'] }]],
  'no-generic-migration-name': [
    [{ folders: ['**'], genericWords: ['orders'], allow: ['^init'], deny: ['^v\\d'], acceptGeneratedNames: true }],
  ],
  'no-interpolated-sql': [
    [
      {
        sinks: [{ name: 'run' }, { module: '@app/db', export: 'exec', argument: 0, kind: 'raw' }],
        safeTags: [{ name: 'sqlTag' }],
        escapeFunctions: [{ name: 'quoteIdent' }, { module: 'sqlstring', export: 'escape' }],
        placeholder: 'question',
      },
    ],
  ],
  'no-io-in-transaction': [
    [
      {
        ioFunctions: [{ name: 'notify' }, { module: '@app/mail', export: 'send' }],
        ioModules: ['@app/http'],
        allow: [{ name: 'publish' }],
        allowLibraries: ['ioredis'],
        transactionalDecorators: ['Transactional', 'InTransaction'],
        transactionFunctions: ['withTransaction'],
      },
    ],
  ],
  'no-outer-client-in-transaction': [[{ cls: true }]],
  'no-schema-sync': [[{ ignoreFiles: [] }], [{ ignoreFiles: ['**'] }]],
  'prefer-soft-delete': [[{ ignoreFiles: [] }]],
  'require-fk-index': [[{ ignore: ['audit_events', 'orders.customer_id', '*.tenant_id'] }]],
  'require-explicit-column-type': [[{ drizzleNullableByDefault: true }]],
  'require-connection-release': [[{ releaseFunctions: ['releaseQuietly'] }]],
  'require-migration-down': [[{ folders: ['**'] }]],
};
