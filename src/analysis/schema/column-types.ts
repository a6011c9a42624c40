/**
 * Answers "which parts of this model column does the model leave to the ORM?" for
 * require-explicit-column-type: the type, the size (length, or precision and scale) and the
 * nullability. Three shapes, each read from `schema.columns` in `src/knowledge`:
 *
 * - decorated entity properties (TypeORM `@Column()`, MikroORM `@Property()`, sequelize-typescript `@Column`);
 * - attribute objects given to a model definition (Sequelize `Model.init`, `sequelize.define`);
 * - table functions and their column builders (Drizzle `pgTable('users', { name: varchar('name') })`).
 *
 * The rule's visitors hand over only nodes whose name is in one of the exported name sets; the
 * library is then confirmed by import (tier 2), by declaration in typed mode (tier 1), and for
 * Sequelize's definitions also by shape (tier 3). A part the code states through anything the
 * engine cannot read (a spread, a variable holding the options) counts as stated: never guess a miss.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type {
  AttributeColumnKnowledge,
  BuilderColumnKnowledge,
  ColumnOptionCondition,
  ColumnTypeNames,
  DecoratorColumnKnowledge,
  EntitySchemaSpec,
  PropertyBuilderKnowledge,
} from '../../knowledge/types-schema';
import { isStringLiteral, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { AST_NODE_TYPES } from '../../util/node-types';
import { matchCallee, type CalleeCandidate } from '../objects/call-sites';
import { getLibraryIndex } from '../objects/imports';
import { declarationOf } from '../objects/type-checker';
import type { AnyRuleContext } from '../per-file';
import { chainMethods, decoratorName, firstCallOfChain, propertyValue, walk } from './foreign-keys';
import { madeTableFunction, tableColumnsObject } from './table-functions';

export type MissingPart = 'type' | 'length' | 'precision and scale' | 'nullability';

/** A property the suggestion adds to the column's options: `nullable: true`. */
export interface CertainOption {
  readonly key: string;
  readonly value: string;
}

export interface ColumnFinding {
  readonly library: LibraryKnowledge;
  /** The column's name as the model spells it (property or attribute key). */
  readonly column: string;
  /** Where the report sits: the property or attribute key. */
  readonly node: TSESTree.Node;
  readonly missing: readonly MissingPart[];
  readonly advice: string;
  /** What may be added with certainty, and where (decorated properties only). */
  readonly certain?: {
    readonly options: readonly CertainOption[];
    readonly decorator: TSESTree.Decorator;
    readonly because: string;
    /** The decorator takes a type or options, not both: a type argument moves into the options under this key. */
    readonly typeKey?: string;
  };
}

interface Entry<T> {
  readonly library: LibraryKnowledge;
  readonly spec: T;
}

const withColumns = libraries.filter((library) => library.schema?.columns);
const decoratorEntries: CalleeCandidate<Entry<DecoratorColumnKnowledge>>[] = withColumns.flatMap((library) => {
  const spec = library.schema?.columns?.decorators;
  return spec ? [{ library, callee: spec.columns, entry: { library, spec } }] : [];
});
const attributeEntries: CalleeCandidate<Entry<AttributeColumnKnowledge> & { argument: number }>[] = withColumns.flatMap((library) => {
  const spec = library.schema?.columns?.attributes;
  return (spec?.sites ?? []).map((site) => ({
    library,
    callee: site.callee,
    byShape: site.byShape,
    entry: { library, spec: spec!, argument: typeof site.argument === 'number' ? site.argument : 0 },
  }));
});
const builderEntries: CalleeCandidate<Entry<BuilderColumnKnowledge>>[] = withColumns.flatMap((library) => {
  const spec = library.schema?.columns?.builders;
  return spec ? [{ library, callee: spec.tables, entry: { library, spec } }] : [];
});

/** Decorator names worth a look: everything else is skipped with one set lookup. */
export const columnDecoratorNames: ReadonlySet<string> = new Set(decoratorEntries.flatMap(({ entry }) => entry.spec.columns.export));
/** Call names worth a look: model definitions and table functions. */
export const columnCallNames: ReadonlySet<string> = new Set([
  ...attributeEntries.flatMap(({ callee }) => ('method' in callee ? (typeof callee.method === 'string' ? [callee.method] : callee.method) : [])),
  ...builderEntries.flatMap(({ entry }) => entry.spec.tables.export),
]);

