/**
 * Answers "is the linted file a migration, of which tool, where are its `up` and `down`, and what
 * is it called?" for the three migration rules, once per file.
 *
 * A migration is a file under a migrations folder (globs: the rule's `folders` option, else the
 * shared setting `settings.dbconventions.migrationFolders`, else the defaults in
 * `src/knowledge/migrations/conventions.ts`) that has a migration's shape:
 * - a class with an `up` method (TypeORM's `implements MigrationInterface`, MikroORM's
 *   `extends Migration`, TypeORM's JavaScript template with neither);
 * - `up` exported: `export (async) function up`, `export const up: MigrationFn = …`,
 *   `export { up }`, `exports.up = …`, `module.exports.up = …`, `module.exports = { up, down }`
 *   (with methods, functions, or names of functions declared in the file), `export default { … }`,
 *   `export = { … }`.
 * A file in the folder without that shape (a helper, an index, a knexfile) is not a migration.
 *
 * Works on the AST ESLint gives the rule, that is on the editor's unsaved text.
 */
import path from 'node:path';
import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { migrationConventions, migrationTools } from '../../knowledge/migrations';
import type { MigrationToolKnowledge } from '../../knowledge/types-migrations';
import { staticKeyName, unwrapExpression } from '../../util/ast';
import { globToRegExp } from '../glob';
import { parseName } from './name';
import { perFile, type AnyRuleContext } from '../per-file';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export type DownSpec =
  /** No `down` at all. */
  | { readonly kind: 'missing' }
  /** `exports.down = false` (node-pg-migrate: rolling back is disabled on purpose). */
  | { readonly kind: 'false'; readonly node: TSESTree.Node }
  | { readonly kind: 'function'; readonly fn: FunctionNode; readonly node: TSESTree.Node }
  /** Something the rule cannot look into (an imported function): given the benefit of the doubt. */
  | { readonly kind: 'opaque'; readonly node: TSESTree.Node };

export interface MigrationShape {
  readonly shape: 'class' | 'exports';
  readonly tool: MigrationToolKnowledge | undefined;
  /** The migration's declaration: the class's name (the class when it has none), or the `up` export. */
  readonly declaration: TSESTree.Node;
  /** Where whole-file findings are reported: the declaration, or only the `class` keyword of an anonymous class. */
  readonly reportLoc: TSESTree.SourceLocation;
  /** The statement (or class member) that holds the declaration: its comments count as "at the migration". */
  readonly declarationStatement: TSESTree.Node;
  readonly classNode: ClassNode | undefined;
  readonly className: string | undefined;
  /** TypeORM's `name = 'AddOrders1700000000000'`. */
  readonly nameField: { readonly value: string; readonly node: TSESTree.Node } | undefined;
  /** `up`'s function, when the file declares it (not when it is imported). */
  readonly up: FunctionNode | undefined;
  readonly down: DownSpec;
}

const SCRIPT_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/i;
const nonMigrationFiles = new Set(migrationConventions.nonMigrationFiles);

/** The linted file's path relative to ESLint's working directory, with `/` separators; undefined for stdin text. */
export const relativeFileName = perFile((context): string | undefined => {
  const filename = context.filename;
  if (!filename || filename === '<input>' || filename === '<text>') return undefined;
  const cwd = context.cwd;
  // The usual case, without path.resolve/relative: an absolute name under the working directory.
  if (filename.startsWith(cwd) && (filename[cwd.length] === path.sep || filename[cwd.length] === '/') && !filename.includes(`${path.sep}..`)) {
    const relative = filename.slice(cwd.length + 1);
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  }
  const absolute = path.resolve(cwd, filename);
  return path.relative(cwd, absolute).split(path.sep).join('/');
});

export function absoluteFileName(context: AnyRuleContext): string {
  const filename = context.filename;
  // ESLint hands rules absolute, normalised names: path.resolve only for the odd one out.
  return path.isAbsolute(filename) && !/[\\/]\.\.?(?:[\\/]|$)/.test(filename) ? filename : path.resolve(context.cwd, filename);
}

