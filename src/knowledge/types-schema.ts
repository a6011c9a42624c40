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
  /** How models declare columns, and which of their parts the library fills in when left out (require-explicit-column-type). */
  readonly columns?: ColumnKnowledge;
  /** How a model says its rows are soft-deleted, and which calls still delete them for good (prefer-soft-delete). */
  readonly softDelete?: SoftDeleteKnowledge;
}

/**
 * The parts of a column a model may leave to the ORM (require-explicit-column-type). Type names are
 * compared case-insensitively; a type the lists do not name counts as given and needs no size.
 */
export interface ColumnTypeNames {
  /** Types whose size the ORM picks when no length is given (`varchar`, Sequelize `STRING`). */
  readonly length: readonly string[];
  /** Types whose precision and scale the ORM or the database picks when not given (`decimal`, `numeric`). */
  readonly precision: readonly string[];
  /** Types that make no column at all (Sequelize `VIRTUAL`): the attribute is never reported. */
  readonly virtual?: readonly string[];
}

/** An option whose presence (or, with `equals`, whose literal value) makes the property no ordinary column. */
export interface ColumnOptionCondition {
  readonly key: string;
  /** The literal value that exempts; without it, any value but the literal `false` does. */
  readonly equals?: boolean | string;
}

/** The option keys that state each part of a column. */
export interface ColumnOptionKeys {
  /** Keys that give the type (`type`; MikroORM `columnType`). */
  readonly type: readonly string[];
  /** Keys whose text carries the size with the type: `columnType: 'varchar(64)'`. */
  readonly sizedType?: readonly string[];
  readonly length: readonly string[];
  /** Absent where the size is written in the type itself (Sequelize `DECIMAL(10, 2)`). */
  readonly precision?: string;
  readonly scale?: string;
  /** The nullability key (`nullable`, `allowNull`). */
  readonly nullable: string;
}

/**
 * Decorated entity classes: TypeORM `@Column()`, MikroORM `@Property()`, sequelize-typescript `@Column`.
 * The decorators come from the library's modules (by import, or by declaration in typed mode).
 */
export interface DecoratorColumnKnowledge {
  /** Decorators that declare a column the rule checks (tracked by import, so written as exports), and those among them whose own kind gives the type (MikroORM `@Enum`). */
  readonly columns: { readonly export: readonly string[] };
  readonly typeImplied?: readonly string[];
  /**
   * The decorator's first argument may be the type: followed by options (`@Column('varchar', { length: 100 })`,
   * TypeORM), or alone, so options replace it (`@Column(DataType.TEXT)` or `@Column({ type, allowNull })`, sequelize-typescript).
   */
  readonly typeArgument?: 'with-options' | 'alone';
  /** A first argument that is a function gives an embedded object, not a column (TypeORM `@Column(() => Address)`). */
  readonly functionArgumentEmbeds?: boolean;
  readonly keys: ColumnOptionKeys;
  readonly types: ColumnTypeNames;
  /** Options that make the property a key, a generated value or no column (`primary: true`, `persist: false`). */
  readonly exemptOptions: readonly ColumnOptionCondition[];
  /** Other decorators on the same property that make it a key, a timestamp or a relation (`@PrimaryKey`, `@CreatedAt`, `@ManyToOne`). */
  readonly exemptDecorators: readonly string[];
  /** Decorators that state the nullability (`@AllowNull(false)`; bare `@AllowNull` means `true`). */
  readonly nullableDecorators?: readonly string[];
  /** TypeScript annotations the library reads as a column type the rule accepts as stated (`string` in MikroORM). */
  readonly annotationGivesType?: readonly string[];
  /** TypeScript annotations the library turns into a type of the `length` list when no type is given (`string` → `varchar(255)`). */
  readonly annotationNeedsLength?: readonly string[];
  /** Type option text a suggestion may add for an annotation, where the mapping is certain (`boolean` → `'boolean'`). */
  readonly suggestedTypes?: Readonly<Record<string, string>>;
  /** How a fully stated column reads in this library, for the message. */
  readonly advice: string;
  /**
   * Entities written as data rather than decorated classes (`new EntitySchema({ columns: { name: { type: 'varchar' } } })`):
   * each entry of the object under `path` in the constructor's `argument` is one column's options, read with the keys and
   * types above. `exemptOptions` adds the markers written there for keys, timestamps and relations (`createDate: true`, a relation's `entity`).
   */
  readonly schemas?: readonly EntitySchemaSpec[];
}