// ------------------------------------------------------------------------------------------------ types

interface TypeRead {
  /** The type's name as written: `varchar`, `STRING`, `types.string` → `string`. */
  readonly name: string;
  /** The size is written with the type: `STRING(100)`, `DECIMAL(10, 2)`, `'varchar(64)'`. */
  readonly sizeArguments?: readonly TSESTree.Node[];
  readonly sizedText?: boolean;
}

function lower(list: readonly string[] | undefined): Set<string> {
  return new Set((list ?? []).map((name) => name.toLowerCase()));
}

interface TypeLists {
  readonly length: ReadonlySet<string>;
  readonly precision: ReadonlySet<string>;
  readonly virtual: ReadonlySet<string>;
}

const typeListCache = new WeakMap<ColumnTypeNames, TypeLists>();
function typeLists(types: ColumnTypeNames): TypeLists {
  let lists = typeListCache.get(types);
  if (!lists) {
    lists = { length: lower(types.length), precision: lower(types.precision), virtual: lower(types.virtual) };
    typeListCache.set(types, lists);
  }
  return lists;
}

function isKnownType(lists: TypeLists, name: string): boolean {
  const key = name.toLowerCase();
  return lists.length.has(key) || lists.precision.has(key) || lists.virtual.has(key);
}

/**
 * What a type expression names: `'varchar'`, `DataTypes.STRING`, `DataTypes.STRING(100).BINARY`,
 * `new DataTypes.DECIMAL(10, 2)`, `types.string`, `JsonType`. A modifier after a known type
 * (`.BINARY`, `.UNSIGNED`) keeps the type it modifies.
 */
function readType(node: TSESTree.Node, lists: TypeLists): TypeRead | undefined {
  const value = unwrapExpression(node);
  if (isStringLiteral(value)) {
    const open = value.value.indexOf('(');
    return open === -1 ? { name: value.value.trim() } : { name: value.value.slice(0, open).trim(), sizedText: true };
  }
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
    const text = value.quasis[0]?.value.cooked ?? '';
    const open = text.indexOf('(');
    return open === -1 ? { name: text.trim() } : { name: text.slice(0, open).trim(), sizedText: true };
  }
  if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
    const inner = readType(value.callee, lists);
    if (!inner) return undefined;
    return inner.sizeArguments ? inner : { ...inner, sizeArguments: value.arguments };
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const object = readType(value.object, lists);
    if (object && isKnownType(lists, object.name)) return object;
    const name = staticKeyName(value);
    return name === undefined ? { name: '' } : { name };
  }
  if (value.type === AST_NODE_TYPES.Identifier) return { name: value.name };
  // Anything else (a conditional, a function's result) is a type the engine cannot name: given.
  return { name: '' };
}

/** A lone decorator argument that is surely a type: text, a call (`DataType.STRING(50)`), or a constant name (`DataType.TEXT`). */
function looksLikeType(node: TSESTree.Node, lists: TypeLists): boolean {
  if (isStringLiteral(node) || node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return true;
  const read = readType(node, lists);
  return read !== undefined && (isKnownType(lists, read.name) || /^[A-Z][A-Z0-9_]+$/.test(read.name));
}

/** `STRING(100)`, `DECIMAL(10, 2)`, `DECIMAL({ precision: 10, scale: 2 })`: does the type carry its size? */
function sizeFromArguments(args: readonly TSESTree.Node[] | undefined, needs: 'length' | 'precision'): boolean {
  if (!args || args.length === 0) return false;
  const first = unwrapExpression(args[0]!);
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    return needs === 'length' ? hasOption(first, 'length') : hasOption(first, 'precision') && hasOption(first, 'scale');
  }
  return needs === 'length' || args.length >= 2;
}

// ---------------------------------------------------------------------------------------------- options

/** The object's properties, or undefined when a spread may bring any of them. */
function readableKeys(object: TSESTree.ObjectExpression): Map<string, TSESTree.Node> | undefined {
  const keys = new Map<string, TSESTree.Node>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return undefined;
    const key = staticKeyName(property);
    if (key === undefined) return undefined;
    keys.set(key, property.value);
  }
  return keys;
}