/** The migration folder globs in force: the rule's option, else the shared setting, else the defaults. */
export function migrationFolders(context: AnyRuleContext, option: readonly string[] | undefined): readonly string[] {
  if (option && option.length > 0) return option;
  const settings = (context.settings as { dbconventions?: { migrationFolders?: unknown } } | undefined)?.dbconventions;
  const fromSettings = settings?.migrationFolders;
  if (Array.isArray(fromSettings) && fromSettings.length > 0 && fromSettings.every((glob) => typeof glob === 'string')) {
    return fromSettings as string[];
  }
  return migrationConventions.folders;
}

/** Whether the file's path makes it a candidate: a script under a migrations folder, not a declaration, test or helper. */
export function isInMigrationFolder(relative: string, folders: readonly string[]): boolean {
  if (!SCRIPT_EXTENSIONS.test(relative) || !foldersPattern(folders).test(relative)) return false;
  if (/\.d\.[cm]?ts$/i.test(relative) || /\.(?:test|spec)\.[cm]?[jt]sx?$/i.test(relative)) return false;
  const base = relative.slice(relative.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return !nonMigrationFiles.has(base);
}

const folderPatterns = new WeakMap<readonly string[], RegExp>();

/** The folder globs as one regular expression (one test per file, however many globs). */
function foldersPattern(folders: readonly string[]): RegExp {
  let pattern = folderPatterns.get(folders);
  if (!pattern) {
    pattern = new RegExp(folders.map((glob) => `(?:${globToRegExp(glob).source})`).join('|'));
    folderPatterns.set(folders, pattern);
  }
  return pattern;
}

/**
 * The migration in the linted file, or `undefined` when the file is not under a migrations folder
 * or has no migration shape.
 */
const inFolderByFile = perFile(() => new Map<readonly string[], boolean>());

export function getMigration(context: AnyRuleContext, folders: readonly string[] | undefined): MigrationShape | undefined {
  const relative = relativeFileName(context);
  if (relative === undefined) return undefined;
  // Three rules ask about every file, mostly with the same folder list: test the path once.
  const globs = migrationFolders(context, folders);
  const known = inFolderByFile(context);
  let inFolder = known.get(globs);
  if (inFolder === undefined) known.set(globs, (inFolder = isInMigrationFolder(relative, globs)));
  return inFolder ? getMigrationShape(context) : undefined;
}

/** The migration shape of the linted file, whatever its path: computed once per file. */
export const getMigrationShape = perFile((context): MigrationShape | undefined => findShape(context.sourceCode.ast, path.basename(context.filename)));

interface Found {
  value: TSESTree.Node;
  /** Where the export is named: reported on for `up`. */
  site: TSESTree.Node;
  /** The statement, or the object property, that holds the export: its comments are "at" it. */
  holder: TSESTree.Node;
}

function findShape(program: TSESTree.Program, fileName: string): MigrationShape | undefined {
  const exportsFound = new Map<'up' | 'down', Found>();
  const classes: { node: ClassNode; exported: boolean; statement: TSESTree.Node }[] = [];
  /** Names exported by reference: `export { X }`, `exports.X = X`, `module.exports = { X }`, `export default X`. */
  const exportedNames = new Set<string>();

  const record = (name: string | undefined, value: TSESTree.Node | null | undefined, site: TSESTree.Node, holder: TSESTree.Node): void => {
    if ((name === 'up' || name === 'down') && value && !exportsFound.has(name)) exportsFound.set(name, { value, site, holder });
  };
  let exportsMadeBy: TSESTree.Node | undefined;
  const exportObject = (node: TSESTree.Node, statement: TSESTree.Node): void => {
    const value = resolveValue(program, node);
    if (!value) return;
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        if (property.value.type === AST_NODE_TYPES.Identifier) exportedNames.add(property.value.name);
        record(staticKeyName(property), property.value, property.key, property);
      }
    } else if (value.type === AST_NODE_TYPES.ClassExpression || value.type === AST_NODE_TYPES.ClassDeclaration) {
      classes.push({ node: value, exported: true, statement });
    } else if (value.type === AST_NODE_TYPES.CallExpression) {
      // `module.exports = createAddColumnMigration('posts', 'visible', …)` (Ghost): a helper made the exports,
      // `down` among them for all the file can tell.
      exportsMadeBy ??= statement;
    }
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const declaration = statement.declaration;
        if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.TSDeclareFunction) {
          if (declaration.id) record(declaration.id.name, declaration, declaration.id, statement);
        } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier) record(declarator.id.name, declarator.init, declarator.id, statement);
          }
        } else if (declaration?.type === AST_NODE_TYPES.ClassDeclaration) {
          classes.push({ node: declaration, exported: true, statement });
        }
        for (const specifier of statement.specifiers) {
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          if (specifier.local.type === AST_NODE_TYPES.Identifier) exportedNames.add(specifier.local.name);
          record(exported, specifier.local, specifier.exported, statement);
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        exportObject(statement.declaration, statement);
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        exportObject(statement.expression, statement);
        break;
      case AST_NODE_TYPES.ClassDeclaration:
        classes.push({ node: statement, exported: false, statement });
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        const expression = statement.expression;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') break;
        const target = exportTarget(expression.left);
        if (target === 'module') exportObject(expression.right, statement);
        else if (target) {
          if (expression.right.type === AST_NODE_TYPES.Identifier) exportedNames.add(expression.right.name);
          record(target, expression.right, expression.left, statement);
        }
        break;
      }
      default:
        break;
    }
  }

  const orderedFile = parseName(fileName.replace(/\.[^.]+$/, '')).order !== undefined;
  const classCandidate = classes.find(
    (candidate) =>
      (candidate.exported || (candidate.node.id !== null && exportedNames.has(candidate.node.id.name))) &&
      classMember(candidate.node, 'up') !== undefined &&
      isMigrationClass(candidate.node, orderedFile),
  );
  if (classCandidate) return classShape(program, classCandidate.node, classCandidate.statement);

  const up = exportsFound.get('up');
  if (!up) return undefined;
  const upFunction = asFunction(program, up.value);
  const down = exportsFound.get('down');
  const shape: MigrationShape = {
    shape: 'exports',
    tool: undefined,
    declaration: up.site,
    reportLoc: nameLoc(up.site),
    declarationStatement: up.holder,
    classNode: undefined,
    className: undefined,
    nameField: undefined,
    up: upFunction,
    down: down ? downSpec(program, down.value, down.holder) : exportsMadeBy ? { kind: 'opaque', node: exportsMadeBy } : { kind: 'missing' },
  };
  return { ...shape, tool: identifyTool(program, shape) };
}

