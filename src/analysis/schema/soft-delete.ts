/**
 * Answers "does this call delete rows of a soft-deleted model for good?" for prefer-soft-delete.
 *
 * Two halves. Models: which classes and model definitions declare soft delete (a `@DeleteDateColumn()`
 * of their own or inherited, `paranoid: true` in `init`/`define`/`@Table`), with their table names and
 * deletion columns, read from the file that declares them (this one, or another module of the project
 * through the module engine), memoised per class node. Deletes: which entity a call works on, from the
 * receiver (a repository made by `getRepository(User)`, injected with `@InjectRepository(User)` or typed
 * `Repository<User>`; an entity manager given the class; the class itself; an instance of it; a query
 * builder) or, in typed mode, from the checker. Everything it knows about the libraries comes from
 * `schema.softDelete` in `src/knowledge`.
 *
 * Precision over recall: a model whose declaration cannot be read, a table name that is not certain, an
 * option that is not the literal `true`, and a delete that selects rows by their deletion time (a purge of
 * rows already soft-deleted) are all silence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { HardDeleteMethodSpec, SoftDeleteKnowledge, SoftDeleteOptionSite } from '../../knowledge/types-schema';
import { isStringLiteral, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { AST_NODE_TYPES } from '../../util/node-types';
import { getLinks } from '../modules/link';
import type { ModuleContext } from '../modules/load';
import { resolveProjectModule } from '../modules/resolve';
import { matchCallee } from '../objects/call-sites';
import { getLibraryIndex } from '../objects/imports';
import { classValueSite, hasTypeInformation, instanceClassSite, programSourceText, typeArgumentClassSite, typeDeclarationSite, type ClassSite } from '../objects/type-checker';
import { anyOfWords } from '../text-screen';
import { perFile, type AnyRuleContext } from '../per-file';
import { classDeclaredAt } from '../walk';
import { leadingText, statementSinkExports, statementSinkMethods, statementSinks } from './sync';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type Form = HardDeleteMethodSpec['on'][number];

interface Entry {
  readonly library: LibraryKnowledge;
  readonly spec: SoftDeleteKnowledge;
}

// ------------------------------------------------------------------------------------------ knowledge, read once

const entries: readonly Entry[] = libraries.flatMap((library) => (library.schema?.softDelete ? [{ library, spec: library.schema.softDelete }] : []));
const columnDecorators = new Map<string, Entry>();
const decoratorSites = new Map<string, { entry: Entry; site: SoftDeleteOptionSite }>();
const methodSites = new Map<string, { entry: Entry; site: SoftDeleteOptionSite }>();
for (const entry of entries) {
  for (const name of entry.spec.columnDecorators ?? []) if (!columnDecorators.has(name)) columnDecorators.set(name, entry);
  for (const site of entry.spec.optionSites ?? []) {
    if (site.decorator !== undefined && !decoratorSites.has(site.decorator)) decoratorSites.set(site.decorator, { entry, site });
    if (site.method !== undefined && !methodSites.has(site.method)) methodSites.set(site.method, { entry, site });
  }
}
const union = (pick: (spec: SoftDeleteKnowledge) => readonly string[] | undefined): ReadonlySet<string> => new Set(entries.flatMap(({ spec }) => pick(spec) ?? []));
const repositoryFactories = union((spec) => spec.repositories?.factories);
const repositoryDecorators = union((spec) => spec.repositories?.decorators);
const repositoryTypes = union((spec) => spec.repositories?.types);
const repositoryPackages = [...new Set(entries.filter(({ spec }) => spec.repositories?.types).flatMap(({ library }) => library.packages))];
const managerKinds = union((spec) => spec.managers?.kinds);
const managerNames = [...union((spec) => spec.managers?.names)];
const activeRecordBases: ReadonlySet<string> = new Set(entries.flatMap(({ library }) => library.activeRecord?.bases ?? []));
const builderFactories = union((spec) => spec.queryBuilder?.create);
const builderFrom = union((spec) => (spec.queryBuilder ? [spec.queryBuilder.from] : []));
const tableDecorators = union((spec) => spec.tableDecorators);
const resultModelMethods = new Set([...methodSites].filter(([, { site }]) => site.model === 'result').map(([name]) => name));

/** Method names of every call that may delete for good: the visitor's cheap first filter. */
export const hardDeleteNames: ReadonlySet<string> = new Set(
  entries.flatMap(({ spec }) => [...(spec.hardMethods ?? []).map((method) => method.method), ...(spec.forceOption?.methods ?? [])]),
);

/** Names a raw-SQL statement runs through: `DELETE FROM` text is looked for only in calls of these. */
export const sqlSinkNames: ReadonlySet<string> = new Set([...statementSinkMethods, ...statementSinkExports]);

// ------------------------------------------------------------------------------------------------ models

