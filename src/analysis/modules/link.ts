/**
 * What a name refers to when the answer lives in another module of the project: the function a
 * call runs, the class a receiver is an instance of, the value an import binds. Follows
 * imports (default, named, renamed, namespace), `require` (plain and destructured), `tsconfig`
 * aliases, barrels and re-exports (`export * from`, `export { x as y } from`), CommonJS
 * (`module.exports = …`, `exports.x = …`, `export =`), classes (constructed with `new`, static
 * methods, fields and constructor parameters typed with a project class as NestJS injects them,
 * methods inherited from a project base class), and constant objects of functions. A package's
 * names passed on by a project module (`export * from 'knex'`) are answered as such, for the import
 * engine to name. In typed mode the checker's declaration is used where the syntax gives no answer
 * (aliases the syntax cannot follow, inferred types), and a method of a project interface is the
 * one concrete class's that implements it. NestJS custom providers are found by their string token
 * in the modules a file's imports reach.
 *
 * The same code answers for the linted file and for the modules it reaches, so a summary of a
 * module follows that module's own imports: A calls B calls C. Every step is bounded; anything
 * dynamic (`import()`, a computed `require`) is not followed.
 */
import path from 'node:path';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { childNodes, staticKeyName, unwrapExpression } from '../../util/ast';
import { implementingClassSite, projectDeclarationRange } from '../objects/type-checker';
import type { AnyRuleContext } from '../per-file';
import { classDeclaredAt, findAround } from '../walk';
import { followModulesSetting } from '../settings';
import { loadModule, type ModuleContext } from './load';
import { isProjectFile, resolveProjectModule } from './resolve';
import injection from '../../knowledge/dependency-injection';
import { libraries } from '../../knowledge';
import { isBuiltInValue } from '../../util/built-ins';
import { isFunctionNode } from '../functions';

/** Per module of an active-record library: its model base classes, and their static methods that return an instance of the model (`findByPk`). */
const activeRecordByModule = new Map<string, { readonly bases: ReadonlySet<string>; readonly finders: ReadonlySet<string> }>(
  libraries.flatMap((library) => {
    const record = { bases: new Set(library.activeRecord?.bases ?? []), finders: new Set(library.activeRecord?.finders ?? []) };
    return record.bases.size > 0 && record.finders.size > 0 ? library.modules.map((moduleName) => [moduleName, record] as const) : [];
  }),
);
const instanceFinderNames: ReadonlySet<string> = new Set([...activeRecordByModule.values()].flatMap((record) => [...record.finders]));

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What an expression is, as far as the project's modules say. */
export type Value =
  | { readonly kind: 'function'; readonly context: ModuleContext; readonly node: FunctionNode }
  | { readonly kind: 'class'; readonly context: ModuleContext; readonly node: ClassNode }
  /** An object of a project class: `new MailService()`, a field typed `MailService`, `this`. */
  | { readonly kind: 'instance'; readonly context: ModuleContext; readonly node: ClassNode }
  | { readonly kind: 'object'; readonly context: ModuleContext; readonly node: TSESTree.ObjectExpression }
  /** A whole module: `import * as repo`, `require('./repo')` of an ES module. */
  | { readonly kind: 'namespace'; readonly context: ModuleContext }
  /** Any other value, where it is written (`export const db = knex(config)`): for the import engine. */
  | { readonly kind: 'expression'; readonly context: ModuleContext; readonly node: TSESTree.Node }
  /**
   * A name a package exports, reached through the project (`export { ManyToOne } from 'typeorm'`,
   * `export * from 'knex'`, `module.exports = { knex: require('knex') }`): for the import engine,
   * which knows what the package's names are. `name` is the export path in the package (`default`
   * for its default export or `module.exports`, `*` for the whole module); `modules` are the
   * packages that may export it, in order (several `export *` of packages). `node` is where the
   * project names it.
   */
  | { readonly kind: 'library'; readonly context: ModuleContext; readonly node: TSESTree.Node; readonly modules: readonly string[]; readonly name: string };