const classEvidence = new Set(migrationTools.flatMap((tool) => [...(tool.script?.class?.implements ?? []), ...(tool.script?.class?.extends ?? [])]));
const upParameterNames = new Set(migrationTools.flatMap((tool) => tool.script?.upParameters ?? []));

/**
 * An exported class with an `up` method is a migration when something says so: it implements or
 * extends a migration tool's type, its name or its file's name carries a timestamp or sequence, or
 * `up`'s parameter is named like a tool's (`queryRunner`). A runner class with `up()`/`down()`
 * methods (knex's own `Migrator`) is not one.
 */
function isMigrationClass(node: ClassNode, orderedFile: boolean): boolean {
  if (orderedFile || (node.id && /\d{10,}$/.test(node.id.name))) return true;
  if ((node.implements ?? []).some((clause) => classEvidence.has(simpleName(clause.expression) ?? ''))) return true;
  const base = simpleName(node.superClass);
  if (base !== undefined && classEvidence.has(base)) return true;
  const up = classMember(node, 'up');
  const fn = up?.value;
  const first = fn && (fn.type === AST_NODE_TYPES.FunctionExpression || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) ? fn.params[0] : undefined;
  return first?.type === AST_NODE_TYPES.Identifier && upParameterNames.has(first.name);
}

