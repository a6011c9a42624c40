/**
 * Answers "which foreign keys does this file declare, and does an index serve each?" for
 * require-fk-index. A foreign key is served by an index (or a unique or primary key) on its table
 * whose leading columns are the key's; a partial index (`WHERE …`) does not serve every lookup.
 *
 * The rule's visitors hand the nodes worth a look to a per-file `KeyCollector`; at the end of the
 * file it resolves every key against the indexes of the file and, for a migration, of the other
 * migrations of its folder (`sibling-indexes.ts`). Everything it knows about the libraries comes
 * from `schema.foreignKeys` in `src/knowledge`.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { ForeignKeyKnowledge } from '../../knowledge/types-schema';
import { childNodes, isStringLiteral, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { AST_NODE_TYPES } from '../../util/node-types';
import { matchCallee, type CalleeCandidate } from '../objects/call-sites';
import type { AnyRuleContext } from '../per-file';
import { mayDeclareKeys, normaliseIdentifier, sqlKeys, type SqlIndex } from './sql-keys';
import { anyOfWords } from '../text-screen';
import { looksLikeTableDefinition, madeTableFunction, tableColumnsObject } from './table-functions';

type Knowledge = ForeignKeyKnowledge;
type SchemaBuilder = NonNullable<Knowledge['schemaBuilder']>;
type QueryInterface = NonNullable<Knowledge['queryInterface']>;
type TableBuilder = NonNullable<Knowledge['tableBuilder']>;
type Decorators = NonNullable<Knowledge['decorators']>;

interface Entry<T> {
  readonly library: LibraryKnowledge;
  readonly spec: T;
}

const withKeys = libraries.filter((library) => library.schema?.foreignKeys);
const schemaBuilders: Entry<SchemaBuilder>[] = withKeys.flatMap((library) => (library.schema?.foreignKeys?.schemaBuilder ? [{ library, spec: library.schema.foreignKeys.schemaBuilder }] : []));
const queryInterfaces: Entry<QueryInterface>[] = withKeys.flatMap((library) => (library.schema?.foreignKeys?.queryInterface ? [{ library, spec: library.schema.foreignKeys.queryInterface }] : []));
const tableBuilders: Entry<TableBuilder>[] = withKeys.flatMap((library) => (library.schema?.foreignKeys?.tableBuilder ? [{ library, spec: library.schema.foreignKeys.tableBuilder }] : []));
const relationCandidates: CalleeCandidate<Entry<Decorators>>[] = withKeys.flatMap((library) => {
  const spec = library.schema?.foreignKeys?.decorators;
  return spec ? [{ library, callee: { export: spec.relations }, entry: { library, spec } }] : [];
});

/** Call names the rule's visitor looks at: everything else is skipped with one set lookup. */
export const keyCallNames: ReadonlySet<string> = new Set([
  ...schemaBuilders.flatMap(({ spec }) => [spec.references, ...spec.indexMethods]),
  ...queryInterfaces.flatMap(({ spec }) => [...spec.addIndex, ...spec.addConstraint]),
  ...tableBuilders.flatMap(({ spec }) => [spec.references, ...spec.tables]),
]);
export const referencesKeys: ReadonlySet<string> = new Set(queryInterfaces.map(({ spec }) => spec.referencesKey));
export const relationDecoratorNames: ReadonlySet<string> = new Set(relationCandidates.flatMap(({ entry }) => entry.spec.relations));

/**
 * Words every foreign key the rule can report is written with, in any case: a schema builder's
 * `.references()` / `.foreign()`, Sequelize's `references` key and `'foreign key'` constraint,
 * Drizzle's `.references()` / `foreignKey()`, SQL's `REFERENCES` / `FOREIGN KEY`, a relation
 * decorator. A file without one has no key to check.
 */