/** One way of writing entities as data: a constructor (`new EntitySchema(…)`) or a function (`defineEntity(…)`). */
export interface EntitySchemaSpec {
  readonly callee: { readonly export: string };
  readonly argument: number;
  /** The key whose object (or a function returning it: `properties: (p) => ({ … })`) holds the columns. */
  readonly path: string;
  readonly exemptOptions: readonly ColumnOptionCondition[];
  readonly advice: string;
  /**
   * Columns written as builder chains instead of options (MikroORM `defineEntity`: `name: p.string().length(100)`):
   * the factory names the type (`string`, `decimal`, read with the type lists above), chain methods add the rest.
   */
  readonly propertyBuilders?: PropertyBuilderKnowledge;
}

export interface PropertyBuilderKnowledge {
  /** The library's builders object, by export (`p`, `defineEntity.properties`); the properties function's parameter is one too. */
  readonly roots: readonly string[];
  /** The factory that takes the type as its argument: `p.type('varchar')`. */
  readonly typeFactory: string;
  /** Chain methods that state a length (`length(100)`), precision and scale (both needed), or the sized type as text (`columnType('varchar(64)')`). */
  readonly lengthMethods: readonly string[];
  readonly precisionMethods: readonly string[];
  readonly scaleMethods: readonly string[];
  readonly sizedTypeMethods: readonly string[];
  /** Chain methods that make the property a key, a generated value or no column: `primary()`, `onCreate(…)`, `persist(false)`. */
  readonly exemptMethods: readonly { readonly method: string; readonly firstArgument?: boolean }[];
  /**
   * Whether a chain must state the nullability. False where the builder has no way to say "not null" (MikroORM's
   * `nullable()` takes no argument): a property without it is NOT NULL by the builder's own definition and type.
   */
  readonly nullabilityRequired: boolean;
}

/**
 * Attribute objects handed to a model definition (Sequelize `Model.init(attributes, options)`,
 * `sequelize.define(name, attributes, options)`), each attribute a bare type or an options object.
 */
export interface AttributeColumnKnowledge {
  /** Where the attributes object sits: `{ callee, argument, path: [] }`. `byShape` sites also match when the receiver comes from another file. */
  readonly sites: readonly ArgumentSiteSpec[];
  /** Tier 3 for a `byShape` site: a method receiver named like this (`sequelize.define`), or an options argument with this key (`init(attrs, { sequelize })`). */
  readonly shape: {
    readonly receiverEndsWith: readonly string[];
    readonly optionsKey: string;
    /** Roots of type expressions the attributes must use (`DataTypes.STRING`, and the CLI's `(sequelize, DataTypes) =>` parameter). */
    readonly typeRoots: readonly string[];
  };
  readonly keys: ColumnOptionKeys;
  readonly types: ColumnTypeNames;
  readonly exemptOptions: readonly ColumnOptionCondition[];
  /** Attribute names the library fills itself (timestamps): declared again only to rename or index them. */
  readonly exemptAttributes: readonly string[];
  readonly advice: string;
}

/** Drizzle-style table functions and their column builders. */
export interface BuilderColumnKnowledge {
  /** The table functions, by export: `pgTable('users', { name: varchar('name', { length: 64 }).notNull() })`. */
  readonly tables: { readonly export: readonly string[] };
  /** Per dialect: its table functions and the builders whose size is left to the database. */
  readonly dialects: readonly {
    readonly tables: readonly string[];
    readonly builders: readonly string[];
    readonly types: ColumnTypeNames;
  }[];
  /** The builder option keys for length, precision and scale (`{ length: 64 }`, `{ precision: 10, scale: 2 }`). */
  readonly keys: Pick<ColumnOptionKeys, 'length' | 'precision' | 'scale'>;
  /** Chain methods that make the column NOT NULL (`notNull`, `primaryKey`). */
  readonly notNull: readonly string[];
  /** Builders and chain methods that make a generated key, never reported (`serial`, `generatedAlwaysAsIdentity`). */
  readonly keyBuilders: readonly string[];
  readonly keyMethods: readonly string[];
  /** Functions whose result is itself a column builder (`const role = pgEnum('role', […])` … `role('role')`). */
  readonly builderFactories?: readonly string[];
  readonly advice: string;
}

export interface ColumnKnowledge {
  readonly decorators?: DecoratorColumnKnowledge;
  readonly attributes?: AttributeColumnKnowledge;
  readonly builders?: BuilderColumnKnowledge;
}

/**
 * Soft delete (prefer-soft-delete), read by `src/analysis/schema/soft-delete.ts`: how a model declares
 * that its rows are kept with a deletion timestamp, how code names the model a delete runs on, and which
 * calls then remove rows for good. Every part is optional: a library lists what it has. Plain data.
 */