/** A model whose rows are soft-deleted. */
export interface SoftModel {
  readonly entry: Entry;
  /** The class or model name, for the message. */
  readonly name: string;
  /** The names its table may have, lower-case; empty when not certain. */
  readonly tables: readonly string[];
  /** The names its deletion time goes by (property and column), lower-case. */
  readonly deletedAt: readonly string[];
  /** The class has a library's active-record base in its chain (`BaseEntity`, `Model`): static and instance data methods. */
  readonly activeRecord: boolean;
  /** Static members the project declares in the class chain: a `static delete()` of its own is not the library's. */
  readonly ownStatics: ReadonlySet<string>;
}

const MAX_DEPTH = 6;

/** TypeORM's snake case (StringUtils.snakeCase): `OrderItem` → `order_item`. */
function snakeCase(name: string): string {
  return name.replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Sequelize's plural of a model name where English is regular; an irregular one (person → people) gives a name that matches nothing. */
function plural(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

function propertyOf(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === key) return property;
  }
  return undefined;
}

function literalOf(object: TSESTree.ObjectExpression, key: string | undefined): unknown {
  if (key === undefined) return undefined;
  const value = propertyOf(object, key)?.value;
  return value?.type === AST_NODE_TYPES.Literal ? value.value : undefined;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrapExpression(decorator.expression);
  return referenceName(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
}

function decoratorArgument(decorator: TSESTree.Decorator, index: number): TSESTree.Node | undefined {
  const expression = unwrapExpression(decorator.expression);
  return expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments[index] : undefined;
}

/** Whether a decorator of that name really is the library's: not when the import engine ties it to another library. */
function isLibraryDecorator(context: AnyRuleContext, decorator: TSESTree.Decorator, entry: Entry): boolean {
  const expression = unwrapExpression(decorator.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return true;
  const origin = getLibraryIndex(context).calleeOrigin(expression);
  return !origin || origin.library === entry.library || origin.library.schema?.softDelete !== undefined;
}

/** What an options object says: soft delete on, and the names the model's table and deletion column have. */
function readOptions(options: TSESTree.Node | undefined, site: SoftDeleteOptionSite, fallbackName: string | undefined): { tables: string[]; deletedAt: string[] } | undefined {
  const object = options && unwrapExpression(options);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (literalOf(object, site.key) !== true) return undefined;
  if ((site.offWhenFalse ?? []).some((key) => literalOf(object, key) === false)) return undefined;
  const column = literalOf(object, site.deletedAtKey);
  const underscored = literalOf(object, site.underscoredKey) === true;
  const explicit = literalOf(object, site.tableNameKey);
  const modelName = literalOf(object, site.modelNameKey);
  const name = typeof modelName === 'string' ? modelName : fallbackName;
  let tables: string[] = [];
  if (typeof explicit === 'string') tables = [explicit];
  else if (name !== undefined) {
    const table = literalOf(object, site.freezeTableNameKey) === true ? name : plural(name);
    tables = [underscored ? snakeCase(table) : table];
  }
  const deletedAt = typeof column === 'string' ? column : 'deletedAt';
  return { tables: tables.map((table) => table.toLowerCase()), deletedAt: [deletedAt, snakeCase(deletedAt)].map((n) => n.toLowerCase()) };
}

const classModels = new WeakMap<ClassNode, SoftModel | null>();

/** The soft-delete model a class is (its own declaration or a base class's), or undefined. */
export function modelOfClass(context: AnyRuleContext, node: ClassNode, depth = 0): SoftModel | undefined {
  const cached = classModels.get(node);
  if (cached !== undefined) return cached ?? undefined;
  classModels.set(node, null);
  const model = depth > MAX_DEPTH ? undefined : readClass(context, node, depth);
  classModels.set(node, model ?? null);
  return model;
}

function readClass(context: AnyRuleContext, node: ClassNode, depth: number): SoftModel | undefined {
  const name = node.id?.name ?? '';
  const ownStatics = new Set<string>();
  let found: { entry: Entry; tables?: string[]; deletedAt: string[] } | undefined;
  for (const member of node.body.body) {
    if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && member.static) {
      const key = staticKeyName(member);
      if (key !== undefined) ownStatics.add(key);
    }
    if (found || (member.type !== AST_NODE_TYPES.PropertyDefinition && member.type !== AST_NODE_TYPES.AccessorProperty)) continue;
    for (const decorator of member.decorators ?? []) {
      const entry = columnDecorators.get(decoratorName(decorator) ?? '');
      if (!entry || !isLibraryDecorator(context, decorator, entry)) continue;
      const property = staticKeyName(member as TSESTree.PropertyDefinition);
      const options = decoratorArgument(decorator, 0);
      const column = options?.type === AST_NODE_TYPES.ObjectExpression ? literalOf(options, 'name') : undefined;
      const names = [property, typeof column === 'string' ? column : undefined].filter((n): n is string => n !== undefined);
      found = { entry, deletedAt: names.flatMap((n) => [n, snakeCase(n)]).map((n) => n.toLowerCase()) };
      break;
    }
  }
  if (!found) {
    for (const decorator of node.decorators ?? []) {
      const match = decoratorSites.get(decoratorName(decorator) ?? '');
      if (!match || !isLibraryDecorator(context, decorator, match.entry)) continue;
      const read = readOptions(decoratorArgument(decorator, match.site.argument), match.site, name);
      if (read) found = { entry: match.entry, ...read };
    }
  }
  if (!found && node.superClass && node.id) {
    const init = initCallsOf(context).get(node.id.name);
    if (init) found = { entry: init.entry, ...init.read(name) };
  }
  let base: SoftModel | undefined;
  let activeRecord = false;
  if (node.superClass) {
    const superName = referenceName(node.superClass);
    if (superName !== undefined && activeRecordBases.has(superName)) activeRecord = true;
    else {
      const definition = definitionOf(context, node.superClass, depth + 1);
      if (definition?.kind === 'class') {
        base = modelOfClass(definition.context, definition.node, depth + 1);
        activeRecord = base ? base.activeRecord : extendsActiveRecord(definition.context, definition.node, depth + 1);
        if (base) for (const key of base.ownStatics) ownStatics.add(key);
      }
    }
  }
  const entry = found?.entry ?? base?.entry;
  if (!entry) return undefined;
  return {
    entry,
    name,
    tables: found?.tables ?? tablesOfClass(node, entry),
    deletedAt: found?.deletedAt ?? base?.deletedAt ?? [],
    activeRecord,
    ownStatics,
  };
}

function extendsActiveRecord(context: AnyRuleContext, node: ClassNode, depth: number): boolean {
  if (!node.superClass || depth > MAX_DEPTH) return false;
  const superName = referenceName(node.superClass);
  if (superName !== undefined && activeRecordBases.has(superName)) return true;
  const definition = definitionOf(context, node.superClass, depth + 1);
  return definition?.kind === 'class' && extendsActiveRecord(definition.context, definition.node, depth + 1);
}

/** `@Entity('users')`, `@Entity({ name: 'users' })`, else the library's default naming of the class name. */
function tablesOfClass(node: ClassNode, entry: Entry): string[] {
  for (const decorator of node.decorators ?? []) {
    if (!tableDecorators.has(decoratorName(decorator) ?? '')) continue;
    const first = decoratorArgument(decorator, 0);
    if (isStringLiteral(first)) return [first.value.toLowerCase()];
    if (first?.type === AST_NODE_TYPES.ObjectExpression) {
      const name = literalOf(first, 'name');
      if (typeof name === 'string') return [name.toLowerCase()];
    }
  }
  const name = node.id?.name;
  if (name === undefined) return [];
  return [entry.spec.tableNaming === 'snake_case' ? snakeCase(name) : plural(name).toLowerCase()];
}

interface InitCall {
  readonly entry: Entry;
  read(name: string): { tables: string[]; deletedAt: string[] };
}

/** `User.init(attrs, { paranoid: true })` (or `this.init` in a static method of `User`) in a module: class name → what it says. */
const initCallsOf = perFile((context): ReadonlyMap<string, InitCall> => {
  const found = new Map<string, InitCall>();
  const receiverSites = [...methodSites].filter(([, { site }]) => site.model === 'receiver');
  if (receiverSites.length === 0 || !receiverSites.some(([method]) => context.sourceCode.text.includes(`${method}(`))) return found;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
      const match = method === undefined ? undefined : methodSites.get(method);
      if (match?.site.model === 'receiver' && callee.type === AST_NODE_TYPES.MemberExpression) {
        const receiver = unwrapExpression(callee.object);
        const owner = receiver.type === AST_NODE_TYPES.ThisExpression ? enclosingClass(receiver)?.id?.name : receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : undefined;
        const options = node.arguments[match.site.argument];
        if (owner !== undefined && options && readOptions(options, match.site, owner)) {
          found.set(owner, { entry: match.entry, read: (name) => readOptions(options, match.site, name)! });
        }
      }
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(context.sourceCode.ast);
  return found;
});

const defineModels = new WeakMap<TSESTree.CallExpression, SoftModel | null>();

/** `sequelize.define('user', attrs, { paranoid: true })`: the model is the call's result. */
function modelOfDefine(call: TSESTree.CallExpression): SoftModel | undefined {
  const cached = defineModels.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const match = methodSites.get(referenceName(call.callee) ?? '');
  let model: SoftModel | undefined;
  if (match?.site.model === 'result') {
    const nameNode = match.site.nameArgument === undefined ? undefined : call.arguments[match.site.nameArgument];
    const name = isStringLiteral(nameNode) ? nameNode.value : undefined;
    const read = readOptions(call.arguments[match.site.argument], match.site, name);
    if (read && name !== undefined) model = { entry: match.entry, name, ...read, activeRecord: true, ownStatics: new Set() };
  }
  defineModels.set(call, model ?? null);
  return model;
}

// ------------------------------------------------------------------------------------------- what names what

/**
 * Models are classes and constants named like classes (`User`, `OrderItem`): another module is read for a
 * capitalised name only, so `cache.delete(key)` with `cache` imported costs no file read.
 */
function isModelName(name: string | undefined): boolean {
  return name !== undefined && /^[A-Z]/.test(name);
}


/** Words a module that declares a soft-delete model, or leads to one, must contain: the knowledge's markers, a base class, a re-export. */
const modelHint = new RegExp(
  [
    ...columnDecorators.keys(),
    ...[...decoratorSites.values(), ...methodSites.values()].map(({ site }) => site.key),
    '\\bextends\\b',
    '\\bexport\\s*(?:\\*|\\{[^}]*\\})\\s*from\\b',
    '\\brequire\\s*\\(',
  ].join('|'),
);
/** Words a module that makes or holds a repository must contain: the knowledge's factories and types, a base class, a re-export. */
const repositoryHint = new RegExp(
  [...repositoryFactories, ...repositoryTypes, '\\bextends\\b', '\\bexport\\s*(?:\\*|\\{[^}]*\\})\\s*from\\b', '\\brequire\\s*\\('].join('|'),
);
const hints = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly model: boolean; readonly repository: boolean }>();