/** How a message names another file: relative to the linted file's folder, as an import would (`../lib/db.ts`). */
export function describeFile(context: AnyRuleContext, file: string): string {
  const relative = path.relative(path.dirname(path.resolve(context.cwd, context.filename)), file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** A function of the project a call runs. */
export interface CalledFunction {
  readonly context: ModuleContext;
  readonly fn: FunctionNode;
  /** Whether it lives in another file than the caller. */
  readonly crossFile: boolean;
}

const MAX_HOPS = 8;
/** How many modules a search for a NestJS provider reads, at most. */
const MAX_PROVIDER_MODULES = 24;

// ------------------------------------------------------------------------------------------ sessions

/**
 * One session per linted file: which module files were compared with the disk for it. Modules
 * parsed for a summary are marked, so that questions asked inside them join the linted file's session.
 */
const modulePrograms = new WeakSet<TSESTree.Program>();
let session: { program: TSESTree.Program; checked: Map<string, ModuleContext | null> } | undefined;

function sessionFor(context: AnyRuleContext): Map<string, ModuleContext | null> {
  const program = context.sourceCode.ast;
  if (!session || (session.program !== program && !modulePrograms.has(program))) session = { program, checked: new Map() };
  return session.checked;
}

const linksByProgram = new WeakMap<TSESTree.Program, Links | null>();

/** The link engine of a file (linted or reached); undefined when the team turned cross-file reach off. */
export function getLinks(context: AnyRuleContext): Links | undefined {
  const program = context.sourceCode.ast;
  let links = linksByProgram.get(program);
  if (links === undefined) {
    links = followModulesSetting(context) ? new Links(context) : null;
    linksByProgram.set(program, links);
  }
  return links ?? undefined;
}


function isClass(node: TSESTree.Node | null | undefined): node is ClassNode {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent as ClassNode;
  }
  return undefined;
}

function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** `require('./x')` with a constant path, `require` not shadowed. */
function requiredModule(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  const call = unwrapExpression(node);
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== 'require' ||
    call.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
    typeof call.arguments[0].value !== 'string'
  ) {
    return undefined;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(call.callee), call.callee);
  return variable && variable.defs.length > 0 ? undefined : call.arguments[0].value;
}

/** `module.exports`, `exports`: the assignment targets of CommonJS. */
function commonJsTarget(node: TSESTree.Node): { whole: boolean; name?: string } | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = node.object;
  const name = staticKeyName(node);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && name === 'exports') return { whole: true };
  if (name === undefined) return undefined;
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return { whole: false, name };
  if (object.type === AST_NODE_TYPES.MemberExpression && commonJsTarget(object)?.whole) return { whole: false, name };
  return undefined;
}

export class Links {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly root: string;
  private readonly values = new Map<TSESTree.Node, Value | null>();
  private readonly exportsByName = new Map<string, Value | null>();
  /** Specifier → file: packages are asked about again and again (`axios`, `knex`). */
  private readonly resolved = new Map<string, string | null>();

  private filePath: string | undefined;

  constructor(private readonly context: AnyRuleContext) {
    this.sourceCode = context.sourceCode;
    this.root = context.cwd;
  }

  /** The absolute path of this module's file (made when first asked: most linted files never ask). */
  get file(): string {
    return (this.filePath ??= path.resolve(this.context.cwd, this.context.filename));
  }

  /**
   * The module `specifier` names, read and parsed; undefined for packages and files that do not parse.
   * `mentions`: a name the question is about (one export looked up through `export *`); a module
   * whose text never writes it, nor re-exports another module wholesale, is left unparsed.
   */
  moduleAt(specifier: string, mentions?: string): ModuleContext | undefined {
    const file = this.projectFile(specifier);
    if (!file) return undefined;
    const loaded = loadModule(this.context, file, sessionFor(this.context), mentions);
    if (loaded) modulePrograms.add(loaded.sourceCode.ast);
    return loaded;
  }

  /** The project file `specifier` names; null for packages (and for files that do not exist or lie outside the project). */
  private projectFile(specifier: string): string | null {
    let file = this.resolved.get(specifier);
    if (file === undefined) this.resolved.set(specifier, (file = resolveProjectModule(this.file, specifier, this.root) ?? null));
    return file;
  }

  /** A name of a package, when `specifier` is one (not a relative path or a file of the project). */
  private libraryValue(specifier: string, name: string, node: TSESTree.Node): Value | undefined {
    if (specifier.startsWith('.') || path.isAbsolute(specifier) || this.projectFile(specifier)) return undefined;
    return { kind: 'library', context: this.context, node, modules: [specifier], name };
  }