/** The location of a name without its type annotation (`up: MigrationFn` → `up`). */
function nameLoc(node: TSESTree.Node): TSESTree.SourceLocation {
  if (node.type === AST_NODE_TYPES.Identifier && node.typeAnnotation) {
    return { start: node.loc.start, end: { line: node.loc.start.line, column: node.loc.start.column + node.name.length } };
  }
  return node.loc;
}

/** `exports.up`, `module.exports.up`, `exports['up']` → `up`; `module.exports` → `module`. */
function exportTarget(left: TSESTree.Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = left.object;
  const isModuleExports = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    staticKeyName(node) === 'exports';
  if (isModuleExports(left)) return 'module';
  if ((object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object)) return staticKeyName(left);
  return undefined;
}

/** Follows a name to its top-level declaration (`const migration = {…}`, `function up() {}`), a few steps deep. */
function resolveValue(program: TSESTree.Program, node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.Identifier || depth > 3) return value;
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (!declaration) continue;
    if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === value.name) {
      return declaration;
    }
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === value.name) {
          return declarator.init ? resolveValue(program, declarator.init, depth + 1) : undefined;
        }
      }
    }
  }
  return undefined;
}

function asFunction(program: TSESTree.Program, node: TSESTree.Node): FunctionNode | undefined {
  const value = resolveValue(program, node);
  if (
    value?.type === AST_NODE_TYPES.FunctionDeclaration ||
    value?.type === AST_NODE_TYPES.FunctionExpression ||
    value?.type === AST_NODE_TYPES.ArrowFunctionExpression
  ) {
    return value;
  }
  return undefined;
}

function downSpec(program: TSESTree.Program, value: TSESTree.Node, node: TSESTree.Node): DownSpec {
  const resolved = resolveValue(program, value);
  if (resolved?.type === AST_NODE_TYPES.Literal && resolved.value === false) return { kind: 'false', node };
  const fn = asFunction(program, value);
  if (fn) return { kind: 'function', fn, node };
  return { kind: 'opaque', node };
}

type ClassMember = TSESTree.MethodDefinition | TSESTree.PropertyDefinition;

function classMember(node: ClassNode, name: string): ClassMember | undefined {
  for (const member of node.body.body) {
    if ((member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') || member.type === AST_NODE_TYPES.PropertyDefinition) {
      if (!member.static && staticKeyName(member) === name) return member;
    }
  }
  return undefined;
}

function classShape(program: TSESTree.Program, node: ClassNode, statement: TSESTree.Node): MigrationShape {
  const upMember = classMember(node, 'up')!;
  const downMember = classMember(node, 'down');
  const memberFunction = (member: ClassMember): FunctionNode | undefined => {
    const value = member.value;
    if (!value) return undefined;
    return value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression ? value : undefined;
  };
  const nameMember = classMember(node, 'name');
  let nameField: MigrationShape['nameField'];
  if (nameMember?.type === AST_NODE_TYPES.PropertyDefinition && nameMember.value) {
    const value = unwrapExpression(nameMember.value);
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') nameField = { value: value.value, node: value };
    else if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) nameField = { value: value.quasis[0]?.value.cooked ?? '', node: value };
  }
  let down: DownSpec = { kind: 'missing' };
  if (downMember) {
    const fn = memberFunction(downMember);
    down = fn ? { kind: 'function', fn, node: downMember } : { kind: 'opaque', node: downMember };
  }
  const shape: MigrationShape = {
    shape: 'class',
    tool: undefined,
    declaration: node.id ?? node,
    reportLoc: node.id?.loc ?? { start: node.loc.start, end: { line: node.loc.start.line, column: node.loc.start.column + 'class'.length } },
    declarationStatement: statement,
    classNode: node,
    className: node.id?.name,
    nameField,
    up: memberFunction(upMember),
    down,
  };
  return { ...shape, tool: identifyTool(program, shape) };
}