/**
 * What the module an import names may declare, from its text alone: most entity files say nothing of
 * soft delete, most imported objects are no repository, and a glance at the text spares parsing them.
 * Kept per path and stat.
 */
function moduleHints(context: AnyRuleContext, specifier: string): { readonly model: boolean; readonly repository: boolean } {
  const none = { model: false, repository: false };
  const file = resolveProjectModule(path.resolve(context.cwd, context.filename), specifier, context.cwd);
  if (!file) return none;
  try {
    const stat = fs.statSync(file);
    const known = hints.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    const text = fs.readFileSync(file, 'utf8');
    const found = { mtimeMs: stat.mtimeMs, size: stat.size, model: modelHint.test(text), repository: repositoryHint.test(text) };
    if (hints.size > 5000) hints.clear();
    hints.set(file, found);
    return found;
  } catch {
    return none;
  }
}

function mayDeclareModels(context: AnyRuleContext, specifier: string): boolean {
  return moduleHints(context, specifier).model;
}

/** Whether an imported binding may be a repository or a repository class: its module's text names one. */
function mayBeRepository(context: AnyRuleContext, identifier: TSESTree.Identifier): boolean {
  const definition = variableOf(context, identifier)?.defs[0];
  if (definition?.type !== 'ImportBinding') return true;
  const declaration = definition.parent;
  return declaration?.type !== AST_NODE_TYPES.ImportDeclaration || moduleHints(context, declaration.source.value).repository;
}