export const foreignKeyWords: RegExp = anyOfWords(
  [
    'references',
    'foreign',
    ...schemaBuilders.flatMap(({ spec }) => [spec.references, spec.foreign]),
    ...queryInterfaces.map(({ spec }) => spec.referencesKey),
    ...tableBuilders.flatMap(({ spec }) => [spec.references, spec.foreignKey]),
    ...relationDecoratorNames,
  ],
  'i',
);

export interface ForeignKeyFinding {
  readonly table: string;
  readonly columns: readonly string[];
  readonly loc: TSESTree.SourceLocation;
  readonly node: TSESTree.Node;
  /** How to add the index, for the message (the library's advice with its blanks filled in). */
  readonly advice: string;
  /** A property name, where the index is declared by property (TypeORM, Drizzle). */
  readonly property?: string;
  /** For an entity: the names its table and column may have in migrations (explicit, or the naming strategy's defaults). */
  readonly entity?: { readonly tables: readonly string[]; readonly columns: readonly string[] };
}

/** The first full (non-partial) index among `indexes` on one of the entity's table names that starts with one of its column names. */
export function entityIndexIn(finding: ForeignKeyFinding, indexes: readonly SqlIndex[]): SqlIndex | undefined {
  const entity = finding.entity;
  if (!entity) return undefined;
  const tables = new Set(entity.tables.map((table) => table.toLowerCase()));
  const columns = new Set(entity.columns.map((column) => column.toLowerCase()));
  return indexes.find((index) => !index.partial && tables.has(index.table.toLowerCase()) && columns.has(index.columns[0]?.toLowerCase() ?? ''));
}

