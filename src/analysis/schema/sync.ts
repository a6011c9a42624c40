/**
 * Answers "does this code change the database schema by itself?" for no-schema-sync: an option
 * that makes the ORM alter the schema at start-up (`synchronize: true`), a call that does
 * (`dataSource.synchronize()`, `sequelize.sync()`, `knex.schema.createTable()`), or DDL text run
 * through a raw-SQL sink (`pool.query('CREATE TABLE …')`). Everything it knows about the libraries
 * comes from the `schema` and `sql` parts of `src/knowledge`.
 */
import path from 'node:path';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { SchemaChangeCallSpec, SchemaShapeSpec, SchemaSyncOptionSpec } from '../../knowledge/types-schema';
import { isStringLiteral, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { nameList } from '../../util/names';
import { AST_NODE_TYPES } from '../../util/node-types';
import { globToRegExp } from '../glob';
import { migrationFolders, relativeFileName } from '../migrations/detect';
import { argumentPositionOf, matchArgumentSite, matchCallee, type ArgumentPosition, type CalleeCandidate, type SiteCandidate } from '../objects/call-sites';
import type { AnyRuleContext } from '../per-file';
import { anyOfWords } from '../text-screen';

// ------------------------------------------------------------------------------------------ knowledge, read once

const changeCallCandidates: CalleeCandidate<SchemaChangeCallSpec>[] = libraries.flatMap((library) =>
  (library.schema?.changeCalls ?? []).map((entry) => ({ library, callee: entry.callee, byShape: entry.byShape !== undefined, entry })),
);
/** Method names of every schema-changing call: the visitor's cheap first filter. */
export const schemaChangeMethods: ReadonlySet<string> = new Set(
  changeCallCandidates.flatMap(({ callee }) => ('method' in callee ? nameList(callee.method) : [])),
);

const syncOptionSites: SiteCandidate[] = libraries.flatMap((library) => (library.schema?.syncOptions ?? []).map((option) => ({ library, site: option.site })));
/** Option keys that change the schema when `true` (`synchronize`). */
export const syncOptionKeys: ReadonlySet<string> = new Set(
  libraries.flatMap((library) => [
    ...(library.schema?.syncOptions ?? []).map((option) => option.site.path.at(-1) ?? ''),
    ...(library.schema?.optionTypeKey ? [library.schema.optionTypeKey] : []),
  ]),
);
/** Options that turn a sync option on when it is left out (`autoLoadModels`), with the sites they imply. */
const impliedSites: SiteCandidate[] = libraries.flatMap((library) =>
  (library.schema?.syncOptions ?? []).flatMap((option) =>
    option.impliedBy ? [{ library, site: { ...option.site, path: [...option.site.path.slice(0, -1), option.impliedBy] } }] : [],
  ),
);
export const impliedSyncKeys: ReadonlySet<string> = new Set(
  libraries.flatMap((library) => (library.schema?.syncOptions ?? []).flatMap((option) => (option.impliedBy ? [option.impliedBy] : []))),
);
/**
 * What every finding of no-schema-sync is written with: a sync option's key, a schema-changing
 * method's name, or a DDL keyword followed by a space (or an escape) inside SQL text.
 */
export const schemaSyncWords: RegExp = new RegExp(
  `${anyOfWords([...syncOptionKeys, ...impliedSyncKeys, ...schemaChangeMethods]).source}|\\b(?:CREATE|ALTER|DROP|RENAME)(?:\\s|\\\\)`,
  'i',
);

const optionTypeOwners = new Map<string, LibraryKnowledge>();
for (const library of libraries) for (const name of library.schema?.optionTypes ?? []) optionTypeOwners.set(name, library);
const configFileOwners = new Map<string, LibraryKnowledge>();
for (const library of libraries) for (const name of library.schema?.configFiles ?? []) configFileOwners.set(name, library);

/** Raw-SQL sinks that run whole statements (not clause fragments): where DDL text can be run. */
export const statementSinks: readonly CalleeCandidate<number>[] = libraries.flatMap((library) =>
  (library.sql?.sinks ?? [])
    .filter((sink) => sink.kind === 'query' && sink.clause === undefined)
    .map((sink) => ({ library, callee: sink.callee, byShape: true, entry: sink.sqlArgument })),
);
export const statementSinkMethods: ReadonlySet<string> = new Set(
  statementSinks.flatMap(({ callee }) => ('method' in callee ? nameList(callee.method) : [])),
);
export const statementSinkExports: ReadonlySet<string> = new Set(
  statementSinks.flatMap(({ callee }) => ('export' in callee ? nameList(callee.export).map((name) => name.split('.').at(-1) ?? name) : [])),
);

// ------------------------------------------------------------------------------------------------ which files

/** Where schema changes belong or are expected: migration folders (the shared setting) and the rule's ignore globs. */
export function isExemptFile(context: AnyRuleContext, ignore: readonly string[]): boolean {
  const relative = relativeFileName(context);
  if (relative === undefined) return false;
  return exemptPattern(migrationFolders(context, undefined), ignore).test(relative);
}

const exemptPatterns = new WeakMap<readonly string[], Map<string, RegExp>>();

function exemptPattern(folders: readonly string[], ignore: readonly string[]): RegExp {
  let byIgnore = exemptPatterns.get(folders);
  if (!byIgnore) exemptPatterns.set(folders, (byIgnore = new Map()));
  // By content: ESLint hands each file's rule a fresh copy of the options, so the array is new every time.
  const key = ignore.join('\n');
  let pattern = byIgnore.get(key);
  if (!pattern) {
    pattern = new RegExp([...folders, ...ignore].map((glob) => `(?:${globToRegExp(glob).source})`).join('|') || '(?!)');
    byIgnore.set(key, pattern);
  }
  return pattern;
}

// ------------------------------------------------------------------------------------------------ sync options

export interface SyncOptionFinding {
  readonly library: LibraryKnowledge;
  readonly effect: string;
  /** How the object reaches the library, when not directly: "spread into `new DataSource()` on line 9". */
  readonly via: 'argument' | 'spread' | 'type' | 'config-file';
}

/**
 * Whether `property` (`synchronize: true`) is an option the library reads: directly in the call's
 * options, in an object spread into (or passed as) them, in an object declared with the library's
 * options type, or in the object a config file of the library exports.
 */
export function syncOptionFinding(context: AnyRuleContext, property: TSESTree.Property): SyncOptionFinding | undefined {
  const key = staticKeyName(property);
  if (key === undefined) return undefined;
  const direct = argumentPositionOf(property.value);
  if (direct) {
    const match = matchArgumentSite(context, direct, syncOptionSites);
    if (match) return { library: match.library, effect: effectOf(match.library, match.site), via: 'argument' };
  }
  const object = property.parent as TSESTree.ObjectExpression;
  const typed = optionTypeLibrary(context, object);
  if (typed?.schema?.optionTypeKey === key) {
    return { library: typed, effect: typed.schema.syncOptions?.[0]?.effect ?? '', via: 'type' };
  }
  const spread = throughVariable(context, object, key);
  if (spread) return spread;
  const configLibrary = configFileLibrary(context, object);
  if (configLibrary?.schema?.optionTypeKey === key) {
    return { library: configLibrary, effect: configLibrary.schema.syncOptions?.[0]?.effect ?? '', via: 'config-file' };
  }
  return undefined;
}

export interface ImpliedSyncFinding {
  readonly library: LibraryKnowledge;
  readonly effect: string;
  /** The option left out (`synchronize`). */
  readonly option: string;
}

/**
 * `SequelizeModule.forRoot({ autoLoadModels: true })` with no `synchronize` key: the module
 * synchronizes by default. Only the call's own options literal is read (a spread may set it).
 */
export function impliedSyncFinding(context: AnyRuleContext, property: TSESTree.Property): ImpliedSyncFinding | undefined {
  const object = property.parent as TSESTree.ObjectExpression;
  if (object.properties.some((other) => other.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const position = argumentPositionOf(property.value);
  if (!position) return undefined;
  const match = matchArgumentSite(context, position, impliedSites);
  if (!match) return undefined;
  const option = match.library.schema?.syncOptions?.find((candidate) => candidate.impliedBy === position.path.at(-1));
  if (!option) return undefined;
  const key = option.site.path.at(-1) ?? '';
  if (object.properties.some((other) => other.type === AST_NODE_TYPES.Property && staticKeyName(other) === key)) return undefined;
  return { library: match.library, effect: option.effect, option: key };
}

function effectOf(library: LibraryKnowledge, site: SiteCandidate['site']): string {
  return library.schema?.syncOptions?.find((option: SchemaSyncOptionSpec) => option.site === site)?.effect ?? '';
}

/** `const base = { synchronize: true }` … `new DataSource({ ...base })` or `new DataSource(base)`, in this file. */
function throughVariable(context: AnyRuleContext, object: TSESTree.ObjectExpression, key: string): SyncOptionFinding | undefined {
  const holder = wrapperParent(object);
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(holder) as TSESLint.Scope.Scope, holder.id);
  if (!variable) return undefined;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const identifier = reference.identifier as TSESTree.Identifier;
    const parent = identifier.parent;
    let position: ArgumentPosition | undefined;
    let via: SyncOptionFinding['via'] = 'argument';
    if (parent?.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      if (overriddenAfter(parent.parent, parent, key)) continue;
      const outer = argumentPositionOf(parent.parent);
      position = outer && { ...outer, path: [...outer.path, key] };
      via = 'spread';
    } else {
      const outer = argumentPositionOf(identifier);
      position = outer && { ...outer, path: [...outer.path, key] };
    }
    if (!position) continue;
    const match = matchArgumentSite(context, position, syncOptionSites);
    if (match) return { library: match.library, effect: effectOf(match.library, match.site), via };
  }
  return undefined;
}

/** `{ ...base, synchronize: false }`: a later property of the same key wins over the spread. */
function overriddenAfter(object: TSESTree.ObjectExpression, spread: TSESTree.SpreadElement, key: string): boolean {
  const at = object.properties.indexOf(spread);
  return object.properties.slice(at + 1).some((property) => property.type === AST_NODE_TYPES.Property && staticKeyName(property) === key);
}

/** What holds the object once TypeScript wrappers are looked through. */
function wrapperParent(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  return current.parent;
}

/**
 * The library whose options type the object is declared as: `const o: DataSourceOptions = {…}`,
 * `{…} satisfies TypeOrmModuleOptions`, `{…} as DataSourceOptions`, or returned from a function
 * declared to return it (`createTypeOrmOptions(): TypeOrmModuleOptions`).
 */
function optionTypeLibrary(context: AnyRuleContext, object: TSESTree.ObjectExpression): LibraryKnowledge | undefined {
  if (optionTypeOwners.size === 0) return undefined;
  let current: TSESTree.Node = object;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      const library = typeAnnotationLibrary(context, parent.typeAnnotation);
      if (library) return library;
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
      return parent.id.type === AST_NODE_TYPES.Identifier && parent.id.typeAnnotation
        ? typeAnnotationLibrary(context, parent.id.typeAnnotation.typeAnnotation)
        : undefined;
    }
    if (parent.type === AST_NODE_TYPES.ReturnStatement || (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current)) {
      const fn = enclosingFunction(parent);
      const returnType = fn?.returnType?.typeAnnotation;
      return returnType ? typeAnnotationLibrary(context, returnType) : undefined;
    }
    return undefined;
  }
}