type Definition = { readonly kind: 'class'; readonly context: AnyRuleContext; readonly node: ClassNode } | { readonly kind: 'define'; readonly node: TSESTree.CallExpression };

function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent as ClassNode;
  }
  return undefined;
}

function variableOf(context: AnyRuleContext, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(context.sourceCode.getScope(identifier) as TSESLint.Scope.Scope, identifier) ?? undefined;
}

/** The one value a variable holds everywhere: its initialiser, when it is never reassigned. */
function constantInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name || !definition.node.init) return undefined;
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== definition.name && ref.init !== true)) return undefined;
  return definition.node.init;
}

/** The class or model definition an expression names: a class of this file, a `define` result, or one imported from another module. */
function definitionOf(context: AnyRuleContext, node: TSESTree.Node, depth = 0): Definition | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ClassExpression) return { kind: 'class', context, node: expression };
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    return resultModelMethods.has(referenceName(expression.callee) ?? '') ? { kind: 'define', node: expression } : undefined;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, expression);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    if (definition.type === 'ClassName') {
      const declaration = definition.node;
      return declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.ClassExpression ? { kind: 'class', context, node: declaration } : undefined;
    }
    if (definition.type === 'Variable') {
      const init = constantInit(variable);
      return init ? definitionOf(context, init, depth + 1) : undefined;
    }
    if (definition.type !== 'ImportBinding' || !isModelName(expression.name)) return undefined;
    const declaration = definition.parent;
    if (declaration?.type === AST_NODE_TYPES.ImportDeclaration && !mayDeclareModels(context, declaration.source.value)) return undefined;
  } else if (expression.type !== AST_NODE_TYPES.MemberExpression || !isModelName(staticKeyName(expression))) {
    return undefined;
  }
  // Imported, or a member of an imported namespace (`models.User`): the module engine reads the other file.
  const value = getLinks(context)?.valueOf(expression, 0);
  if (value?.kind === 'class') return { kind: 'class', context: value.context, node: value.node };
  if (value?.kind === 'expression' && value.node.type === AST_NODE_TYPES.CallExpression && resultModelMethods.has(referenceName(value.node.callee) ?? '')) {
    return { kind: 'define', node: value.node };
  }
  return undefined;
}