/** TypeORM's default table name: `OrderItem` → `order_item`. */
function snakeCase(name: string): string {
  return name.replace(/([a-z\d])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

interface PendingKey extends ForeignKeyFinding {
  /** Served by something in its own declaration (`.index()` in the chain, `unique: true`). */
  readonly servedInPlace: boolean;
  /** Other names the key's columns go by (a TypeORM property and its join column). */
  readonly aliases?: readonly string[];
}

const SQL_ADVICE = 'add `CREATE INDEX ON {{table}} ({{columns}})` to the migration';

function fill(template: string, table: string, columns: readonly string[], extra: Record<string, string> = {}): string {
  let text = template
    .replaceAll('{{table}}', table)
    .replaceAll('{{columns}}', columns.map((column) => `'${column}'`).join(', '))
    .replaceAll('{{column}}', columns[0] ?? '');
  for (const [key, value] of Object.entries(extra)) text = text.replaceAll(`{{${key}}}`, value);
  return text;
}

/** The per-file collector the rule's visitors feed. */
export class KeyCollector {
  private readonly keys: PendingKey[] = [];
  private readonly indexes: SqlIndex[] = [];

  constructor(private readonly context: AnyRuleContext) {}

  /** Keys that no index of this file serves. */
  unserved(extraIndexes: () => readonly SqlIndex[]): ForeignKeyFinding[] {
    let candidates = this.keys.filter((key) => !key.servedInPlace && !this.isServed(key, this.indexes));
    if (candidates.length === 0) return [];
    const more = extraIndexes();
    if (more.length > 0) candidates = candidates.filter((key) => !this.isServed(key, more));
    return candidates;
  }

  private isServed(key: PendingKey, indexes: readonly SqlIndex[]): boolean {
    const names = [key.columns, ...(key.aliases ? [key.aliases] : [])].map((list) => list.map((column) => column.toLowerCase()));
    return indexes.some(
      (index) =>
        !index.partial &&
        index.table.toLowerCase() === key.table.toLowerCase() &&
        names.some((columns) => {
          const leading = index.columns.slice(0, columns.length).map((column) => column.toLowerCase());
          return columns.length <= index.columns.length && columns.every((column) => leading.includes(column));
        }),
    );
  }

  // ------------------------------------------------------------------------------------------ SQL text

  /** A string or template literal: foreign keys and indexes in SQL text. */
  text(node: TSESTree.StringLiteral | TSESTree.TemplateLiteral): void {
    const source = this.context.sourceCode.getText(node);
    // The literal's text as written, so offsets map to the source; cooked when escapes would shift them.
    const raw = source.slice(1, -1);
    const mapped = !raw.includes('\\');
    const text = mapped ? raw : node.type === AST_NODE_TYPES.Literal ? node.value : node.quasis.map((quasi) => quasi.value.cooked ?? '').join('${}');
    if (!mayDeclareKeys(text)) return;
    const keys = sqlKeys(text);
    this.indexes.push(...keys.indexes);
    for (const key of keys.foreignKeys) {
      const start = mapped ? this.context.sourceCode.getLocFromIndex(node.range[0] + 1 + key.offset) : node.loc.start;
      const line = mapped ? text.slice(key.offset).split('\n')[0]?.trimEnd().replace(/,$/, '') ?? '' : '';
      const end = mapped ? this.context.sourceCode.getLocFromIndex(node.range[0] + 1 + key.offset + line.length) : node.loc.end;
      this.keys.push({ table: key.table, columns: key.columns, loc: { start, end }, node, advice: fill(SQL_ADVICE, key.table, key.columns).replace(/'/g, ''), servedInPlace: false });
    }
  }

  // --------------------------------------------------------------------------------------------- calls

  call(call: TSESTree.CallExpression, name: string): void {
    const callee = unwrapExpression(call.callee);
    for (const { library, spec } of schemaBuilders) {
      if (callee.type === AST_NODE_TYPES.MemberExpression && name === spec.references) this.builderReference(call, callee, library, spec);
      else if (callee.type === AST_NODE_TYPES.MemberExpression && spec.indexMethods.includes(name)) this.builderIndex(call, callee, spec);
    }
    for (const { spec } of queryInterfaces) {
      if (spec.addIndex.includes(name)) this.addIndex(call);
      else if (spec.addConstraint.includes(name)) this.addConstraint(call, spec);
    }
    let table = false;
    for (const { library, spec } of tableBuilders) {
      if (spec.tables.includes(name)) {
        this.table(call, library, spec, name);
        table = true;
      }
    }
    if (table || !looksLikeTableDefinition(call)) return;
    // A table function the project made (`createTable = pgTableCreator(…)`), called by any name.
    for (const { library, spec } of tableBuilders) {
      const made = madeTableFunction(this.context, call, library, spec.tables);
      if (made !== undefined) this.table(call, library, spec, made);
    }
  }

  /** The table a schema-builder parameter builds: `createTable('orders', (t) => …)` for `t`. */
  private builderTable(identifier: TSESTree.Node, spec: SchemaBuilder): string | undefined {
    if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier) as TSESLint.Scope.Scope, identifier);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Parameter') return undefined;
    const fn = definition.node;
    if (fn.params[0] !== definition.name) return undefined;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    const method = referenceName(call.callee);
    const [table] = call.arguments;
    return method !== undefined && spec.tableMethods.includes(method) && isStringLiteral(table) ? normaliseIdentifier(table.value) : undefined;
  }

  /** `t.integer('customer_id').references('customers.id')`, `t.foreign(['a', 'b']).references(…)`. */
  private builderReference(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, library: LibraryKnowledge, spec: SchemaBuilder): void {
    const first = firstCallOfChain(callee.object);
    if (!first) return;
    const firstCallee = unwrapExpression(first.callee);
    if (firstCallee.type !== AST_NODE_TYPES.MemberExpression) return;
    const table = this.builderTable(unwrapExpression(firstCallee.object), spec);
    if (table === undefined) return;
    const columns = stringsOf(first.arguments[0]);
    if (!columns) return;
    const methods = chainMethods(call);
    const servedInPlace = staticKeyName(firstCallee) !== spec.foreign && methods.some((method) => spec.indexMethods.includes(method));
    const builder = this.context.sourceCode.getText(firstCallee.object);
    this.keys.push({
      table,
      columns,
      loc: { start: callee.property.loc.start, end: call.loc.end },
      node: call,
      advice: fill(library.schema?.foreignKeys?.indexAdvice ?? '', table, columns, { builder }),
      servedInPlace,
    });
  }

  /** `t.index(['customer_id'])`, `t.unique('email')`, `t.primary(['a', 'b'])`. */
  private builderIndex(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, spec: SchemaBuilder): void {
    const table = this.builderTable(unwrapExpression(callee.object), spec);
    if (table === undefined) return;
    const columns = stringsOf(call.arguments[0]);
    if (!columns) return;
    const options = call.arguments.find((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
    this.indexes.push({ table, columns, partial: options !== undefined && hasKey(options, 'predicate') });
  }

  /** `queryInterface.addIndex('orders', ['customer_id'])`, `addIndex('orders', { fields: [...], where })`. */
  private addIndex(call: TSESTree.CallExpression): void {
    const [tableArgument, second, third] = call.arguments;
    const table = tableName(tableArgument);
    if (table === undefined || !second) return;
    const fields = second.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(second, 'fields') : second;
    const columns = stringsOf(fields);
    if (!columns) return;
    const partial = (second.type === AST_NODE_TYPES.ObjectExpression && hasKey(second, 'where')) || (third?.type === AST_NODE_TYPES.ObjectExpression && hasKey(third, 'where'));
    this.indexes.push({ table, columns, partial });
  }

  /** `addConstraint('orders', { type: 'unique', fields: ['a'] })`: indexes; foreign keys come through `references`. */
  private addConstraint(call: TSESTree.CallExpression, spec: QueryInterface): void {
    const table = tableName(call.arguments[0]);
    const options = call.arguments.find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
    if (table === undefined || !options) return;
    const type = propertyValue(options, 'type');
    if (!isStringLiteral(type) || !spec.indexingConstraintTypes.includes(type.value.toLowerCase())) return;
    const columns = stringsOf(propertyValue(options, 'fields') ?? call.arguments[1]);
    if (columns) this.indexes.push({ table, columns, partial: hasKey(options, 'where') });
  }

  // --------------------------------------------------------------------------------- query interface

  /** `references: { model: 'customers' }` in `createTable`, `addColumn` or a foreign-key `addConstraint`. */
  references(property: TSESTree.Property): void {
    if (property.value.type !== AST_NODE_TYPES.ObjectExpression && !isStringLiteral(property.value)) return;
    const attributes = property.parent;
    if (attributes.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const { library, spec } of queryInterfaces) {
      if (staticKeyName(property) !== spec.referencesKey) continue;
      const found = this.attributeKey(attributes, spec);
      if (!found) continue;
      const servedInPlace = spec.indexedKeys.some((key) => isTrue(propertyValue(attributes, key)));
      this.keys.push({
        table: found.table,
        columns: found.columns,
        loc: property.loc,
        node: property,
        advice: fill(library.schema?.foreignKeys?.indexAdvice ?? '', found.table, found.columns),
        servedInPlace,
      });
      return;
    }
  }

  private attributeKey(attributes: TSESTree.ObjectExpression, spec: QueryInterface): { table: string; columns: string[] } | undefined {
    const holder = attributes.parent;
    // addColumn('orders', 'customer_id', { … }), addConstraint('orders', { type: 'foreign key', … }).
    if (holder?.type === AST_NODE_TYPES.CallExpression) {
      const method = referenceName(holder.callee);
      const table = tableName(holder.arguments[0]);
      if (method === undefined || table === undefined) return undefined;
      if (spec.addColumn.includes(method) && holder.arguments[2] === attributes) {
        const column = holder.arguments[1];
        return isStringLiteral(column) ? { table, columns: [normaliseIdentifier(column.value)] } : undefined;
      }
      if (spec.addConstraint.includes(method)) {
        const type = propertyValue(attributes, 'type');
        if (!isStringLiteral(type) || type.value.toLowerCase() !== 'foreign key') return undefined;
        const columns = stringsOf(propertyValue(attributes, 'fields') ?? holder.arguments[1]);
        return columns ? { table, columns } : undefined;
      }
      return undefined;
    }
    // createTable('orders', { customer_id: { type, references } }).
    if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== attributes) return undefined;
    const table = holder.parent;
    const call = table.parent;
    if (table.type !== AST_NODE_TYPES.ObjectExpression || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== table) return undefined;
    const method = referenceName(call.callee);
    const tableNameValue = tableName(call.arguments[0]);
    if (method === undefined || !spec.createTable.includes(method) || tableNameValue === undefined) return undefined;
    const field = spec.fieldKey ? propertyValue(attributes, spec.fieldKey) : undefined;
    const column = isStringLiteral(field) ? field.value : staticKeyName(holder);
    return column === undefined ? undefined : { table: tableNameValue, columns: [normaliseIdentifier(column)] };
  }

  // ------------------------------------------------------------------------------------- table builders

  /** `pgTable('orders', { customerId: integer('customer_id').references(() => customers.id) }, (t) => [...])`. */
  private table(call: TSESTree.CallExpression, library: LibraryKnowledge, spec: TableBuilder, tableFunction: string): void {
    const [nameArgument, columnsNode, config] = call.arguments;
    // The columns as an object, or Drizzle's newer `(t) => ({ customerId: t.integer().references(…) })`.
    const columnsArgument = columnsNode && tableColumnsObject(columnsNode);
    if (!isStringLiteral(nameArgument) || !columnsArgument) return;
    if (spec.selfIndexing?.includes(tableFunction)) return;
    const table = normaliseIdentifier(nameArgument.value);
    const configFunction = config && (config.type === AST_NODE_TYPES.ArrowFunctionExpression || config.type === AST_NODE_TYPES.FunctionExpression) ? config : undefined;
    const tableIndexes: SqlIndex[] = [];
    const foreignKeys: TSESTree.CallExpression[] = [];
    if (configFunction) {
      walk(configFunction.body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const method = referenceName(node.callee);
        if (method === 'on' && node.callee.type === AST_NODE_TYPES.MemberExpression) {
          const maker = unwrapExpression(node.callee.object);
          const makerName = maker.type === AST_NODE_TYPES.CallExpression ? referenceName(maker.callee) : undefined;
          if (makerName !== undefined && spec.indexes.includes(makerName)) {
            const columns = node.arguments.map(propertyOfMember);
            const partial = chainMethods(node).includes('where');
            if (columns.every((column): column is string => column !== undefined)) tableIndexes.push({ table, columns, partial });
          }
        } else if (method !== undefined && spec.keys.includes(method)) {
          const options = node.arguments[0];
          const columns = options?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(options, 'columns') : undefined;
          if (columns?.type === AST_NODE_TYPES.ArrayExpression) {
            const names = columns.elements.map((element) => (element ? propertyOfMember(element) : undefined));
            if (names.every((column): column is string => column !== undefined)) tableIndexes.push({ table, columns: names, partial: false });
          }
        } else if (method === spec.foreignKey) {
          foreignKeys.push(node);
        }
      });
    }
    this.indexes.push(...tableIndexes);
    const advice = library.schema?.foreignKeys?.indexAdvice ?? '';
    for (const property of columnsArgument.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = staticKeyName(property);
      const value = unwrapExpression(property.value);
      if (key === undefined || value.type !== AST_NODE_TYPES.CallExpression) continue;
      const methods = [...chainMethods(firstCallOfChain(value) ?? value)];
      const reference = findInChain(value, spec.references);
      if (!reference) continue;
      const referenceCallee = unwrapExpression(reference.callee) as TSESTree.MemberExpression;
      this.keys.push({
        table,
        columns: [key],
        loc: { start: referenceCallee.property.loc.start, end: reference.loc.end },
        node: reference,
        advice: fill(advice, table, [key], { property: key }),
        property: key,
        servedInPlace: methods.some((method) => spec.columnIndexes.includes(method)),
      });
    }
    for (const foreignKey of foreignKeys) {
      const options = foreignKey.arguments[0];
      const columns = options?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(options, 'columns') : undefined;
      if (columns?.type !== AST_NODE_TYPES.ArrayExpression) continue;
      const names = columns.elements.map((element) => (element ? propertyOfMember(element) : undefined));
      if (!names.every((column): column is string => column !== undefined) || names.length === 0) continue;
      this.keys.push({
        table,
        columns: names,
        loc: foreignKey.loc,
        node: foreignKey,
        advice: fill(advice, table, names, { property: names.join(', t.') }),
        property: names[0],
        servedInPlace: false,
      });
    }
  }

  // ------------------------------------------------------------------------------------------ decorators

  /** `@ManyToOne(() => Customer)` on a property of an entity class. */
  decorator(decorator: TSESTree.Decorator): void {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression) return;
    const member = decorator.parent;
    if (member?.type !== AST_NODE_TYPES.PropertyDefinition && member?.type !== AST_NODE_TYPES.AccessorProperty) return;
    const property = staticKeyName(member as TSESTree.PropertyDefinition);
    const classNode = member.parent?.parent;
    if (property === undefined || (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression)) return;
    const match = matchCallee(this.context, call, relationCandidates);
    if (!match) return;
    const { library, spec } = match.candidate.entry;
    const decoratorNames = (member.decorators ?? []).map((other) => decoratorName(other));
    const joinColumnDecorator = (member.decorators ?? []).find((other) => decoratorName(other) === spec.joinColumn);
    const joinColumn = joinColumnName(joinColumnDecorator);
    const servedInPlace =
      decoratorNames.some((name) => name !== undefined && (spec.indexes.includes(name) || (spec.keys ?? []).includes(name))) ||
      classIndexes(classNode, spec).some((columns) => {
        const leading = columns[0]?.toLowerCase();
        return leading === property.toLowerCase() || (joinColumn !== undefined && leading === joinColumn.toLowerCase());
      });
    const explicit = entityTable(classNode);
    const table = explicit ?? classNode.id?.name ?? 'entity';
    const column = joinColumn ?? `${property}Id`;
    this.keys.push({
      table,
      columns: [property],
      aliases: [column],
      loc: member.key.loc,
      node: member,
      advice: fill(library.schema?.foreignKeys?.indexAdvice ?? '', table, [property]),
      property,
      servedInPlace,
      entity: {
        tables: explicit ? [explicit] : [table, snakeCase(table)],
        columns: joinColumn ? [joinColumn] : [`${property}Id`, `${property}_id`],
      },
    });
  }
}

// ------------------------------------------------------------------------------------------------ helpers

export function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visit(node);
  for (const [, child] of childNodes(node)) walk(child, visit);
}

/** `t.integer('a').unsigned().references('id')` → the `t.integer('a')` call. */
export function firstCallOfChain(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current = unwrapExpression(node);
  let first: TSESTree.CallExpression | undefined;
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      first = current;
      current = unwrapExpression(current.callee);
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
    } else {
      return first;
    }
  }
}