export interface SoftDeleteKnowledge {
  /** How the message names the declaration: "`@DeleteDateColumn()`", "`paranoid: true`". */
  readonly marker: string;
  /** Property decorators that make their class soft-deleted, inherited by subclasses (TypeORM `DeleteDateColumn`). */
  readonly columnDecorators?: readonly string[];
  /** Options objects that turn soft delete on: a class decorator's (`@Table({ paranoid: true })`) or a model definition's. */
  readonly optionSites?: readonly SoftDeleteOptionSite[];
  /** Decorators that name a class's table: `@Entity('users')`, `@Entity({ name: 'users' })`. */
  readonly tableDecorators?: readonly string[];
  /** How the table is named when nothing names it: TypeORM snake-cases the class name, Sequelize pluralises the model name. */
  readonly tableNaming: 'snake_case' | 'plural';
  /** The column the deletion time is kept in when nothing names it otherwise (`deletedAt`). */
  readonly deletedAtDefault?: string;
  /** Methods that delete rows for good, with the call that keeps them instead. */
  readonly hardMethods?: readonly HardDeleteMethodSpec[];
  /**
   * Methods that delete for good only when an option says so (Sequelize `destroy({ force: true })`; without
   * it a paranoid model's rows are only marked deleted).
   */
  readonly forceOption?: { readonly methods: readonly string[]; readonly key: string; readonly argument: number };
  /**
   * The options key that holds a delete's criteria (Sequelize `where`); without one, an object argument is the
   * criteria itself (TypeORM `delete({ deletedAt: LessThan(cutoff) })`). A delete that selects rows by their
   * deletion time purges rows that are already soft-deleted: that is the hard delete soft delete plans for.
   */
  readonly whereKey?: string;
  /** How code names the entity a repository works on (TypeORM, NestJS). */
  readonly repositories?: {
    /** Methods whose first argument is the entity class: `dataSource.getRepository(User)`. */
    readonly factories?: readonly string[];
    /** Parameter and property decorators whose first argument is the entity class: `@InjectRepository(User)`. */
    readonly decorators?: readonly string[];
    /** Generic types whose first type argument is the entity: `Repository<User>`. */
    readonly types?: readonly string[];
  };
  /**
   * Objects that take the entity class as a delete's first argument (`manager.delete(User, id)`): their kinds in
   * the import engine, and the names such a receiver goes by when nothing else says what it is (compared at the
   * end of the name, case-insensitively: `manager`, `queryRunner.manager`, `transactionalEntityManager`).
   */
  readonly managers?: { readonly kinds: readonly string[]; readonly names: readonly string[] };
  /** The query builder: `createQueryBuilder(User, 'u')`, and `from(User)` after `delete()`. */
  readonly queryBuilder?: { readonly create: readonly string[]; readonly from: string };
  /** How to delete softly instead, for the message. */
  readonly advice: string;
}

/** A hard delete and its soft counterpart, by what it is called on. */
export interface HardDeleteMethodSpec {
  readonly method: string;
  /** The method that marks rows deleted instead; the suggestion swaps the name when it takes the same arguments. */
  readonly soft: string;
  /**
   * What the call is made on: a repository of the entity (`repo.delete(id)`), an entity manager given the class
   * first (`manager.delete(User, id)`) or an entity (`manager.remove(user)`), the entity class itself (active
   * record `User.delete(id)`), an entity (`user.remove()`), or a query builder (`.delete().from(User)`).
   */
  readonly on: readonly ('repository' | 'manager' | 'model' | 'instance' | 'builder')[];
  /** What the entity class calls instead when it has no static soft method (TypeORM's `BaseEntity` has no `softDelete`). */
  readonly modelSoft?: string;
}

/** An options object that turns soft delete on for the model it defines. */
export interface SoftDeleteOptionSite {
  /** A class decorator that takes it (sequelize-typescript `Table`). */
  readonly decorator?: string;
  /** Or a method that defines a model with it: `init` (on the model class) or `define` (on the instance, the model is its result). */
  readonly method?: string;
  /** For `method`: whether the model is the receiver (`User.init`) or the call's result (`sequelize.define`). */
  readonly model?: 'receiver' | 'result';
  /** Which argument holds the options. */
  readonly argument: number;
  /** For a result model: which argument holds its name (`define('user', …)`). */
  readonly nameArgument?: number;
  /** The key that turns soft delete on when `true` (`paranoid`). */
  readonly key: string;
  /** Keys whose literal `false` turns it back off (`timestamps: false`, `deletedAt: false`). */
  readonly offWhenFalse?: readonly string[];
  /** The key naming the deletion column (`deletedAt: 'removed_at'`). */
  readonly deletedAtKey?: string;
  /** Keys naming the table, the model, keeping the name as is, and snake-casing it. */
  readonly tableNameKey?: string;
  readonly modelNameKey?: string;
  readonly freezeTableNameKey?: string;
  readonly underscoredKey?: string;
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