function modelOfDefinition(definition: Definition | undefined, depth = 0): SoftModel | undefined {
  if (!definition) return undefined;
  return definition.kind === 'class' ? modelOfClass(definition.context, definition.node, depth) : modelOfDefine(definition.node);
}

/** The soft-delete model an expression names (`User`, an imported `User`, `const User = sequelize.define(…)`), or undefined. */
export function modelOfReference(context: AnyRuleContext, node: TSESTree.Node): SoftModel | undefined {
  const definition = definitionOf(context, node);
  if (definition) return modelOfDefinition(definition);
  // Only a name can be a class: a literal or a call is never worth a question to the checker.
  const expression = unwrapExpression(node);
  const named = expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression;
  return named && isModelName(referenceName(expression)) ? modelAtSite(context, classValueSite(context, expression)) : undefined;
}

/**
 * What a file must write to declare a soft-delete model: a deletion-column decorator, a decorator or
 * a definition call that takes the option, or `extends` (a class inherits soft delete from its base).
 */
const softModelWords = anyOfWords([...columnDecorators.keys(), ...decoratorSites.keys(), ...methodSites.keys(), 'extends']);

/**
 * Typed mode: the class the checker found, read from its file. Most classes the checker names
 * for a `.remove()` or `.delete()` receiver are services and helpers: the checker's own text of
 * the file says whether reading it can find a model at all.
 */
function modelAtSite(context: AnyRuleContext, site: ClassSite | null): SoftModel | undefined {
  if (!site) return undefined;
  const text = programSourceText(context, site.fileName);
  if (text !== undefined && !softModelWords.test(text)) return undefined;
  const module = getLinks(context)?.moduleFile(site.fileName);
  const owner: ModuleContext | undefined = module ?? (site.fileName === context.physicalFilename || site.fileName === context.filename ? context : undefined);
  if (!owner) return undefined;
  const node = classDeclaredAt(owner.sourceCode.ast, site.start);
  return node && modelOfClass(owner, node);
}


/** `Repository<User>` → `User` (the type name node). */
function repositoryTypeArgument(annotation: TSESTree.TypeNode | undefined): TSESTree.Node | undefined {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!repositoryTypes.has(annotation.typeName.name)) return undefined;
  const [argument] = annotation.typeArguments?.params ?? [];
  return argument?.type === AST_NODE_TYPES.TSTypeReference ? argument.typeName : undefined;
}

/** `@InjectRepository(User)` → `User`. */
function injectedEntity(decorators: readonly TSESTree.Decorator[] | undefined): TSESTree.Node | undefined {
  for (const decorator of decorators ?? []) {
    if (repositoryDecorators.has(decoratorName(decorator) ?? '')) {
      const argument = decoratorArgument(decorator, 0);
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) return argument;
    }
  }
  return undefined;
}

/** A holder of a repository (parameter, field): what its decorator, annotation or initialiser names. */
function entityOfHolder(
  context: AnyRuleContext,
  decorators: readonly TSESTree.Decorator[] | undefined,
  annotation: TSESTree.TypeNode | undefined,
  value: TSESTree.Node | null | undefined,
  depth: number,
): SoftModel | undefined {
  const named = injectedEntity(decorators) ?? repositoryTypeArgument(annotation);
  if (named) return modelOfReference(context, named);
  if (value) return entityOfRepository(context, value, depth + 1);
  // A repository class of the project: `constructor(private users: UserRepository)`.
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && mayBeRepository(context, annotation.typeName)) {
    const definition = definitionOf(context, annotation.typeName, depth + 1);
    if (definition?.kind === 'class') return entityOfRepositoryClass(definition.context, definition.node);
  }
  return undefined;
}

/** `class UserRepository extends Repository<User>`: its entity. */
function entityOfRepositoryClass(context: AnyRuleContext, node: ClassNode): SoftModel | undefined {
  const superClass = node.superClass && unwrapExpression(node.superClass);
  if (superClass?.type !== AST_NODE_TYPES.Identifier || !repositoryTypes.has(superClass.name)) return undefined;
  const [argument] = node.superTypeArguments?.params ?? [];
  return argument?.type === AST_NODE_TYPES.TSTypeReference ? modelOfReference(context, argument.typeName) : undefined;
}