function hasOption(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some((property) => property.type !== AST_NODE_TYPES.Property || staticKeyName(property) === key);
}

function isFalse(node: TSESTree.Node | undefined): boolean {
  const value = node && unwrapExpression(node);
  return value?.type === AST_NODE_TYPES.Literal && value.value === false;
}

function exempted(keys: ReadonlyMap<string, TSESTree.Node>, conditions: readonly ColumnOptionCondition[]): boolean {
  return conditions.some((condition) => {
    const value = keys.get(condition.key);
    if (value === undefined) return false;
    if (condition.equals === undefined) return !isFalse(value);
    const literal = unwrapExpression(value);
    return literal.type === AST_NODE_TYPES.Literal && literal.value === condition.equals;
  });
}

interface Stated {
  type?: TypeRead | 'given';
  length: boolean;
  precision: boolean;
  nullable: boolean;
}

/** Reads the type, size and nullability an options object states. */
function readOptions(keys: ReadonlyMap<string, TSESTree.Node>, spec: { keys: DecoratorColumnKnowledge['keys'] }, lists: TypeLists, stated: Stated): void {
  const { keys: names } = spec;
  for (const key of names.type) {
    const value = keys.get(key);
    if (value === undefined) continue;
    const read = readType(value, lists);
    stated.type = read ?? 'given';
    if (read?.sizedText && names.sizedType?.includes(key)) {
      stated.length = true;
      stated.precision = true;
    }
    if (read?.sizeArguments) {
      stated.length ||= sizeFromArguments(read.sizeArguments, 'length');
      stated.precision ||= sizeFromArguments(read.sizeArguments, 'precision');
    }
    break;
  }
  if (names.length.some((key) => keys.has(key))) stated.length = true;
  if (names.precision !== undefined && names.scale !== undefined && keys.has(names.precision) && keys.has(names.scale)) stated.precision = true;
  if (keys.has(names.nullable)) stated.nullable = true;
}

function missingParts(stated: Stated, lists: TypeLists, typeName: string | undefined): MissingPart[] {
  const missing: MissingPart[] = [];
  if (stated.type === undefined) missing.push('type');
  const name = typeName?.toLowerCase();
  if (name !== undefined && lists.length.has(name) && !stated.length) missing.push('length');
  if (name !== undefined && lists.precision.has(name) && !stated.precision) missing.push('precision and scale');
  if (!stated.nullable) missing.push('nullability');
  return missing;
}

// ------------------------------------------------------------------------------------------- decorators

interface Annotation {
  /** `string`, `number`, `boolean`, `Date`, or undefined for anything else. */
  readonly kind: string | undefined;
  /** `| null` is part of the type: the column must accept NULL. */
  readonly nullable: boolean;
  readonly text: string;
}

function keywordKind(type: TSESTree.TypeNode): string | undefined {
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
      return 'string';
    case AST_NODE_TYPES.TSNumberKeyword:
      return 'number';
    case AST_NODE_TYPES.TSBooleanKeyword:
      return 'boolean';
    case AST_NODE_TYPES.TSTypeReference:
      return type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Date' && !type.typeArguments ? 'Date' : undefined;
    default:
      return undefined;
  }
}

