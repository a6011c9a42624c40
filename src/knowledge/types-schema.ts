/**
 * The schema part of a library's knowledge: how application code changes the database schema
 * instead of a migration (no-schema-sync), read by the engines in `src/analysis/schema/`. Plain data.
 */
import type { ArgumentSiteSpec, CalleeSpec } from './types';

/**
 * When a schema call may be matched on a receiver that cannot be tied to the library (tier 3).
 * Each condition present must hold; a call spec lists alternatives.
 */
export interface SchemaShapeSpec {
  /** The receiver's name ends with one of these, compared case-insensitively (`AppDataSource`, `connection`). */
  readonly receiverEndsWith?: readonly string[];
  /** The receiver is a property of this name (`knex.schema.createTable`, `orm.schema.updateSchema`). */
  readonly receiverProperty?: string;
  /** The call's options object (argument `optionsArgument`) has one of these keys (`sync({ force: true })`). */
  readonly optionKey?: readonly string[];
}

/** A call that changes the schema when it runs: `dataSource.synchronize()`, `sequelize.sync()`, `knex.schema.createTable()`. */
export interface SchemaChangeCallSpec {
  readonly callee: CalleeSpec;
  /** What the call does to the schema and the data, for the message: "drops and re-creates every table". */
  readonly effect: string;
  /** Which argument holds options that change the effect. */
  readonly optionsArgument?: number;
  /**
   * Options that make it worse, with what they then do (Sequelize `force`, `alter`). Checked
   * in order; the first key whose value is not the literal `false` replaces `effect`.
   */
  readonly optionEffects?: Readonly<Record<string, string>>;
  readonly byShape?: readonly SchemaShapeSpec[];
}

/** An option that makes the library change the schema at start-up when it is `true`. */
export interface SchemaSyncOptionSpec {
  /** Where the option sits: the path ends with the option's key (`synchronize`). */
  readonly site: ArgumentSiteSpec;
  /** What the option does, for the message. */
  readonly effect: string;
  /**
   * Another option whose `true` turns this one on when it is left out (`@nestjs/sequelize`:
   * `autoLoadModels: true` synchronizes unless `synchronize: false` says otherwise).
   */
  readonly impliedBy?: string;
}

export interface SchemaKnowledge {
  /** Options like TypeORM's `synchronize: true`. */
  readonly syncOptions?: readonly SchemaSyncOptionSpec[];
  /**
   * Exported types an options object may be declared as (`const options: DataSourceOptions = {…}`):
   * the sync option counts there too, since the object is made to be handed to the library.
   */
  readonly optionTypes?: readonly string[];
  /** The option key in such an object (`synchronize`). */
  readonly optionTypeKey?: string;
  /** Config files the library reads its options from (`ormconfig.js`): the object they export counts too. File names without extension. */
  readonly configFiles?: readonly string[];
  readonly changeCalls?: readonly SchemaChangeCallSpec[];
  /** How schema changes are made in this library instead, for the message. */
  readonly migrationAdvice?: string;
  /** Foreign keys and the indexes that serve them (require-fk-index). */
  readonly foreignKeys?: ForeignKeyKnowledge;
}

/**
 * Where a library declares foreign keys and indexes (require-fk-index). Each shape is read by its
 * part of `src/analysis/schema/foreign-keys.ts`.
 */
export interface ForeignKeyKnowledge {
  /**
   * A schema builder whose table methods hand a callback a table builder (knex:
   * `knex.schema.createTable('orders', (t) => { t.integer('customer_id').references('customers.id') })`).
   */
  readonly schemaBuilder?: {
    /** Methods that take the table's name and a callback whose first parameter builds its columns. */
    readonly tableMethods: readonly string[];
    /** The column-chain method that makes the column a foreign key (`references`). */
    readonly references: string;
    /** The table-builder method that starts a (possibly composite) foreign key (`t.foreign(['a', 'b'])`). */
    readonly foreign: string;
    /** Methods that index a column in its chain (`.index()`, `.unique()`, `.primary()`) or columns given as arguments (`t.index(['a'])`). */
    readonly indexMethods: readonly string[];
  };
  /**
   * A migration API that takes the table's name and attribute objects (Sequelize's query interface:
   * `queryInterface.createTable('orders', { customerId: { references: { model: 'customers' } } })`).
   */
  readonly queryInterface?: {
    readonly createTable: readonly string[];
    /** `addColumn('orders', 'customerId', { references })`. */
    readonly addColumn: readonly string[];
    /** `addConstraint('orders', { type: 'foreign key', fields: ['customerId'], references })`. */
    readonly addConstraint: readonly string[];
    readonly addIndex: readonly string[];
    /** The attribute key that makes a foreign key. */
    readonly referencesKey: string;
    /** The attribute key that renames the column (`field: 'customer_id'`). */
    readonly fieldKey?: string;
    /** Attribute keys whose `true` indexes the column (`unique`, `primaryKey`). */
    readonly indexedKeys: readonly string[];
    /** The constraint `type` values that index their fields (`unique`, `primary key`). */
    readonly indexingConstraintTypes: readonly string[];
  };
  /** Decorated entity classes (TypeORM: `@ManyToOne()` on a property, `@Index()` on it or on the class). */
  readonly decorators?: {
    /** Relations that own a foreign-key column without indexing it. */
    readonly relations: readonly string[];
    /** Decorators that index the property they sit on, or the properties they list when on the class. */
    readonly indexes: readonly string[];
    /** Decorators that make the column a key (indexed): `PrimaryColumn`. */
    readonly keys?: readonly string[];
    /** The join-column decorator, whose `name` is the column's name. */
    readonly joinColumn?: string;
  };
  /**
   * Table functions that take a columns object and an extra-config callback (Drizzle:
   * `pgTable('orders', { customerId: integer('customer_id').references(() => customers.id) }, (t) => [index('i').on(t.customerId)])`).
   */
  readonly tableBuilder?: {
    readonly tables: readonly string[];
    /** Table functions of databases that index foreign keys themselves (MySQL's `mysqlTable`). */
    readonly selfIndexing?: readonly string[];
    /** The column-chain method that makes a foreign key. */
    readonly references: string;
    /** The extra-config function that declares a (composite) foreign key: `foreignKey({ columns, foreignColumns })`. */
    readonly foreignKey: string;
    /** Extra-config functions whose `.on(t.a, t.b)` index columns (`index`, `uniqueIndex`, `unique`). */
    readonly indexes: readonly string[];
    /** Extra-config functions that take `{ columns: [t.a, t.b] }` (`primaryKey`). */
    readonly keys: readonly string[];
    /** Column-chain methods that index the column (`primaryKey`, `unique`). */
    readonly columnIndexes: readonly string[];
  };
  /** How to add the index in this library, for the message. */
  readonly indexAdvice: string;
}