function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return current;
    }
  }
  return undefined;
}

/** `DataSourceOptions`, `Promise<TypeOrmModuleOptions>`, `typeorm.DataSourceOptions`, imported from the library's module. */
function typeAnnotationLibrary(context: AnyRuleContext, type: TSESTree.TypeNode): LibraryKnowledge | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const typeName = type.typeName;
  if (typeName.type === AST_NODE_TYPES.Identifier && typeName.name === 'Promise') {
    const inner = type.typeArguments?.params[0];
    return inner ? typeAnnotationLibrary(context, inner) : undefined;
  }
  const local = typeName.type === AST_NODE_TYPES.Identifier ? typeName : typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.left : undefined;
  const exported = typeName.type === AST_NODE_TYPES.Identifier ? typeName.name : typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right.name : undefined;
  if (local?.type !== AST_NODE_TYPES.Identifier || exported === undefined) return undefined;
  const owner = optionTypeOwners.get(exported);
  if (!owner) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(type) as TSESLint.Scope.Scope, local);
  const definition = variable?.defs[0];
  if (definition?.type !== 'ImportBinding') return undefined;
  const declaration = definition.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  if (typeName.type === AST_NODE_TYPES.Identifier) {
    const specifier = definition.node;
    const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : undefined;
    if (imported !== exported) return undefined;
  }
  return owner.modules.includes(declaration.source.value) ? owner : undefined;
}