/** The soft-delete entity a repository works on, from where the repository comes from. */
function entityOfRepository(context: AnyRuleContext, node: TSESTree.Node, depth = 0): SoftModel | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return entityOfRepository(context, expression.argument, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      // `dataSource.getRepository(User)`, `User.getRepository()` of an active-record entity.
      const callee = unwrapExpression(expression.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !repositoryFactories.has(staticKeyName(callee) ?? '')) return undefined;
      const [entity] = expression.arguments;
      return entity ? (entity.type === AST_NODE_TYPES.SpreadElement ? undefined : modelOfReference(context, entity)) : modelOfReference(context, callee.object);
    }
    case AST_NODE_TYPES.ThisExpression: {
      const owner = enclosingClass(expression);
      return owner && entityOfRepositoryClass(context, owner);
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (unwrapExpression(expression.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
      const name = staticKeyName(expression);
      const owner = enclosingClass(expression);
      return name === undefined || !owner ? undefined : entityOfField(context, owner, name, depth);
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = variableOf(context, expression);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!variable || !definition) return undefined;
      if (definition.type === 'Variable') {
        const init = constantInit(variable);
        const annotation = definition.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
        return entityOfHolder(context, undefined, annotation, init, depth);
      }
      if (definition.type === 'Parameter' && definition.name.type === AST_NODE_TYPES.Identifier) {
        const holder = definition.name.parent?.type === AST_NODE_TYPES.TSParameterProperty ? definition.name.parent : definition.name;
        return entityOfHolder(context, holder.decorators, definition.name.typeAnnotation?.typeAnnotation, undefined, depth);
      }
      if (definition.type === 'ImportBinding' && mayBeRepository(context, expression)) {
        // `export const userRepository = dataSource.getRepository(User)` in another module.
        const value = getLinks(context)?.valueOf(expression, 0);
        if (value?.kind === 'expression') return entityOfRepository(value.context, value.node, depth + 1);
        if (value?.kind === 'instance') return entityOfRepositoryClass(value.context, value.node);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** `this.users`: a field or constructor parameter property of the class, or `this.users = …` in its constructor. */
function entityOfField(context: AnyRuleContext, owner: ClassNode, name: string, depth: number): SoftModel | undefined {
  for (const member of owner.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticKeyName(member) === name) {
      return entityOfHolder(context, member.decorators, member.typeAnnotation?.typeAnnotation, member.value, depth);
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    for (const parameter of member.value.params) {
      if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
      if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) {
        return entityOfHolder(context, parameter.decorators, inner.typeAnnotation?.typeAnnotation, undefined, depth);
      }
    }
    for (const statement of member.value.body?.body ?? []) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
      const { left, right } = statement.expression;
      if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && staticKeyName(left) === name) {
        return entityOfRepository(context, right, depth + 1);
      }
    }
  }
  return undefined;
}

