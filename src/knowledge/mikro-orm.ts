import type { LibraryKnowledge } from './types';

// Every driver package re-exports @mikro-orm/core, and v7 moved the decorators out of core.
const driverPackages = [
  '@mikro-orm/postgresql',
  '@mikro-orm/mysql',
  '@mikro-orm/mariadb',
  '@mikro-orm/sqlite',
  '@mikro-orm/better-sqlite',
  '@mikro-orm/libsql',
  '@mikro-orm/mssql',
  '@mikro-orm/mongodb',
  '@mikro-orm/knex',
  '@mikro-orm/sql',
];

/** `defineEntity`'s property builders: `p.string()`, `defineEntity.properties.string()`. */
const propertyBuilderRoots = ['p', 'defineEntity.properties'];

export default {
  id: 'mikro-orm',
  name: 'MikroORM',
  modules: ['@mikro-orm/core', '@mikro-orm/decorators/legacy', '@mikro-orm/decorators/es', ...driverPackages],
  packages: ['@mikro-orm/core', '@mikro-orm/decorators', ...driverPackages],
  docs: 'https://mikro-orm.io/docs/populating-relations',
  sql: {
    sinks: [
      {
        callee: { instanceOf: ['EntityManager', 'Connection'], method: 'execute' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values separately, `{{receiver}}.execute(sql, [value])` with `?` placeholders',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
      },
      {
        callee: { instanceOf: 'QueryBuilder', method: ['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving'] },
        sqlArgument: 0,
        kind: 'query',
        safeForm: "pass values separately, `.{{method}}('email = ?', [email])`",
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
      },
      {
        callee: { export: 'raw' },
        sqlArgument: 0,
        kind: 'raw',
        safeForm: "`raw()` inlines its text: pass values as its parameters, `raw('lower(?)', [value])`, or use the `sql` tag",
      },
    ],
    // MikroORM's `sql` tag turns every hole into a bound parameter.
    safeTags: [{ export: 'sql' }],
  },
  factories: [
    { export: 'MikroORM.init', via: 'call', creates: 'MikroORM' },
    { export: 'MikroORM.initSync', via: 'call', creates: 'MikroORM' },
    { export: 'MikroORM', via: 'new', creates: 'MikroORM' },
    { instanceOf: 'MikroORM', property: 'em', creates: 'EntityManager' },
    // The schema generator: `orm.schema` (v6) or `orm.getSchemaGenerator()`.
    { instanceOf: 'MikroORM', property: 'schema', creates: 'SchemaGenerator' },
    { instanceOf: 'MikroORM', method: 'getSchemaGenerator', creates: 'SchemaGenerator' },
    { instanceOf: 'EntityManager', method: 'fork', creates: 'EntityManager' },
    { instanceOf: 'EntityManager', method: 'getConnection', creates: 'Connection' },
    { instanceOf: 'EntityManager', method: ['createQueryBuilder', 'qb'], creates: 'QueryBuilder' },
    { instanceOf: 'EntityManager', method: 'transactional', callbackParameter: 0, creates: 'EntityManager' },
  ],
  fluent: ['QueryBuilder'],
  instanceTypes: {
    MikroORM: 'MikroORM',
    EntityManager: 'EntityManager',
    SqlEntityManager: 'EntityManager',
    EntityRepository: 'EntityRepository',
  },
  eagerLoading: {
    eagerOption: [
      { callee: { export: ['ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany'] }, argument: 'any', path: [] },
      { callee: { export: 'EntitySchema' }, argument: 0, path: ['properties', '*'] },
      { callee: { export: 'defineEntity' }, argument: 0, path: ['properties', '*'] },
    ],
    eagerBuilder: {
      method: 'eager',
      roots: propertyBuilderRoots,
      builderParameterOf: [{ callee: { export: 'defineEntity' }, argument: 0, path: ['properties'] }],
    },
    perQueryAdvice: "`em.find({{model}}, where, { populate: ['{{relation}}'] })`",
    modelPlaceholder: 'Entity',
  },
  transactions: [
    { kind: 'callback', callee: { instanceOf: 'EntityManager', method: 'transactional' }, callback: 0, handle: 0, byShape: true },
    // `await em.begin()` … `await em.commit()`: `begin` is too common a word to match by shape.
    { kind: 'region', start: { instanceOf: 'EntityManager', method: 'begin' }, handle: 'receiver', end: ['commit', 'rollback'], rollback: ['rollback'], managed: '`em.transactional(async (em) => …)`, which flushes and commits when the callback resolves and rolls back when it throws' },
  ],
  schema: {
    changeCalls: [
      {
        callee: { instanceOf: 'SchemaGenerator', method: 'updateSchema' },
        effect: 'alters the tables to match the entities, dropping what the entities no longer declare unless told otherwise',
        byShape: [{ receiverProperty: 'schema' }, { receiverProperty: 'getSchemaGenerator' }],
      },
      {
        callee: { instanceOf: 'SchemaGenerator', method: ['createSchema', 'ensureDatabase'] },
        effect: 'creates the tables from the entities, outside any recorded migration',
        byShape: [{ receiverProperty: 'schema' }, { receiverProperty: 'getSchemaGenerator' }],
      },
      {
        callee: { instanceOf: 'SchemaGenerator', method: ['dropSchema', 'refreshDatabase'] },
        effect: 'drops the tables of the entities, with all their rows',
        byShape: [{ receiverProperty: 'schema' }, { receiverProperty: 'getSchemaGenerator' }],
      },
    ],
    migrationAdvice: '`mikro-orm migration:create` writes the change as a migration; `orm.migrator.up()` or `migration:up` applies it',
    columns: {
      decorators: {
        // `@PrimaryKey`, `@SerializedPrimaryKey` and the relations are not columns the rule checks.
        columns: { export: ['Property', 'Enum'] },
        typeImplied: ['Enum'],
        keys: { type: ['type', 'columnType'], sizedType: ['columnType'], length: ['length'], precision: 'precision', scale: 'scale', nullable: 'nullable' },
        // The names of `types.*` and the SQL names MikroORM passes through.
        types: {
          length: ['string', 'varchar', 'character varying', 'char', 'character', 'nvarchar', 'StringType'],
          precision: ['decimal', 'numeric', 'DecimalType'],
        },
        // Not a column (`persist: false`, `formula`), a key, or a timestamp MikroORM fills (`onCreate`, `onUpdate`).
        exemptOptions: [{ key: 'persist', equals: false }, { key: 'formula' }, { key: 'primary' }, { key: 'onCreate' }, { key: 'onUpdate' }, { key: 'version' }],
        exemptDecorators: ['PrimaryKey', 'SerializedPrimaryKey', 'ManyToOne', 'OneToOne', 'OneToMany', 'ManyToMany', 'Formula'],
        // With reflect-metadata or ts-morph, MikroORM reads the column type from the declared TypeScript type, its documented
        // idiom; these annotations map to one column type each. `number` (integer, decimal, bigint?) does not.
        annotationGivesType: ['string', 'boolean', 'Date'],
        annotationNeedsLength: ['string'],
        suggestedTypes: { boolean: "'boolean'" },
        advice: "`@Property({ type: 'string', length: 100, nullable: false })`",
        schemas: [
          // `new EntitySchema({ properties: { … } })`: a relation or an embeddable names its `entity`.
          {
            callee: { export: 'EntitySchema' },
            argument: 0,
            path: 'properties',
            exemptOptions: [{ key: 'entity' }, { key: 'reference' }],
            advice: "`properties: { name: { type: 'string', length: 100, nullable: false } }`",
          },
          // `defineEntity({ properties: { name: p.string().length(100) } })` (MikroORM 6.4+, the documented way for JavaScript).
          {
            callee: { export: 'defineEntity' },
            argument: 0,
            path: 'properties',
            exemptOptions: [{ key: 'entity' }, { key: 'reference' }],
            advice: '`name: p.string().length(100)`, `price: p.decimal().precision(10).scale(2)`',
            propertyBuilders: {
              roots: propertyBuilderRoots,
              typeFactory: 'type',
              lengthMethods: ['length'],
              precisionMethods: ['precision'],
              scaleMethods: ['scale'],
              sizedTypeMethods: ['columnType'],
              exemptMethods: [{ method: 'primary' }, { method: 'formula' }, { method: 'onCreate' }, { method: 'onUpdate' }, { method: 'version' }, { method: 'persist', firstArgument: false }],
              // `nullable()` takes no argument (core/entity/defineEntity.js): without it the property is NOT NULL, and its inferred type says so.
              nullabilityRequired: false,
            },
          },
        ],
      },
    },
  },
  transactionWork: {
    // Unit of work: these queue changes or build objects; the flush (or a query) is what runs.
    inert: ['create', 'assign', 'getReference', 'persist', 'remove', 'merge', 'getRepository', 'clear'],
    // The global `em` resolves to the transaction's fork inside `em.transactional()`; a fork made before does not.
    clientFollows: { forks: ['fork'] },
    advice:
      'use `{{handle}}`, the entity manager the callback receives (or the global `em`, which follows the transaction context); a fork made before the transaction has a context of its own',
  },
  writes: {
    sameDatabase: 'library',
    // The unit of work commits at the flush: each flush is a write.
    methods: ['flush', 'persistAndFlush', 'removeAndFlush', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'insertMany', 'upsert', 'upsertMany'],
    wrapIn: '`em.transactional(async (em) => …)`, or one `flush()` for all the changes',
  },
} satisfies LibraryKnowledge;