function readAnnotation(context: AnyRuleContext, member: TSESTree.PropertyDefinition | TSESTree.AccessorProperty): Annotation | undefined {
  const type = member.typeAnnotation?.typeAnnotation;
  if (!type) return undefined;
  const parts = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  const nullable = parts.some((part) => part.type === AST_NODE_TYPES.TSNullKeyword);
  const kinds = new Set(parts.filter((part) => part.type !== AST_NODE_TYPES.TSNullKeyword && part.type !== AST_NODE_TYPES.TSUndefinedKeyword).map(keywordKind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  return { kind, nullable, text: context.sourceCode.getText(type) };
}

/** Which library's column decorator this is, if any: by import, then (typed) by declaration. */
function matchDecorator(context: AnyRuleContext, decorator: TSESTree.Decorator): Entry<DecoratorColumnKnowledge> | undefined {
  const expression = unwrapExpression(decorator.expression);
  if (expression.type === AST_NODE_TYPES.CallExpression) return matchCallee(context, expression, decoratorEntries)?.candidate.entry;
  // A bare decorator (`@Column` in sequelize-typescript): the same two tiers on the reference itself.
  const origin = getLibraryIndex(context).originOf(expression);
  const name = referenceName(expression);
  if (origin) return decoratorEntries.find((entry) => entry.library === origin.library && origin.kind === 'export' && entry.entry.spec.columns.export.includes(origin.name))?.entry;
  const declaration = declarationOf(context, expression);
  if (!declaration?.library || name === undefined) return undefined;
  return decoratorEntries.find((entry) => entry.library === declaration.library && entry.entry.spec.columns.export.includes(declaration.name))?.entry;
}

/** `@Column(…)` on a class property: what it leaves to the ORM. */
export function decoratorColumn(context: AnyRuleContext, decorator: TSESTree.Decorator): ColumnFinding | undefined {
  const member = decorator.parent;
  if (member?.type !== AST_NODE_TYPES.PropertyDefinition && member?.type !== AST_NODE_TYPES.AccessorProperty) return undefined;
  const column = staticKeyName(member as TSESTree.PropertyDefinition);
  if (column === undefined) return undefined;
  const entry = matchDecorator(context, decorator);
  if (!entry) return undefined;
  const { library, spec } = entry;
  const others = (member.decorators ?? []).filter((other) => other !== decorator).map((other) => ({ name: decoratorName(other), node: other }));
  if (others.some((other) => other.name !== undefined && spec.exemptDecorators.includes(other.name))) return undefined;
  const lists = typeLists(spec.types);
  const call = unwrapExpression(decorator.expression);
  const args = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [];
  const stated: Stated = { length: false, precision: false, nullable: false };
  const ownName = decoratorName(decorator);
  if (ownName !== undefined && spec.typeImplied?.includes(ownName)) stated.type = 'given';

  const first = args[0] && unwrapExpression(args[0]);
  let options: TSESTree.Node | undefined;
  if (first && (first.type === AST_NODE_TYPES.ArrowFunctionExpression || first.type === AST_NODE_TYPES.FunctionExpression)) {
    if (spec.functionArgumentEmbeds) return undefined;
    options = args[1];
  } else if (first && first.type !== AST_NODE_TYPES.ObjectExpression && spec.typeArgument) {
    // `@Column(shared)` alone may hold options or a type: unreadable, so not a finding.
    if (args.length === 1 && !looksLikeType(first, lists)) return undefined;
    stated.type = readType(first, lists) ?? 'given';
    const read = stated.type;
    if (read !== 'given' && read.sizeArguments) {
      stated.length = sizeFromArguments(read.sizeArguments, 'length');
      stated.precision = sizeFromArguments(read.sizeArguments, 'precision');
    }
    options = args[1];
  } else {
    options = first;
  }
  const optionsObject = options && unwrapExpression(options);
  if (optionsObject) {
    // Options held in a variable or a call's result: whatever they say, the engine cannot read it.
    if (optionsObject.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const keys = readableKeys(optionsObject);
    if (!keys) return undefined;
    if (exempted(keys, spec.exemptOptions)) return undefined;
    readOptions(keys, spec, lists, stated);
  }
  if (others.some((other) => other.name !== undefined && spec.nullableDecorators?.includes(other.name))) stated.nullable = true;

  const annotation = readAnnotation(context, member);
  let typeName = stated.type === undefined || stated.type === 'given' ? undefined : stated.type.name;
  if (stated.type === undefined && annotation?.kind !== undefined) {
    if (spec.annotationGivesType?.includes(annotation.kind)) stated.type = 'given';
    // The ORM turns the annotation into a type of the length list (a `string` into varchar(255)): its size is left out too.
    if (spec.annotationNeedsLength?.includes(annotation.kind)) typeName = spec.types.length[0];
  }
  if (typeName !== undefined && typeLists(spec.types).virtual.has(typeName.toLowerCase())) return undefined;
  const missing = missingParts(stated, lists, typeName);
  if (missing.length === 0) return undefined;

  const certain: CertainOption[] = [];
  const suggestedType = annotation?.kind !== undefined ? spec.suggestedTypes?.[annotation.kind] : undefined;
  if (missing.includes('type') && suggestedType !== undefined && spec.keys.type[0] !== undefined) certain.push({ key: spec.keys.type[0], value: suggestedType });
  if (missing.includes('nullability') && annotation?.nullable) certain.push({ key: spec.keys.nullable, value: 'true' });
  return {
    library,
    column,
    node: member.key,
    missing,
    advice: spec.advice,
    certain:
      certain.length > 0 && annotation
        ? { options: certain, decorator, because: annotation.text, typeKey: spec.typeArgument === 'alone' ? spec.keys.type[0] : undefined }
        : undefined,
  };
}

// ---------------------------------------------------------------------------------------------- schemas

interface SchemaEntry extends Entry<DecoratorColumnKnowledge> {
  readonly schema: EntitySchemaSpec;
}

const schemaEntries: CalleeCandidate<SchemaEntry>[] = decoratorEntries.flatMap(({ library, entry }) =>
  (entry.spec.schemas ?? []).map((schema) => ({ library, callee: schema.callee, entry: { ...entry, schema } })),
);

/** Constructor and function names worth a look: entities written as data (`new EntitySchema(…)`, `defineEntity(…)`). */
export const columnSchemaNames: ReadonlySet<string> = new Set(schemaEntries.map(({ entry }) => entry.schema.callee.export));

/**
 * `new EntitySchema({ columns: { … } })`, `defineEntity({ properties: { … } })`: what each column leaves to the ORM,
 * its options read as the column decorator's would be, its builder chain read as the knowledge says.
 */
export function schemaColumns(context: AnyRuleContext, node: TSESTree.NewExpression | TSESTree.CallExpression): ColumnFinding[] {
  const match = matchCallee(context, node, schemaEntries);
  if (!match) return [];
  const { library, spec, schema } = match.candidate.entry;
  const argument = node.arguments[schema.argument];
  const definition = argument && unwrapExpression(argument);
  if (definition?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const columnsNode = propertyValue(definition, schema.path);
  const columns = columnsNode && tableColumnsObject(columnsNode);
  if (!columns) return [];
  const lists = typeLists(spec.types);
  const findings: ColumnFinding[] = [];
  for (const property of columns.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const column = staticKeyName(property);
    if (column === undefined) continue;
    const value = unwrapExpression(property.value);
    let missing: MissingPart[] | undefined;
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const keys = readableKeys(value);
      if (!keys || exempted(keys, spec.exemptOptions) || exempted(keys, schema.exemptOptions)) continue;
      const stated: Stated = { length: false, precision: false, nullable: false };
      readOptions(keys, spec, lists, stated);
      const typeName = stated.type === undefined || stated.type === 'given' ? undefined : stated.type.name;
      if (typeName !== undefined && lists.virtual.has(typeName.toLowerCase())) continue;
      missing = missingParts(stated, lists, typeName);
    } else if (schema.propertyBuilders) {
      const chain = builderChain(value);
      if (chain && isBuildersObject(context, chain.root, columnsNode!, library, schema.propertyBuilders)) missing = builderChainMissing(chain.calls, schema.propertyBuilders, lists);
    }
    // Options held in a variable or built by a call the knowledge does not describe: the engine cannot read what they say.
    if (missing && missing.length > 0) findings.push({ library, column, node: property.key, missing, advice: schema.advice });
  }
  return findings;
}

interface ChainCall {
  readonly method: string;
  readonly call: TSESTree.CallExpression;
}

/** `p.string().length(100).nullable()` → the calls from the factory outwards, and what they start from; undefined for anything else. */
function builderChain(node: TSESTree.Node): { calls: ChainCall[]; root: TSESTree.Node } | undefined {
  let current = unwrapExpression(node);
  // A relation written lazily for circular imports: `author: () => p.manyToOne(Author)`.
  if (current.type === AST_NODE_TYPES.ArrowFunctionExpression && current.body.type !== AST_NODE_TYPES.BlockStatement) current = unwrapExpression(current.body);
  const calls: ChainCall[] = [];
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticKeyName(callee);
    if (method === undefined) return undefined;
    calls.unshift({ method, call: current });
    current = unwrapExpression(callee.object);
  }
  return calls.length > 0 ? { calls, root: current } : undefined;
}

/**
 * Whether a chain starts at the library's builders: the parameter of `properties: (p) => ({ … })`, or its
 * export (`p`, `defineEntity.properties`) by import. A project's own `columns.label()` is not read.
 */
function isBuildersObject(context: AnyRuleContext, root: TSESTree.Node, properties: TSESTree.Node, library: LibraryKnowledge, builders: PropertyBuilderKnowledge): boolean {
  const fn = unwrapExpression(properties);
  const parameter = fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression ? fn.params[0] : undefined;
  if (root.type === AST_NODE_TYPES.Identifier && parameter?.type === AST_NODE_TYPES.Identifier && parameter.name === root.name) return true;
  const index = getLibraryIndex(context);
  for (const node of [root, root.parent?.type === AST_NODE_TYPES.MemberExpression ? root.parent : undefined]) {
    const origin = node && index.originOf(node);
    if (origin?.kind === 'export' && origin.library === library && builders.roots.includes(origin.name)) return true;
  }
  return false;
}

/** What a builder chain leaves to the ORM: the factory names the type, its methods the rest. */
function builderChainMissing(chain: readonly ChainCall[], builders: PropertyBuilderKnowledge, lists: TypeLists): MissingPart[] {
  const [factory, ...methods] = chain;
  const has = (names: readonly string[]) => methods.some(({ method }) => names.includes(method));
  const exempt = methods.some(({ method, call }) =>
    builders.exemptMethods.some((condition) => {
      if (condition.method !== method) return false;
      if (condition.firstArgument === undefined) return true;
      const first = call.arguments[0] && unwrapExpression(call.arguments[0]);
      return first?.type === AST_NODE_TYPES.Literal && first.value === condition.firstArgument;
    }),
  );
  if (exempt) return [];
  let typeName: string | undefined = factory!.method;
  const stated: Stated = { type: 'given', length: false, precision: false, nullable: !builders.nullabilityRequired || has(['nullable']) };
  if (factory!.method === builders.typeFactory) {
    const argument = factory!.call.arguments[0];
    const read = argument && readType(argument, lists);
    typeName = read?.name;
    if (read?.sizedText) stated.length = stated.precision = true;
    if (read?.sizeArguments) {
      stated.length = sizeFromArguments(read.sizeArguments, 'length');
      stated.precision = sizeFromArguments(read.sizeArguments, 'precision');
    }
  }
  if (has(builders.sizedTypeMethods)) stated.length = stated.precision = true;
  stated.length ||= has(builders.lengthMethods);
  stated.precision ||= has(builders.precisionMethods) && has(builders.scaleMethods);
  if (typeName !== undefined && lists.virtual.has(typeName.toLowerCase())) return [];
  return missingParts(stated, lists, typeName);
}

// ------------------------------------------------------------------------------------------- attributes

/** The attributes object of a model definition and what each attribute leaves out. */
export function definitionColumns(context: AnyRuleContext, call: TSESTree.CallExpression, name: string): ColumnFinding[] {
  const plausible = attributeEntries.filter(({ callee }) => 'method' in callee && (callee.method === name || (Array.isArray(callee.method) && callee.method.includes(name))));
  if (plausible.length === 0) return [];
  const withObject = plausible.filter(({ entry }) => unwrapExpression(call.arguments[entry.argument] ?? call).type === AST_NODE_TYPES.ObjectExpression);
  if (withObject.length === 0) return [];
  const match = matchCallee(context, call, withObject, (candidate) => definitionShape(call, candidate.entry));
  if (!match) return [];
  const { library, spec, argument } = match.candidate.entry;
  const attributes = unwrapExpression(call.arguments[argument]!) as TSESTree.ObjectExpression;
  const lists = typeLists(spec.types);
  const findings: ColumnFinding[] = [];
  for (const property of attributes.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const column = staticKeyName(property);
    if (column === undefined || spec.exemptAttributes.includes(column)) continue;
    const value = unwrapExpression(property.value);
    const stated: Stated = { length: false, precision: false, nullable: false };
    let typeName: string | undefined;
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const keys = readableKeys(value);
      if (!keys || exempted(keys, spec.exemptOptions)) continue;
      readOptions(keys, spec, lists, stated);
      if (stated.type !== undefined && stated.type !== 'given') typeName = stated.type.name;
    } else if (value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
      // A bare type: `name: DataTypes.STRING`.
      const read = readType(value, lists);
      if (!read || !isKnownTypeExpression(value, read, lists, spec)) continue;
      stated.type = read;
      typeName = read.name;
      stated.length = sizeFromArguments(read.sizeArguments, 'length');
      stated.precision = sizeFromArguments(read.sizeArguments, 'precision');
    } else {
      // A variable or anything else the engine cannot read.
      continue;
    }
    if (typeName !== undefined && lists.virtual.has(typeName.toLowerCase())) continue;
    const missing = missingParts(stated, lists, typeName);
    if (missing.length > 0) findings.push({ library, column, node: property.key, missing, advice: spec.advice });
  }
  return findings;
}

/** A bare attribute value is a data type only when rooted at one of the library's type objects (`DataTypes.X`). */
function isKnownTypeExpression(value: TSESTree.Node, read: TypeRead, lists: TypeLists, spec: AttributeColumnKnowledge): boolean {
  if (read.name === '' || !/^[A-Z][A-Z0-9_]*$/.test(read.name)) return false;
  let current: TSESTree.Node = unwrapExpression(value);
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) current = unwrapExpression(current.callee);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else break;
  }
  return (current.type === AST_NODE_TYPES.Identifier && spec.shape.typeRoots.includes(current.name)) || isKnownType(lists, read.name);
}