/** `ormconfig.js`: `module.exports = {…}`, `export default {…}`, or a list of such objects. */
function configFileLibrary(context: AnyRuleContext, object: TSESTree.ObjectExpression): LibraryKnowledge | undefined {
  if (configFileOwners.size === 0) return undefined;
  const stem = path.basename(context.filename).replace(/\.[^.]+$/, '');
  const owner = configFileOwners.get(stem);
  if (!owner) return undefined;
  let node: TSESTree.Node = object;
  if (node.parent?.type === AST_NODE_TYPES.ArrayExpression) node = node.parent;
  const parent = wrapperParent(node);
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration || parent?.type === AST_NODE_TYPES.TSExportAssignment) return owner;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = parent.left;
    if (target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'module' && staticKeyName(target) === 'exports') return owner;
  }
  return undefined;
}

// --------------------------------------------------------------------------------------------- schema calls

export interface SchemaCallFinding {
  readonly library: LibraryKnowledge;
  readonly effect: string;
}

/** A call that changes the schema: `dataSource.synchronize()`, `User.sync({ force: true })`, `knex.schema.createTable()`. */
export function schemaCallFinding(context: AnyRuleContext, call: TSESTree.CallExpression): SchemaCallFinding | undefined {
  const match = matchCallee(context, call, changeCallCandidates, (candidate) =>
    (candidate.entry.byShape ?? []).some((shape) => shapeHolds(shape, call, candidate.entry)),
  );
  if (!match) return undefined;
  const spec = match.candidate.entry;
  return { library: match.candidate.library, effect: optionEffect(spec, call) ?? spec.effect };
}