/** The soft-delete model an object is an instance of: `new User()`, `await User.findOneBy(…)`, a parameter typed `User`. */
function modelOfInstance(context: AnyRuleContext, node: TSESTree.Node, instanceMethods: ReadonlySet<string>, depth = 0): SoftModel | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return modelOfInstance(context, expression.argument, instanceMethods, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      return modelOfDefinition(definitionOf(context, expression.callee));
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(expression.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !instanceMethods.has(staticKeyName(callee) ?? '')) return undefined;
      return modelOfDefinition(definitionOf(context, callee.object));
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = variableOf(context, expression);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!variable || !definition || definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
      const annotation = definition.name.typeAnnotation?.typeAnnotation;
      if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier) {
        return modelOfDefinition(definitionOf(context, annotation.typeName));
      }
      const init = definition.type === 'Variable' ? constantInit(variable) : undefined;
      return init ? modelOfInstance(context, init, instanceMethods, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------------------------------------ deletes

export interface HardDelete {
  readonly model: SoftModel;
  readonly call: TSESTree.CallExpression;
  /** The method name node (`delete` of `repo.delete`): where the report starts and what a suggestion renames. */
  readonly method: TSESTree.Node;
  /** What the call becomes to delete softly, when renaming the method is the whole change (`softDelete`, `getRepository().softDelete`). */
  readonly soft?: string;
  /** `force: true`, when that is what makes the delete hard: the report sits there and the suggestion removes it. */
  readonly force?: TSESTree.Property;
}

function methodSpec(model: SoftModel, method: string, form: Form): HardDeleteMethodSpec | undefined {
  return model.entry.spec.hardMethods?.find((spec) => spec.method === method && spec.on.includes(form));
}

/** The keys a delete's criteria select rows by: top-level keys of an object argument, or under the library's `where`. */
function selectsByDeletionTime(model: SoftModel, call: TSESTree.CallExpression): boolean {
  if (model.deletedAt.length === 0) return false;
  const whereKey = model.entry.spec.whereKey;
  for (const argument of call.arguments) {
    const object = unwrapExpression(argument);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const where = whereKey === undefined ? object : propertyOf(object, whereKey)?.value;
    if (where?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of where.properties) {
      const key = property.type === AST_NODE_TYPES.Property ? staticKeyName(property) : undefined;
      if (key !== undefined && model.deletedAt.includes(key.toLowerCase())) return true;
    }
  }
  return false;
}

function isManager(context: AnyRuleContext, receiver: TSESTree.Node): boolean {
  const origin = getLibraryIndex(context).originOf(receiver);
  if (origin) return origin.kind === 'instance' && managerKinds.has(origin.name);
  const typed = typeDeclarationSite(context, receiver);
  if (typed) return managerKinds.has(typed.name);
  const name = referenceName(receiver);
  if (name === undefined) return false;
  const lower = name.toLowerCase();
  return managerNames.some((candidate) => lower === candidate || name.endsWith(candidate[0]!.toUpperCase() + candidate.slice(1)));
}

/** The model a query builder chain deletes from: `.delete().from(User)`, `createQueryBuilder(User, 'u').delete()`, `repo.createQueryBuilder('u').delete()`. */
function builderModel(context: AnyRuleContext, call: TSESTree.CallExpression, receiver: TSESTree.Node): SoftModel | undefined {
  const member = call.parent;
  const fromCall = member?.type === AST_NODE_TYPES.MemberExpression && member.object === call ? member.parent : undefined;
  if (fromCall?.type === AST_NODE_TYPES.CallExpression && builderFrom.has(staticKeyName(member as TSESTree.MemberExpression) ?? '')) {
    const [target] = fromCall.arguments;
    return target && target.type !== AST_NODE_TYPES.SpreadElement ? modelOfReference(context, target) : undefined;
  }
  let start = unwrapExpression(receiver);
  if (start.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, start);
    const init = variable && constantInit(variable);
    if (init) start = unwrapExpression(init);
  }
  if (start.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const factory = unwrapExpression(start.callee);
  if (factory.type !== AST_NODE_TYPES.MemberExpression || !builderFactories.has(staticKeyName(factory) ?? '')) return undefined;
  const [first] = start.arguments;
  const fromArgument = first && first.type !== AST_NODE_TYPES.SpreadElement && !isStringLiteral(first) ? modelOfReference(context, first) : undefined;
  if (fromArgument) return fromArgument;
  const owner = modelOfReference(context, factory.object);
  if (owner?.activeRecord) return owner;
  return entityOfRepository(context, factory.object);
}

/**
 * The hard delete `call` is, if it is one of a soft-delete model. Call only for member calls named in
 * `hardDeleteNames`: each receiver form is tried from the cheapest, the type checker last.
 */
export function hardDeleteOf(context: AnyRuleContext, call: TSESTree.CallExpression): HardDelete | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticKeyName(callee);
  if (method === undefined) return undefined;
  const receiver = unwrapExpression(callee.object);
  const args = call.arguments;
  const found = (model: SoftModel | undefined, form: Form): HardDelete | undefined => {
    const spec = model && methodSpec(model, method, form);
    if (!model || !spec || selectsByDeletionTime(model, call)) return undefined;
    return { model, call, method: callee.property, soft: form === 'model' ? (spec.modelSoft ?? spec.soft) : spec.soft };
  };

  // Sequelize: `destroy({ force: true })` on a paranoid model, static or on an instance.
  const forceEntry = entries.find(({ spec }) => spec.forceOption?.methods.includes(method));
  if (forceEntry) {
    const option = forceEntry.spec.forceOption!;
    const options = args[option.argument] && unwrapExpression(args[option.argument]!);
    const force = options?.type === AST_NODE_TYPES.ObjectExpression ? propertyOf(options, option.key) : undefined;
    if (force?.value.type === AST_NODE_TYPES.Literal && force.value.value === true) {
      const instanceMethods = new Set(forceEntry.library.activeRecord?.finders ?? []);
      const model =
        modelOfReference(context, receiver) ??
        modelOfInstance(context, receiver, instanceMethods) ??
        modelAtSite(context, instanceClassSite(context, receiver));
      if (model?.entry.spec.forceOption?.methods.includes(method) && !model.ownStatics.has(method) && !selectsByDeletionTime(model, call)) {
        return { model, call, method: callee.property, force };
      }
    }
  }
  if (!entries.some(({ spec }) => spec.hardMethods?.some((spec) => spec.method === method))) return undefined;

  // Query builder: `.delete()` takes no arguments there, unlike `Map.prototype.delete`.
  if (args.length === 0) {
    const model = builderModel(context, call, receiver);
    if (model) return found(model, 'builder');
  }
  // An entity manager given the entity class first: `manager.delete(User, id)`, `manager.remove(User, user)`;
  // typed, also the entity it removes: `manager.remove(user)`. A soft-delete class handed to anything else
  // (a generic service of the project) is that service's business.
  const [first] = args;
  if (first && first.type !== AST_NODE_TYPES.SpreadElement) {
    const byClass = args.length >= 2 ? modelOfReference(context, first) : undefined;
    if (byClass) return isManager(context, receiver) ? found(byClass, 'manager') : undefined;
    if (args.length === 1 && method === 'remove' && hasTypeInformation(context) && managerKinds.has(typeDeclarationSite(context, receiver)?.name ?? '')) {
      return found(modelAtSite(context, instanceClassSite(context, first)), 'manager');
    }
  }
  const repository = entityOfRepository(context, receiver) ?? modelAtSite(context, typeArgumentClassSite(context, receiver, [...repositoryTypes], repositoryPackages));
  if (repository) return found(repository, 'repository');
  // Active record: `User.delete(id)` on the class, `user.remove()` on an entity.
  const asClass = modelOfReference(context, receiver);
  if (asClass) return asClass.activeRecord && !asClass.ownStatics.has(method) ? found(asClass, 'model') : undefined;
  const instanceMethods = new Set(entries.flatMap(({ library }) => library.activeRecord?.finders ?? []));
  const instance = modelOfInstance(context, receiver, instanceMethods) ?? modelAtSite(context, instanceClassSite(context, receiver));
  return instance?.activeRecord ? found(instance, 'instance') : undefined;
}