/** Tier 3: `sequelize.define('User', { name: DataTypes.STRING })`, `User.init({ … }, { sequelize })` with types from `DataTypes`. */
function definitionShape(call: TSESTree.CallExpression, entry: Entry<AttributeColumnKnowledge> & { argument: number }): boolean {
  const { spec, argument } = entry;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = referenceName(callee.object)?.toLowerCase();
  const options = call.arguments[argument + 1];
  const optionsObject = options && unwrapExpression(options);
  const named = receiver !== undefined && spec.shape.receiverEndsWith.some((suffix) => receiver.endsWith(suffix));
  const withInstance = optionsObject?.type === AST_NODE_TYPES.ObjectExpression && optionsObject.properties.some((property) => property.type === AST_NODE_TYPES.Property && staticKeyName(property) === spec.shape.optionsKey);
  if (!named && !withInstance) return false;
  const attributes = unwrapExpression(call.arguments[argument]!) as TSESTree.ObjectExpression;
  return attributes.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const value = unwrapExpression(property.value);
    const type = value.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(value, spec.keys.type[0] ?? 'type') : value;
    return type !== undefined && rootName(type) !== undefined && spec.shape.typeRoots.includes(rootName(type)!);
  });
}

function rootName(node: TSESTree.Node): string | undefined {
  let current = unwrapExpression(node);
  for (let steps = 0; steps < 8; steps++) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) current = unwrapExpression(current.callee);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else break;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current.name : undefined;
}

