import type { LibraryKnowledge } from './types';

export default {
  id: 'typeorm',
  name: 'TypeORM',
  modules: ['typeorm'],
  packages: ['typeorm'],
  docs: 'https://typeorm.io/docs/relations/eager-and-lazy-relations/',
  sql: {
    sinks: [
      {
        callee: { instanceOf: ['DataSource', 'EntityManager', 'QueryRunner', 'Repository'], method: 'query' },
        sqlArgument: 0,
        kind: 'query',
        safeForm:
          "pass values separately, `{{receiver}}.query(sql, parameters)` with the driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
        rewrite: { style: 'values-argument', placeholder: 'option', argument: 1 },
        byShape: 'sql-text',
      },
      {
        callee: { subclassOf: 'BaseEntity', method: 'query' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: "pass values separately, `{{receiver}}.query(sql, parameters)` with the driver's placeholders",
        rewrite: { style: 'values-argument', placeholder: 'option', argument: 1 },
      },
      // QueryBuilder clauses take SQL text; values belong in named parameters.
      {
        callee: { instanceOf: 'QueryBuilder', method: ['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving'] },
        sqlArgument: 0,
        kind: 'query',
        safeForm: "use a named parameter, `.{{method}}('user.email = :email', { email })`",
        clause: 'WHERE',
      },
      {
        callee: { instanceOf: 'QueryBuilder', method: ['orderBy', 'addOrderBy', 'groupBy', 'addGroupBy', 'select', 'addSelect'] },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'check the column against an allow-list before `.{{method}}()`: identifiers cannot be parameters',
        clause: { orderBy: 'ORDER BY', addOrderBy: 'ORDER BY', groupBy: 'GROUP BY', addGroupBy: 'GROUP BY', select: 'SELECT', addSelect: 'SELECT' },
      },
      {
        callee: { instanceOf: 'QueryBuilder', method: ['leftJoin', 'leftJoinAndSelect', 'innerJoin', 'innerJoinAndSelect'] },
        sqlArgument: 2,
        kind: 'query',
        safeForm: "use a named parameter in the join condition, `.{{method}}('u.photos', 'p', 'p.kind = :kind', { kind })`",
        clause: 'ON',
      },
    ],
  },
  factories: [
    { export: 'DataSource', via: 'new', creates: 'DataSource' },
    { export: 'createConnection', via: 'call', creates: 'DataSource' },
    // TypeORM 0.2's global connection manager: `getConnection().synchronize()`.
    { export: 'getConnection', via: 'call', creates: 'DataSource' },
    { instanceOf: ['DataSource', 'QueryRunner', 'Repository'], property: 'manager', creates: 'EntityManager' },
    // `initialize()` resolves to the data source itself: what a Nest provider's factory returns.
    { instanceOf: 'DataSource', method: 'initialize', creates: 'DataSource' },
    { instanceOf: 'DataSource', method: 'createQueryRunner', creates: 'QueryRunner' },
    { instanceOf: ['DataSource', 'EntityManager'], method: 'getRepository', creates: 'Repository' },
    { instanceOf: ['DataSource', 'EntityManager', 'Repository', 'QueryRunner'], method: 'createQueryBuilder', creates: 'QueryBuilder' },
    { subclassOf: 'BaseEntity', method: 'createQueryBuilder', creates: 'QueryBuilder' },
    // The callback comes last, after an optional isolation level; its first parameter is the manager.
    { instanceOf: ['DataSource', 'EntityManager'], method: 'transaction', callbackParameter: 0, creates: 'EntityManager' },
  ],
  fluent: ['QueryBuilder'],
  instanceTypes: {
    DataSource: 'DataSource',
    Connection: 'DataSource',
    EntityManager: 'EntityManager',
    Repository: 'Repository',
    QueryRunner: 'QueryRunner',
    SelectQueryBuilder: 'QueryBuilder',
  },
  eagerLoading: {
    eagerOption: [
      // The options object is the 1st, 2nd or 3rd argument depending on the overload.
      { callee: { export: ['ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany'] }, argument: 'any', path: [] },
      { callee: { export: 'EntitySchema' }, argument: 0, path: ['relations', '*'] },
    ],
    perQueryAdvice: '`find({ relations: { {{relation}}: true } })`, or `leftJoinAndSelect()` in a QueryBuilder',
    caveat:
      ' TypeORM also ignores `eager` in QueryBuilder queries, so the same entity comes back with and without the relation depending on the API used.',
  },
  transactions: [
    // `transaction(cb)` or `transaction('SERIALIZABLE', cb)`.
    { kind: 'callback', callee: { instanceOf: ['DataSource', 'EntityManager'], method: 'transaction' }, callback: 'any', handle: 0, byShape: true },
    {
      kind: 'region',
      start: { instanceOf: 'QueryRunner', method: 'startTransaction' },
      handle: 'receiver',
      end: ['commitTransaction', 'rollbackTransaction'],
      rollback: ['rollbackTransaction'],
      release: ['release'],
      byShape: true,
      managed: '`dataSource.transaction(async (manager) => …)`, which commits when the callback resolves, rolls back when it throws and releases the connection',
    },
    { kind: 'statements', methods: ['query'], begin: ['BEGIN', 'START TRANSACTION'], end: ['COMMIT', 'ROLLBACK', 'END'], notEnd: ['ROLLBACK TO'], rollback: ['ROLLBACK'], managed: 'the managed form of the library, or one helper that runs a callback between `BEGIN` and `COMMIT` with `ROLLBACK` in its `catch`' },
  ],
  schema: {
    syncOptions: [
      {
        site: { callee: { export: ['DataSource', 'createConnection'] }, argument: 0, path: ['synchronize'] },
        effect: 'alters the tables to match the entities every time the application starts',
      },
    ],
    optionTypes: ['DataSourceOptions', 'ConnectionOptions', 'PostgresConnectionOptions', 'MysqlConnectionOptions', 'SqliteConnectionOptions', 'BetterSqlite3ConnectionOptions'],
    optionTypeKey: 'synchronize',
    configFiles: ['ormconfig'],
    changeCalls: [
      {
        callee: { instanceOf: 'DataSource', method: 'synchronize' },
        effect: 'alters the tables to match the entities: a renamed property becomes a dropped column and a new empty one',
        byShape: [{ receiverEndsWith: ['datasource', 'connection'] }],
      },
      {
        callee: { instanceOf: 'DataSource', method: 'dropDatabase' },
        effect: 'drops every table of the database, with all its rows',
        byShape: [{ receiverEndsWith: ['datasource', 'connection'] }],
      },
      {
        callee: {
          instanceOf: 'QueryRunner',
          method: [
            'createTable', 'dropTable', 'renameTable', 'addColumn', 'addColumns', 'dropColumn', 'dropColumns', 'changeColumn',
            'renameColumn', 'createIndex', 'dropIndex', 'createForeignKey', 'dropForeignKey', 'createSchema', 'dropSchema',
          ],
        },
        effect: 'changes the schema with the query runner, which migrations use',
      },
    ],
    migrationAdvice: '`typeorm migration:generate` writes the change as a migration; `migration:run` (or `migrationsRun: true`) applies it',
    foreignKeys: {
      // A `@OneToOne` owner gets a unique constraint, hence an index: only many-to-one is reported.
      decorators: { relations: ['ManyToOne'], indexes: ['Index', 'Unique'], keys: ['PrimaryColumn'], joinColumn: 'JoinColumn' },
      indexAdvice: 'add `@Index()` to the property (or a class-level `@Index([{{columns}}])` that starts with it), then generate the migration',
    },
    columns: {
      decorators: {
        // `@PrimaryColumn`, `@PrimaryGeneratedColumn`, the date and version columns are keys or filled by TypeORM: not listed.
        columns: { export: ['Column'] },
        typeArgument: 'with-options',
        functionArgumentEmbeds: true,
        keys: { type: ['type'], length: ['length'], precision: 'precision', scale: 'scale', nullable: 'nullable' },
        // ColumnTypes.d.ts: WithLengthColumnType (binary types and vectors aside), and the decimal kinds of WithPrecisionColumnType.
        types: {
          length: ['varchar', 'character varying', 'varying character', 'char varying', 'nvarchar', 'national varchar', 'char', 'character', 'nchar', 'national char', 'native character', 'varchar2', 'nvarchar2', 'string', 'alphanum', 'shorttext'],
          precision: ['decimal', 'numeric', 'dec', 'fixed', 'smalldecimal'],
        },
        exemptOptions: [{ key: 'primary' }, { key: 'generated' }],
        exemptDecorators: ['PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', 'ObjectIdColumn', 'ManyToOne', 'OneToOne', 'OneToMany', 'ManyToMany', 'JoinColumn', 'JoinTable', 'RelationId'],
        // TypeORM maps a `string` property to `varchar` (255 on MySQL, unbounded on Postgres).
        annotationNeedsLength: ['string'],
        suggestedTypes: { boolean: "'boolean'" },
        advice: "`@Column({ type: 'varchar', length: 100, nullable: false })`",
        // EntitySchemaColumnOptions: the decorators' options, with the keys and timestamps as flags.
        schemas: [
          {
            callee: { export: 'EntitySchema' },
            argument: 0,
            path: 'columns',
            exemptOptions: [
              { key: 'createDate' },
              { key: 'updateDate' },
              { key: 'deleteDate' },
              { key: 'version' },
              { key: 'objectId' },
              { key: 'treeChildrenCount' },
              { key: 'treeLevel' },
              { key: 'virtualProperty' },
            ],
            advice: "`columns: { name: { type: 'varchar', length: 100, nullable: false } }`",
          },
        ],
      },
    },
    softDelete: {
      marker: '`@DeleteDateColumn()`',
      columnDecorators: ['DeleteDateColumn'],
      tableDecorators: ['Entity'],
      // DefaultNamingStrategy.tableName: the name given, else the class name snake-cased.
      tableNaming: 'snake_case',
      hardMethods: [
        { method: 'delete', soft: 'softDelete', on: ['repository', 'manager', 'model', 'builder'], modelSoft: 'getRepository().softDelete' },
        { method: 'remove', soft: 'softRemove', on: ['repository', 'manager', 'model', 'instance'] },
      ],
      repositories: {
        factories: ['getRepository', 'getTreeRepository'],
        types: ['Repository', 'TreeRepository'],
      },
      managers: { kinds: ['EntityManager'], names: ['manager', 'em'] },
      queryBuilder: { create: ['createQueryBuilder'], from: 'from' },
      advice: '`softDelete()` / `softRemove()` (the query builder\'s `.softDelete()`), which set the `@DeleteDateColumn()` and keep the row for `restore()`',
    },
  },
  connections: {
    poolSize: [
      {
        callee: { export: 'DataSource', via: 'new' },
        options: 0,
        sizePaths: [['poolSize'], ['extra', 'max'], ['extra', 'connectionLimit']],
        noPoolWhen: { key: 'type', values: ['sqlite', 'sqlite3', 'better-sqlite3', 'sqljs', 'capacitor', 'cordova', 'expo', 'nativescript', 'react-native'] },
        defaultSize: 'the driver\'s, 10 for Postgres and MySQL',
        example: '`new DataSource({ …, poolSize: 20 })` (or `extra: { max: 20 }`)',
      },
    ],
    clients: [
      {
        callee: { export: 'DataSource', via: 'new' },
        what: 'a TypeORM data source with a connection pool of its own',
        opensWith: ['initialize', 'connect'],
        share: 'Create and initialise the `DataSource` once (a module of its own, or a Nest `TypeOrmModule`) and import or inject it',
      },
      {
        callee: { export: 'createConnection', via: 'call' },
        what: 'a TypeORM connection with a pool of its own',
        share: 'Create and initialise one `DataSource` at startup and import or inject it',
      },
    ],
    acquire: [
      {
        acquire: { instanceOf: 'DataSource', method: 'createQueryRunner' },
        declaredIn: ['DataSource', 'Connection'],
        release: { methods: 'release' },
        byShape: 'name',
        releaseText: '`queryRunner.release()`',
      },
    ],
  },
  activeRecord: { bases: ['BaseEntity'], finders: ['findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'create'] },
  transactionWork: {
    // In memory, or a factory: nothing runs until a method of what they return does.
    inert: ['create', 'merge', 'getRepository', 'getTreeRepository', 'withRepository', 'hasId', 'getId', 'getMetadata'],
    counterparts: ['manager'],
    // An injected repository or entity manager runs on the data source's pool, whatever the transaction.
    outerKinds: ['DataSource', 'EntityManager', 'Repository'],
    swap: true,
    advice:
      'run it through `{{handle}}` (its `save()`, `getRepository(Entity)` and `withRepository(repo)`; in a query runner region, `queryRunner.manager`)',
  },
  writes: {
    sameDatabase: 'library',
    methods: ['save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'increment', 'decrement'],
    sqlMethods: ['query'],
    wrapIn: '`dataSource.transaction(async (manager) => …)`',
  },
} satisfies LibraryKnowledge;