function optionEffect(spec: SchemaChangeCallSpec, call: TSESTree.CallExpression): string | undefined {
  if (spec.optionsArgument === undefined || !spec.optionEffects) return undefined;
  const options = call.arguments[spec.optionsArgument];
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const [key, effect] of Object.entries(spec.optionEffects)) {
    const property = options.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && staticKeyName(p) === key);
    if (property && !(property.value.type === AST_NODE_TYPES.Literal && property.value.value === false)) return effect;
  }
  return undefined;
}

function shapeHolds(shape: SchemaShapeSpec, call: TSESTree.CallExpression, spec: SchemaChangeCallSpec): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrapExpression(callee.object);
  if (shape.receiverEndsWith) {
    const name = receiverName(receiver)?.toLowerCase();
    if (name === undefined || !shape.receiverEndsWith.some((suffix) => name.endsWith(suffix))) return false;
  }
  if (shape.receiverProperty !== undefined) {
    // `knex.schema.createTable()`, or `orm.getSchemaGenerator().updateSchema()`.
    const holder = receiver.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(receiver.callee) : receiver;
    if (holder.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(holder) !== shape.receiverProperty) return false;
  }
  if (shape.optionKey) {
    const options = spec.optionsArgument === undefined ? undefined : call.arguments[spec.optionsArgument];
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const keys = shape.optionKey;
    if (!options.properties.some((p) => p.type === AST_NODE_TYPES.Property && keys.includes(staticKeyName(p) ?? ''))) return false;
  }
  return true;
}

function receiverName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.ThisExpression) return undefined;
  return referenceName(node);
}

// ------------------------------------------------------------------------------------------------ raw DDL