// --------------------------------------------------------------------------------------- table builders

export interface BuilderOptions {
  /** Accept a Drizzle column without `.notNull()` as a deliberate nullable column. */
  readonly nullableByDefault: boolean;
}

/** `pgTable('users', { … })` (or `(t) => ({ … })`): what each column builder leaves to the database. */
export function tableColumns(context: AnyRuleContext, call: TSESTree.CallExpression, options: BuilderOptions): ColumnFinding[] {
  const columnsArgument = call.arguments[1] && unwrapExpression(call.arguments[1]);
  if (!columnsArgument) return [];
  const columns = tableColumnsObject(columnsArgument);
  if (!columns) return [];
  const table = tableFunctionOf(context, call);
  if (!table) return [];
  const { library, spec, tableFunction } = table;
  const dialect = spec.dialects.find((candidate) => candidate.tables.includes(tableFunction));
  if (!dialect) return [];
  const lists = typeLists(dialect.types);
  const findings: ColumnFinding[] = [];
  let compositeKeys: Set<string> | undefined;
  for (const property of columns.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const column = staticKeyName(property);
    const value = unwrapExpression(property.value);
    if (column === undefined || value.type !== AST_NODE_TYPES.CallExpression) continue;
    const builderCall = firstCallOfChain(value);
    const builder = builderCall && referenceName(builderCall.callee);
    if (!builderCall || builder === undefined) continue;
    if (!dialect.builders.includes(builder) && !isEnumBuilder(context, builderCall, spec)) continue;
    if (spec.keyBuilders.includes(builder)) continue;
    const methods = chainMethods(value);
    if (methods.some((method) => spec.keyMethods.includes(method))) continue;
    const builderOptions = builderCall.arguments.map((argument) => unwrapExpression(argument)).find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
    const keys = builderOptions && readableKeys(builderOptions);
    const missing: MissingPart[] = [];
    if (lists.length.has(builder.toLowerCase()) && !(builderOptions && (!keys || spec.keys.length.some((key) => keys.has(key))))) missing.push('length');
    if (
      lists.precision.has(builder.toLowerCase()) &&
      !(builderOptions && (!keys || (spec.keys.precision !== undefined && spec.keys.scale !== undefined && keys.has(spec.keys.precision) && keys.has(spec.keys.scale))))
    ) {
      missing.push('precision and scale');
    }
    if (!options.nullableByDefault && !methods.some((method) => spec.notNull.includes(method))) {
      // Columns of a composite primary key are NOT NULL by the key itself.
      compositeKeys ??= compositeKeyColumns(call.arguments[2], spec);
      if (!compositeKeys.has(column)) missing.push('nullability');
    }
    if (missing.length > 0) findings.push({ library, column, node: property.key, missing, advice: spec.advice });
  }
  return findings;
}