/** Every method called in the chain a call belongs to, from its start to its outermost call. */
export function chainMethods(call: TSESTree.CallExpression): string[] {
  const methods: string[] = [];
  let top: TSESTree.Node = call;
  while (top.parent && ((top.parent.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) || (top.parent.type === AST_NODE_TYPES.CallExpression && top.parent.callee === top))) {
    top = top.parent;
  }
  let current: TSESTree.Node = top;
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const name = referenceName(current.callee);
      if (name !== undefined) methods.push(name);
      current = unwrapExpression(current.callee);
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
    } else {
      return methods;
    }
  }
}

function findInChain(node: TSESTree.Node, method: string): TSESTree.CallExpression | undefined {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(callee) === method) return current;
      current = callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
    } else {
      return undefined;
    }
  }
}

/** `'a'` or `['a', 'b']` → names. */
function stringsOf(node: TSESTree.Node | undefined): string[] | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (isStringLiteral(value)) return [normaliseIdentifier(value.value)];
  if (value.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const names: string[] = [];
  for (const element of value.elements) {
    if (isStringLiteral(element ?? undefined)) names.push(normaliseIdentifier((element as TSESTree.StringLiteral).value));
    else if (element?.type === AST_NODE_TYPES.ObjectExpression) {
      // Sequelize's `{ name: 'a', order: 'DESC' }` / `{ attribute: 'a' }`.
      const name = propertyValue(element, 'name') ?? propertyValue(element, 'attribute');
      if (!isStringLiteral(name)) return undefined;
      names.push(normaliseIdentifier(name.value));
    } else return undefined;
  }
  return names.length > 0 ? names : undefined;
}