  /** A module of the project by its path (a declaration the type checker found); undefined outside the project or when it does not parse. */
  moduleFile(fileName: string): ModuleContext | undefined {
    if (!isProjectFile(fileName, this.root)) return undefined;
    if (this.file === path.resolve(fileName)) return this.context;
    const loaded = loadModule(this.context, fileName, sessionFor(this.context));
    if (loaded) modulePrograms.add(loaded.sourceCode.ast);
    return loaded;
  }

  // ----------------------------------------------------------------------------------- questions

  /** The project function a call runs, in this file or another; undefined when it cannot be told. */
  calledFunction(call: TSESTree.CallExpression | TSESTree.NewExpression): CalledFunction | undefined {
    if (call.type === AST_NODE_TYPES.NewExpression) return undefined;
    const callee = unwrapExpression(call.callee);
    let value: Value | undefined;
    let receiver: Value | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) value = this.valueOf(callee, 0);
    else if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticKeyName(callee);
      receiver = name === undefined ? undefined : this.receiverValue(callee.object, 0);
      value = receiver && this.member(receiver, name!, 0);
    }
    if (value?.kind !== 'function' && !this.settledWithoutTypes(callee, value, receiver)) value = this.typedFunction(callee) ?? value;
    if (value?.kind !== 'function') return undefined;
    return { context: value.context, fn: value.node, crossFile: value.context.sourceCode.ast !== this.sourceCode.ast };
  }

  /** What an expression of this file is, as the project's modules say. */
  valueOf(node: TSESTree.Node, depth: number): Value | undefined {
    const expression = unwrapExpression(node);
    if (this.values.has(expression)) return this.values.get(expression) ?? undefined;
    this.values.set(expression, null);
    const value = depth > MAX_HOPS ? undefined : this.compute(expression, depth);
    this.values.set(expression, value ?? null);
    return value;
  }

  /** The value a module exports under a name (`default` for the default export or `module.exports`). */
  exportValue(name: string, depth: number): Value | undefined {
    if (this.exportsByName.has(name)) return this.exportsByName.get(name) ?? undefined;
    this.exportsByName.set(name, null);
    const value = depth > MAX_HOPS ? undefined : this.findExport(name, depth);
    this.exportsByName.set(name, value ?? null);
    return value;
  }

  // ------------------------------------------------------------------------------------ answers

  private compute(node: TSESTree.Node, depth: number): Value | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierValue(node, depth);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return { kind: 'function', context: this.context, node };
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.ClassDeclaration:
        return { kind: 'class', context: this.context, node };
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'object', context: this.context, node };
      case AST_NODE_TYPES.NewExpression: {
        const constructed = this.valueOf(node.callee, depth + 1);
        return constructed?.kind === 'class' ? { ...constructed, kind: 'instance' } : { kind: 'expression', context: this.context, node };
      }
      case AST_NODE_TYPES.CallExpression: {
        const required = requiredModule(this.sourceCode, node);
        if (required !== undefined) return this.requireValue(required, node, depth);
        return this.foundModel(node, depth) ?? { kind: 'expression', context: this.context, node };
      }
      case AST_NODE_TYPES.AwaitExpression: {
        const awaited = unwrapExpression(node.argument);
        return (awaited.type === AST_NODE_TYPES.CallExpression ? this.foundModel(awaited, depth) : undefined) ?? { kind: 'expression', context: this.context, node };
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticKeyName(node);
        const receiver = name === undefined ? undefined : this.receiverValue(node.object, depth + 1);
        return (receiver && this.member(receiver, name!, depth + 1)) ?? { kind: 'expression', context: this.context, node };
      }
      default:
        return { kind: 'expression', context: this.context, node };
    }
  }

  /** `require('./x')`: `module.exports` when the module sets it, else the module's exports. */
  private requireValue(specifier: string, node: TSESTree.Node, depth: number): Value | undefined {
    const target = this.moduleAt(specifier);
    if (!target) return this.libraryValue(specifier, 'default', node);
    const links = getLinks(target);
    return links?.commonJsExports(depth + 1) ?? { kind: 'namespace', context: target };
  }

  private identifierValue(identifier: TSESTree.Identifier, depth: number): Value | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    switch (definition.type) {
      case 'ImportBinding': {
        const declaration = definition.parent;
        if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
        const specifier = definition.node;
        const name =
          specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : specifier.type === AST_NODE_TYPES.ImportSpecifier ? exportedName(specifier.imported) : 'default';
        const target = this.moduleAt(declaration.source.value);
        // A package's name (`import { DataSource } from 'typeorm'; export { DataSource }`): the import engine knows it.
        if (!target) return this.libraryValue(declaration.source.value, name, specifier);
        if (name === '*') return { kind: 'namespace', context: target };
        return getLinks(target)?.exportValue(name, depth + 1);
      }
      case 'FunctionName':
        return isFunctionNode(definition.node) ? { kind: 'function', context: this.context, node: definition.node } : undefined;
      case 'ClassName':
        return isClass(definition.node) ? { kind: 'class', context: this.context, node: definition.node } : undefined;
      case 'Variable': {
        const declarator = definition.node;
        // Only a binding that is never reassigned says what it holds everywhere.
        if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id && ref.init !== true)) return undefined;
        if (!declarator.init) return undefined;
        if (declarator.id === definition.name) return this.valueOf(declarator.init, depth + 1);
        // `const { send } = require('./mail')`, `const { send } = mailer`
        if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          const property = declarator.id.properties.find(
            (candidate): candidate is TSESTree.Property =>
              candidate.type === AST_NODE_TYPES.Property &&
              (candidate.value === definition.name ||
                (candidate.value.type === AST_NODE_TYPES.AssignmentPattern && candidate.value.left === definition.name)),
          );
          const key = property && staticKeyName(property);
          const whole = key === undefined ? undefined : this.valueOf(declarator.init, depth + 1);
          return whole && this.member(whole, key!, depth + 1);
        }
        return undefined;
      }
      case 'Parameter': {
        // `(mail: MailService)`: an instance of the class the annotation names.
        const annotation = (definition.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
        return this.annotatedInstance(annotation, depth);
      }
      default:
        return undefined;
    }
  }

  /** `MailService` in a type annotation: an instance of that project class. */
  private annotatedInstance(annotation: TSESTree.TypeNode | undefined, depth: number): Value | undefined {
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
    const type = this.valueOf(annotation.typeName, depth + 1);
    return type?.kind === 'class' ? { ...type, kind: 'instance' } : undefined;
  }

  /** What a call's receiver is: `this`, `this.mailService`, `super`, or any other expression. */
  private receiverValue(node: TSESTree.Node, depth: number): Value | undefined {
    const receiver = unwrapExpression(node);
    if (receiver.type === AST_NODE_TYPES.ThisExpression) {
      const owner = enclosingClass(receiver);
      return owner && { kind: 'instance', context: this.context, node: owner };
    }
    if (receiver.type === AST_NODE_TYPES.Super) {
      const owner = enclosingClass(receiver);
      const base = owner?.superClass ? this.valueOf(owner.superClass, depth + 1) : undefined;
      return base?.kind === 'class' ? { ...base, kind: 'instance' } : undefined;
    }
    if (receiver.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(receiver.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = staticKeyName(receiver);
      const owner = enclosingClass(receiver);
      if (name !== undefined && owner) {
        const field = this.fieldValue(owner, name, depth);
        if (field) return field;
      }
    }
    return this.valueOf(receiver, depth);
  }

  /** A field of a class of this file: typed with a project class, initialised with `new X()`, or injected. */
  private fieldValue(owner: ClassNode, name: string, depth: number): Value | undefined {
    for (const member of owner.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticKeyName(member) === name) {
        return this.annotatedInstance(member.typeAnnotation?.typeAnnotation, depth) ?? (member.value ? this.valueOf(member.value, depth + 1) : undefined);
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const parameter of member.value.params) {
          if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
          if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return this.annotatedInstance(inner.typeAnnotation?.typeAnnotation, depth);
        }
      }
    }
    return undefined;
  }

  /** A member of a value: an export of a namespace, a static or instance method (own or inherited), a property of an object. */
  member(value: Value, name: string, depth: number): Value | undefined {
    if (depth > MAX_HOPS) return undefined;
    switch (value.kind) {
      case 'namespace':
        return getLinks(value.context)?.exportValue(name, depth + 1);
      case 'object': {
        // The last property of that name wins, as in the object itself; `...require('./db')` spreads a module in.
        for (const property of [...value.node.properties].reverse()) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            const spread = getLinks(value.context)?.valueOf(property.argument, depth + 1);
            const found = spread && this.member(spread, name, depth + 1);
            if (found) return found;
            continue;
          }
          if (property.type !== AST_NODE_TYPES.Property || staticKeyName(property) !== name) continue;
          return getLinks(value.context)?.valueOf(property.value, depth + 1);
        }
        return undefined;
      }
      case 'library':
        // A package's namespace, or a name under one of its exports (`Prisma.raw`); under its
        // default export (`require('knex').knex`) the package's own named exports, as the import engine maps them.
        return { ...value, name: value.name === '*' || value.name === 'default' ? name : `${value.name}.${name}` };
      case 'class':
      case 'instance': {
        const isStatic = value.kind === 'class';
        for (const member of value.node.body.body) {
          if (
            (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') ||
            member.type === AST_NODE_TYPES.PropertyDefinition
          ) {
            if (member.static !== isStatic || staticKeyName(member) !== name) continue;
            const body = member.value && unwrapExpression(member.value);
            if (isFunctionNode(body)) return { kind: 'function', context: value.context, node: body };
            // `static queue = new Queue('mail')`: what the field holds.
            return member.type === AST_NODE_TYPES.PropertyDefinition && member.value ? getLinks(value.context)?.valueOf(member.value, depth + 1) : undefined;
          }
        }
        const superClass = value.node.superClass;
        const base = superClass ? getLinks(value.context)?.valueOf(superClass, depth + 1) : undefined;
        return base?.kind === 'class' ? this.member({ ...base, kind: value.kind }, name, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * `Order.findByPk(id)`, `await User.findOneBy({ id })`: a model class of the project (active record, its
   * chain of base classes ending in the library's) asked for one of its rows by a static method the library
   * declares to return an instance of the class. The row is an instance of the project's class, so its own
   * methods are the project's (`order.archive()`) and the rest are the library's (`order.update()`).
   */
  private foundModel(call: TSESTree.CallExpression, depth: number): Value | undefined {
    const callee = unwrapExpression(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
    if (method === undefined || !instanceFinderNames.has(method)) return undefined;
    const model = this.valueOf((callee as TSESTree.MemberExpression).object, depth + 1);
    if (model?.kind !== 'class') return undefined;
    let owner: { context: ModuleContext; node: ClassNode } = model;
    for (let hops = 0; hops <= MAX_HOPS; hops++) {
      // A finder of the project's own (a static method by that name) returns whatever it returns.
      const ownFinder = owner.node.body.body.some(
        (member) => (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && member.static && staticKeyName(member) === method,
      );
      if (ownFinder) return undefined;
      const superClass = owner.node.superClass;
      const base = superClass ? getLinks(owner.context)?.valueOf(superClass, depth + hops + 1) : undefined;
      if (base?.kind === 'library') {
        const found = base.modules.some((moduleName) => {
          const record = activeRecordByModule.get(moduleName);
          return record !== undefined && record.bases.has(base.name) && record.finders.has(method);
        });
        return found ? { ...model, kind: 'instance' } : undefined;
      }
      if (base?.kind !== 'class') return undefined;
      owner = base;
    }
    return undefined;
  }

  /** `module.exports = X` or `export = X` of this module, if it has one. */
  commonJsExports(depth: number): Value | undefined {
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.TSExportAssignment) return this.valueOf(statement.expression, depth + 1);
      if (
        statement.type === AST_NODE_TYPES.ExpressionStatement &&
        statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
        statement.expression.operator === '=' &&
        commonJsTarget(statement.expression.left)?.whole
      ) {
        return this.valueOf(statement.expression.right, depth + 1);
      }
    }
    return undefined;
  }

  private findExport(name: string, depth: number): Value | undefined {
    const starTargets: TSESTree.ExportAllDeclaration[] = [];
    for (const statement of this.sourceCode.ast.body) {
      switch (statement.type) {
        case AST_NODE_TYPES.ExportNamedDeclaration: {
          if (statement.exportKind === 'type') break;
          const declaration = statement.declaration;
          if (declaration) {
            if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === name) {
              return this.valueOf(declaration, depth);
            }
            if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
              for (const declarator of declaration.declarations) {
                if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) {
                  return declarator.init ? this.valueOf(declarator.init, depth + 1) : undefined;
                }
              }
            }
          }
          for (const specifier of statement.specifiers) {
            if (specifier.type !== AST_NODE_TYPES.ExportSpecifier || exportedName(specifier.exported) !== name) continue;
            const local = exportedName(specifier.local);
            if (statement.source) {
              const target = this.moduleAt(statement.source.value);
              if (!target) return this.libraryValue(statement.source.value, local, specifier);
              return getLinks(target)?.exportValue(local, depth + 1);
            }
            return specifier.local.type === AST_NODE_TYPES.Identifier ? this.valueOf(specifier.local, depth + 1) : undefined;
          }
          break;
        }
        case AST_NODE_TYPES.ExportDefaultDeclaration:
          if (name === 'default') return this.valueOf(statement.declaration, depth + 1);
          break;
        case AST_NODE_TYPES.ExportAllDeclaration:
          if (statement.exported) {
            if (exportedName(statement.exported) === name) {
              const target = this.moduleAt(statement.source.value);
              return target ? { kind: 'namespace', context: target } : this.libraryValue(statement.source.value, '*', statement);
            }
          } else if (name !== 'default') {
            starTargets.push(statement);
          }
          break;
        case AST_NODE_TYPES.ExpressionStatement: {
          const assignment = statement.expression;
          if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') break;
          const target = commonJsTarget(assignment.left);
          if (target && !target.whole && target.name === name) return this.valueOf(assignment.right, depth + 1);
          break;
        }
        default:
      }
    }
    const commonJs = this.commonJsExports(depth);
    if (commonJs) return name === 'default' ? commonJs : this.member(commonJs, name, depth + 1);
    // `export * from 'knex'`: the packages' names, after the project's own modules.
    const packages: TSESTree.ExportAllDeclaration[] = [];
    for (const star of starTargets) {
      const target = this.moduleAt(star.source.value, name);
      const found = target && getLinks(target)?.exportValue(name, depth + 1);
      if (found) return found;
      if (!target && this.libraryValue(star.source.value, name, star)) packages.push(star);
    }
    const [first] = packages;
    return first && { kind: 'library', context: this.context, node: first, modules: packages.map((star) => star.source.value), name };
  }

  /**
   * NestJS: what the one custom provider of a string token gives (`{ provide: 'DB', useFactory: () =>
   * knex(config) }`): the factory's returned expression or the `useValue`, where it is written. Looked
   * for in this module, the project modules it imports, and those modules' imports that write the token:
   * a provider declared anywhere else is not found. Two providers of the token found, or a factory with
   * several returns, and there is no answer.
   */
  providedValue(token: string): Value | undefined {
    const providers: (Value | undefined)[] = [];
    const visited = new Set<TSESTree.Program>();
    const search = (module: ModuleContext, hops: number): void => {
      const program = module.sourceCode.ast;
      if (visited.has(program) || visited.size >= MAX_PROVIDER_MODULES) return;
      visited.add(program);
      if (module.sourceCode.text.includes(token)) collectProviders(module, program, token, providers);
      const links = hops > 0 ? getLinks(module) : undefined;
      if (!links) return;
      for (const statement of program.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
        // The last hop reads only the modules whose text writes the token.
        const target = links.moduleAt(statement.source.value, hops === 1 ? token : undefined);
        if (target) search(target, hops - 1);
      }
    };
    search(this.context, 2);
    return providers.length === 1 ? providers[0] : undefined;
  }

  /**
   * Whether what the modules said of a callee is already all the checker could add, so it is not
   * asked (a question to the checker about a call is the most expensive question there is): a
   * package's name (`eq`, `OneToMany`), a global no module declares (`fetch`, `JSON.stringify()`), a
   * method of an object a package's function made (`Router().get()`), a method looked for on a
   * project class whose chain of base classes is known to its end (a package's class, or none)
   * and does not declare it (`Order.update()` of a Sequelize model).
   */
  private settledWithoutTypes(callee: TSESTree.Node, value: Value | undefined, receiver: Value | undefined): boolean {
    if (value?.kind === 'library') return true;
    const named = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : callee;
    if (named.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(named), named);
      if (!variable || variable.defs.length === 0) return true;
    }
    if (value !== undefined || callee.type === AST_NODE_TYPES.Identifier) return false;
    // `ids.map((_, i) => `$${i + 1}`).join(', ')`, `` `${a}`.trim() ``: a method of a value the language made.
    if (isBuiltInValue(named)) return true;
    // `const router = Router()`, `new S3Client({})`: an object a package made has the package's methods.
    if (receiver?.kind === 'expression' && (receiver.node.type === AST_NODE_TYPES.CallExpression || receiver.node.type === AST_NODE_TYPES.NewExpression)) {
      return getLinks(receiver.context)?.valueOf(receiver.node.callee, 1)?.kind === 'library';
    }
    if (receiver?.kind !== 'class' && receiver?.kind !== 'instance') return false;
    let owner: { context: ModuleContext; node: ClassNode } = receiver;
    for (let hops = 0; hops <= MAX_HOPS; hops++) {
      const superClass = owner.node.superClass;
      if (!superClass) return true;
      const base = getLinks(owner.context)?.valueOf(superClass, hops + 1);
      if (base?.kind === 'library') return true;
      if (base?.kind !== 'class') return false;
      owner = base;
    }
    return false;
  }

  /** Typed mode: the checker's declaration of the callee, when it is a function of a project file. */
  private typedFunction(callee: TSESTree.Node): Value | undefined {
    const site = projectDeclarationRange(this.context, callee);
    if (!site || !isProjectFile(site.fileName, this.root)) return undefined;
    const target = this.moduleFile(site.fileName);
    if (!target) return undefined;
    const fn = functionAt(target.sourceCode.ast, site.start);
    if (fn) return { kind: 'function', context: target, node: fn };
    // A method of a project interface (`users: IUserRepository`): the one class that implements it.
    const implementation = implementingClassSite(this.context, callee);
    const module = implementation && this.moduleFile(implementation.fileName);
    const owner = module && classDeclaredAt(module.sourceCode.ast, implementation.start);
    const method = owner && getLinks(module)?.member({ kind: 'instance', context: module, node: owner }, implementation.method, 0);
    return method?.kind === 'function' ? method : undefined;
  }
}