/** The library's table function a call defines a table with: its own export, or one the project made from it (`createTable`). */
function tableFunctionOf(context: AnyRuleContext, call: TSESTree.CallExpression): (Entry<BuilderColumnKnowledge> & { tableFunction: string }) | undefined {
  const match = matchCallee(context, call, builderEntries);
  if (match) {
    const { library, spec } = match.candidate.entry;
    const origin = getLibraryIndex(context).calleeOrigin(call);
    const tableFunction = origin?.library === library ? origin.name : referenceName(call.callee);
    return tableFunction === undefined ? undefined : { library, spec, tableFunction };
  }
  for (const { entry } of builderEntries) {
    const tableFunction = madeTableFunction(context, call, entry.library, entry.spec.tables.export);
    if (tableFunction !== undefined) return { ...entry, tableFunction };
  }
  return undefined;
}

/** `role: roleEnum('role')` where `const roleEnum = pgEnum('role', […])` in this file. */
function isEnumBuilder(context: AnyRuleContext, builderCall: TSESTree.CallExpression, spec: BuilderColumnKnowledge): boolean {
  const callee = builderCall.callee;
  if (!spec.builderFactories?.length || callee.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(callee) as TSESLint.Scope.Scope, callee)?.defs[0];
  if (definition?.type !== 'Variable' || !definition.node.init) return false;
  const init = unwrapExpression(definition.node.init);
  return init.type === AST_NODE_TYPES.CallExpression && spec.builderFactories.includes(referenceName(init.callee) ?? '');
}

/** The columns a table-level `primaryKey({ columns: [t.a, t.b] })` names. */
function compositeKeyColumns(config: TSESTree.Node | undefined, spec: BuilderColumnKnowledge): Set<string> {
  const names = new Set<string>();
  if (!config) return names;
  walk(config, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !spec.keyMethods.includes(referenceName(node.callee) ?? '')) return;
    const options = node.arguments[0] && unwrapExpression(node.arguments[0]);
    const list = options?.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(options, 'columns') : undefined;
    const elements = list && unwrapExpression(list).type === AST_NODE_TYPES.ArrayExpression ? (unwrapExpression(list) as TSESTree.ArrayExpression).elements : node.arguments;
    for (const element of elements) {
      const item = element && unwrapExpression(element);
      if (item?.type === AST_NODE_TYPES.MemberExpression) {
        const name = staticKeyName(item);
        if (name !== undefined) names.add(name);
      }
    }
  });
  return names;
}