function tableName(node: TSESTree.Node | undefined): string | undefined {
  if (isStringLiteral(node)) return normaliseIdentifier(node.value);
  if (node?.type === AST_NODE_TYPES.ObjectExpression) {
    const name = propertyValue(node, 'tableName');
    return isStringLiteral(name) ? normaliseIdentifier(name.value) : undefined;
  }
  return undefined;
}

export function propertyValue(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === key) return property.value;
  }
  return undefined;
}

function hasKey(object: TSESTree.Node, key: string): boolean {
  return object.type === AST_NODE_TYPES.ObjectExpression && propertyValue(object, key) !== undefined;
}

function isTrue(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === true;
}

/** `t.customerId` → `customerId`. */
function propertyOfMember(node: TSESTree.Node): string | undefined {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(value) : undefined;
}

export function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  return referenceName(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
}

function joinColumnName(decorator: TSESTree.Decorator | undefined): string | undefined {
  const call = decorator?.expression;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const [options] = call.arguments;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const name = propertyValue(options, 'name');
  return isStringLiteral(name) ? name.value : undefined;
}

/** The column lists of the class's own index decorators: `@Index(['customer', 'createdAt'])`, `@Unique('u', ['a'])`, `@Index((o) => [o.customer])`. */
function classIndexes(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, spec: Decorators): string[][] {
  const lists: string[][] = [];
  for (const decorator of classNode.decorators ?? []) {
    const name = decoratorName(decorator);
    if (name === undefined || !spec.indexes.includes(name) || decorator.expression.type !== AST_NODE_TYPES.CallExpression) continue;
    for (const argument of decorator.expression.arguments) {
      const strings = stringsOf(argument);
      if (strings) {
        if (argument.type === AST_NODE_TYPES.ArrayExpression) lists.push(strings);
        continue;
      }
      if (argument.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        const body = unwrapExpression(argument.body);
        if (body.type === AST_NODE_TYPES.ArrayExpression) {
          const names = body.elements.map((element) => (element ? propertyOfMember(element) : undefined));
          if (names.every((column): column is string => column !== undefined)) lists.push(names);
        }
      }
    }
  }
  return lists;
}

/** `@Entity('orders')`, `@Entity({ name: 'orders' })`; undefined when the naming strategy decides. */
function entityTable(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
  for (const decorator of classNode.decorators ?? []) {
    if (decoratorName(decorator) !== 'Entity' || decorator.expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const [first] = decorator.expression.arguments;
    if (isStringLiteral(first)) return first.value;
    if (first?.type === AST_NODE_TYPES.ObjectExpression) {
      const name = propertyValue(first, 'name');
      if (isStringLiteral(name)) return name.value;
    }
  }
  return undefined;
}