/** The last identifier of `A`, `ns.A`, `A<T>`. */
function simpleName(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(value);
  return undefined;
}

/** Module specifiers the file imports or requires, and those named in JSDoc `import('…')` types. */
function importedModules(program: TSESTree.Program, comments: readonly TSESTree.Comment[]): Set<string> {
  const modules = new Set<string>();
  const visitRequire = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    const value = unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
    if (
      value.type === AST_NODE_TYPES.CallExpression &&
      value.callee.type === AST_NODE_TYPES.Identifier &&
      value.callee.name === 'require' &&
      value.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      typeof value.arguments[0].value === 'string'
    ) {
      modules.add(value.arguments[0].value);
    } else if (value.type === AST_NODE_TYPES.MemberExpression) {
      visitRequire(value.object);
    } else if (value.type === AST_NODE_TYPES.ImportExpression && value.source.type === AST_NODE_TYPES.Literal && typeof value.source.value === 'string') {
      modules.add(value.source.value);
    }
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) modules.add(statement.source.value);
    else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      const expression = statement.moduleReference.expression;
      if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') modules.add(expression.value);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) visitRequire(declarator.init);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      visitRequire(statement.expression);
    }
  }
  for (const comment of comments) {
    for (const match of comment.value.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) modules.add(match[1]!);
  }
  return modules;
}

const CALLBACK_NAMES = new Set(['callback', 'cb', 'done', 'next']);

/** Which tool the migration is for: by what it imports, then by its class, then by `up`'s parameters. */
function identifyTool(program: TSESTree.Program, shape: MigrationShape): MigrationToolKnowledge | undefined {
  const scripts = migrationTools.filter((tool) => tool.script);
  if (shape.classNode) {
    const implemented = (shape.classNode.implements ?? []).map((clause) => simpleName(clause.expression));
    const base = simpleName(shape.classNode.superClass);
    for (const tool of scripts) {
      const spec = tool.script!.class;
      if (!tool.script!.shapes.includes('class') || !spec) continue;
      if (spec.implements?.some((name) => implemented.includes(name)) || (base !== undefined && spec.extends?.includes(base))) return tool;
    }
  }
  const modules = importedModules(program, program.comments ?? []);
  const byModule = scripts.find(
    (tool) => tool.script!.shapes.includes(shape.shape) && tool.script!.modules.some((name) => modules.has(name) || [...modules].some((module) => module.startsWith(`${name}/`))),
  );
  if (byModule) return byModule;
  const parameters = shape.up?.params ?? [];
  const first = parameters[0];
  const firstNames: string[] = [];
  if (first?.type === AST_NODE_TYPES.Identifier) firstNames.push(first.name);
  else if (first?.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of first.properties) if (property.type === AST_NODE_TYPES.Property) firstNames.push(staticKeyName(property) ?? '');
  }
  const last = parameters[parameters.length - 1];
  const hasCallback = parameters.length >= 2 && last?.type === AST_NODE_TYPES.Identifier && CALLBACK_NAMES.has(last.name);
  for (const tool of scripts) {
    const script = tool.script!;
    if (!script.shapes.includes(shape.shape)) continue;
    if (script.callback && !hasCallback) continue;
    if (script.upParameters?.some((name) => firstNames.includes(name))) return tool;
  }
  return undefined;
}

/** Names of parameters of `fn` that are completion callbacks: the last one of a callback-style tool, or one named like a callback. */
export function callbackParameters(fn: FunctionNode, tool: MigrationToolKnowledge | undefined): Set<string> {
  const names = new Set<string>();
  fn.params.forEach((parameter, index) => {
    if (parameter.type !== AST_NODE_TYPES.Identifier) return;
    const isLast = index === fn.params.length - 1 && index > 0;
    if (CALLBACK_NAMES.has(parameter.name) || (isLast && tool?.script?.callback)) names.add(parameter.name);
  });
  return names;
}