const DDL =
  /^(CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW|MATERIALIZED\s+VIEW|SCHEMA|TYPE|SEQUENCE)|ALTER\s+(?:TABLE|INDEX|VIEW|SCHEMA|TYPE|SEQUENCE)|DROP\s+(?:TABLE|INDEX|VIEW|MATERIALIZED\s+VIEW|SCHEMA|TYPE|SEQUENCE)|RENAME\s+TABLE)\b/i;

/**
 * A hand-written migration runner keeps its own bookkeeping table (`schema_migrations`,
 * `knex_migrations`, `flyway_schema_history`): creating it is the migration tool's work, not a
 * schema change of the application.
 */
const BOOKKEEPING = /^\s*(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[\w."`]*?(?:migrations?(?:_lock)?|schema_?versions?|schema_history|changelog(?:_?lock)?)["`]?(?=\s|\(|$)/i;

/** The first schema statement in SQL text (`CREATE TABLE`), ignoring comments, or undefined. */
export function ddlStatement(text: string): string | undefined {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  for (const statement of withoutComments.split(';')) {
    const trimmed = statement.trimStart();
    const match = DDL.exec(trimmed);
    if (match?.[1] && !BOOKKEEPING.test(trimmed.slice(match[0].length))) return match[1].toUpperCase().replace(/\s+/g, ' ');
  }
  return undefined;
}

/** The constant text an expression starts with, as far as this file shows it (holes become `?`). */
export function leadingText(context: AnyRuleContext, node: TSESTree.Node | undefined, depth = 0): string | undefined {
  if (!node || depth > 3) return undefined;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string' ? expression.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.quasis.map((quasi) => quasi.value.cooked ?? '').join('?');
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return leadingText(context, expression.quasi, depth + 1);
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+' ? leadingText(context, expression.left, depth + 1) : undefined;
    case AST_NODE_TYPES.CallExpression: {
      // drizzle's `sql.raw('CREATE …')`, slonik's `sql.unsafe`…: the text is the first argument.
      const [first] = expression.arguments;
      return first && first.type !== AST_NODE_TYPES.SpreadElement && isStringLiteral(first) ? first.value : undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression) as TSESLint.Scope.Scope, expression);
      const definition = variable?.defs[0];
      if (variable?.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
      const init = definition.node.init;
      return init ? leadingText(context, init, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

export interface DdlFinding {
  readonly statement: string;
  readonly library: LibraryKnowledge | undefined;
}

/** `pool.query('CREATE TABLE …')`, `knex.raw(…)`, `db.exec(…)`: schema DDL run through a raw-SQL sink. */
export function ddlCallFinding(context: AnyRuleContext, call: TSESTree.CallExpression): DdlFinding | undefined {
  const name = referenceName(call.callee);
  if (name === undefined || (!statementSinkMethods.has(name) && !statementSinkExports.has(name))) return undefined;
  // The text first (cheap), the library after: DDL text in a sink is the evidence.
  let statement: string | undefined;
  for (const argument of call.arguments.slice(0, 2)) {
    const text = leadingText(context, argument);
    statement = text === undefined ? undefined : ddlStatement(text);
    if (statement) break;
  }
  if (!statement) return undefined;
  const match = matchCallee(context, call, statementSinks);
  if (!match) return undefined;
  return { statement, library: match.tier === 'shape' ? undefined : match.candidate.library };
}

/** postgres.js `` sql`CREATE TABLE …` ``, Prisma's `` prisma.$executeRaw`…` ``: DDL in a tagged template that runs it. */
export function ddlTagFinding(context: AnyRuleContext, tagged: TSESTree.TaggedTemplateExpression): DdlFinding | undefined {
  // A tag inside a sink call is that call's argument: one report, on the call.
  const parent = tagged.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(tagged)) return undefined;
  const tagName = referenceName(tagged.tag);
  if (tagName === undefined || !/^(?:sql|\$executeRaw|\$queryRaw|query|exec|execute)$/i.test(tagName)) return undefined;
  const text = leadingText(context, tagged.quasi);
  const statement = text === undefined ? undefined : ddlStatement(text);
  return statement ? { statement, library: undefined } : undefined;
}