/** `{ provide: token, useFactory | useValue }` objects of a module: what each gives (undefined where it cannot be told). */
function collectProviders(module: ModuleContext, program: TSESTree.Program, token: string, found: (Value | undefined)[]): void {
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const provide = propertyOf(node, injection.provider.token);
      if (provide && tokenText(module, provide) === token) {
        found.push(providerProduct(module, node));
        return;
      }
    }
    for (const [, child] of childNodes(node)) visit(child);
  };
  visit(program);
}

function propertyOf(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  const property = object.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticKeyName(candidate) === name,
  );
  return property?.value;
}

/** A token's text: a string literal, or a `const` of one in the same module. */
function tokenText(module: ModuleContext, node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal) return typeof expression.value === 'string' ? expression.value : undefined;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(module.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return undefined;
  const init = unwrapExpression(definition.node.init);
  return init.type === AST_NODE_TYPES.Literal && typeof init.value === 'string' ? init.value : undefined;
}

/** `useValue: db`, or what `useFactory` returns (its one `return`, or its expression body). */
function providerProduct(module: ModuleContext, provider: TSESTree.ObjectExpression): Value | undefined {
  const value = propertyOf(provider, injection.provider.value);
  if (value) return { kind: 'expression', context: module, node: value };
  const factory = propertyOf(provider, injection.provider.factory);
  const fn = factory && unwrapExpression(factory);
  if (!isFunctionNode(fn)) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return { kind: 'expression', context: module, node: fn.body };
  const returns: TSESTree.ReturnStatement[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
    if (isFunctionNode(node) || isClass(node)) return;
    for (const [, child] of childNodes(node)) visit(child);
  };
  for (const statement of fn.body.body) visit(statement);
  const [only] = returns;
  return returns.length === 1 && only?.argument ? { kind: 'expression', context: module, node: only.argument } : undefined;
}

/** The function declared with its name at `start`: a function declaration, a method, or a variable or field holding a function. */
function functionAt(program: TSESTree.Program, start: number): FunctionNode | undefined {
  return findAround(program, start, (node): FunctionNode | null | undefined => {
    let name: TSESTree.Node | null | undefined;
    let value: TSESTree.Node | null | undefined;
    if (node.type === AST_NODE_TYPES.FunctionDeclaration) [name, value] = [node.id, node];
    else if (node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.PropertyDefinition) [name, value] = [node.key, node.value];
    else if (node.type === AST_NODE_TYPES.VariableDeclarator) [name, value] = [node.id, node.init];
    else if (node.type === AST_NODE_TYPES.Property) [name, value] = [node.key, node.value];
    if (name?.range[0] !== start) return undefined;
    // The name was found: the search ends here, with the function or with nothing (null).
    const fn = value && unwrapExpression(value);
    return isFunctionNode(fn) ? fn : null;
  }) ?? undefined;
}