// ------------------------------------------------------------------------------------------------ raw SQL

const DELETE_FROM = /^\s*DELETE\s+FROM\s+(?:ONLY\s+)?((?:[`"[]?[\w$]+[`"\]]?\.)*[`"[]?[\w$]+[`"\]]?)([\s\S]*)$/i;

/** `DELETE FROM users WHERE …` in SQL text: the table (lower-case, schema and quotes dropped) and the rest of the statement. */
export function deleteStatement(text: string): { table: string; rest: string } | undefined {
  if (!/DELETE/i.test(text)) return undefined;
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  for (const statement of withoutComments.split(';')) {
    const match = DELETE_FROM.exec(statement);
    if (match?.[1]) return { table: (match[1].split('.').at(-1) ?? '').replace(/[`"[\]]/g, '').toLowerCase(), rest: match[2] ?? '' };
  }
  return undefined;
}

/** Whether SQL text, at a glance, may delete rows: the visitor's cheap filter before any evaluation. */
export function mayDeleteRows(call: TSESTree.CallExpression): boolean {
  const [first] = call.arguments;
  const value = first && unwrapExpression(first);
  if (!value) return false;
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*DELETE\b/i.test(value.value);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*DELETE\b/i.test(value.quasis[0]?.value.cooked ?? '');
  // A constant declared elsewhere in the file: decided after evaluation.
  return value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.BinaryExpression;
}

/** The soft-delete models a file knows by name: declared in it, or imported from the project's modules (PascalCase names: models). */
const knownModels = perFile((context): readonly SoftModel[] => {
  const models: SoftModel[] = [];
  const add = (model: SoftModel | undefined): void => {
    if (model && !models.includes(model)) models.push(model);
  };
  const visit = (statement: TSESTree.Node): void => {
    const node = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (!node) return;
    if (node.type === AST_NODE_TYPES.ClassDeclaration) add(modelOfClass(context, node));
    else if (node.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of node.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || !/^[A-Z]/.test(declarator.id.name)) continue;
        add(modelOfDefinition(definitionOf(context, declarator.id)));
      }
    } else if (node.type === AST_NODE_TYPES.ImportDeclaration && node.importKind !== 'type') {
      for (const specifier of node.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
        if (/^[A-Z]/.test(specifier.local.name)) add(modelOfDefinition(definitionOf(context, specifier.local)));
      }
    }
  };
  for (const statement of context.sourceCode.ast.body) visit(statement);
  return models;
});

export interface RawDelete {
  readonly model: SoftModel;
  readonly table: string;
  /** The SQL argument: where the report sits. */
  readonly sql: TSESTree.Node;
}

/** `pool.query('DELETE FROM users WHERE id = $1')` where `users` is the table of a soft-delete model this file knows. */
export function rawDeleteOf(context: AnyRuleContext, call: TSESTree.CallExpression): RawDelete | undefined {
  const [sql] = call.arguments;
  if (!sql || sql.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const text = leadingText(context, sql);
  const statement = text === undefined ? undefined : deleteStatement(text);
  if (!statement) return undefined;
  const model = knownModels(context).find((candidate) => candidate.tables.includes(statement.table));
  if (!model) return undefined;
  // Purging rows already soft-deleted (`WHERE deleted_at < now() - interval '30 days'`) is what soft delete plans for.
  const rest = statement.rest.toLowerCase();
  if (model.deletedAt.some((column) => new RegExp(`\\b${column.replace(/[$]/g, '\\$&')}\\b`).test(rest))) return undefined;
  if (!matchCallee(context, call, statementSinks)) return undefined;
  return { model, table: statement.table, sql };
}
