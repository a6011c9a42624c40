import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/node-types';
import { asMethodCall, chainRoot, matchCallee, type CalleeCandidate, type CalleeMatch } from '../analysis/objects/call-sites';
import { comesFromDatabaseLibrary, getLibraryIndex } from '../analysis/objects/imports';
import { calleeMatchesSpecifier, specifierCallName, specifierSchema, type Specifier } from '../analysis/objects/specifiers';
import { genericSink, safeFormAt, sinkCandidates, sinkNames, sinksByName, sqlSnippet, type Sink } from '../analysis/sql/sinks';
import { SqlTextEvaluator, holePosition, looksLikeSql, type Hole, type Piece, type Verdict } from '../analysis/sql/text';
import { sqlWrapperOf, type SqlWrapperSummary } from '../analysis/sql/wrappers';
import { describeFile, getLinks } from '../analysis/modules/link';
import { declarationOf, isNumericOrLiteralType } from '../analysis/objects/type-checker';
import { libraries } from '../knowledge';
import type { CalleeSpec, LibraryKnowledge } from '../knowledge/types';
import type { EscapeSpec, PlaceholderStyle, TagSpec } from '../knowledge/types-sql';
import { calleeName, isStringLiteral, isWithin, staticKeyName, unwrapExpression } from '../util/ast';
import { createRule } from '../util/create-rule';
import { hasName, nameList } from '../util/names';
import { parameterise } from '../util/sql-rewrite';
import { isBuiltInValue } from '../util/built-ins';

export interface UserSink extends Specifier {
  readonly argument?: number;
  readonly kind?: 'query' | 'raw';
}

type Options = [
  {
    sinks?: UserSink[];
    safeTags?: Specifier[];
    escapeFunctions?: Specifier[];
    placeholder?: PlaceholderStyle;
  },
];
type MessageIds = 'interpolated' | 'interpolatedIdentifier' | 'interpolatedThroughHelper' | 'rawHelper' | 'parameterize';

const escapeCandidates: CalleeCandidate<EscapeSpec>[] = libraries.flatMap((library) =>
  (library.sql?.escapes ?? []).map((spec) => ({ library, callee: spec.callee, entry: spec })),
);
const safeCallCandidates: CalleeCandidate<CalleeSpec>[] = libraries.flatMap((library) =>
  (library.sql?.safeCalls ?? []).map((callee) => ({ library, callee, entry: callee })),
);
const safeTags: { library: LibraryKnowledge; tag: TagSpec }[] = libraries.flatMap((library) =>
  (library.sql?.safeTags ?? []).map((tag) => ({ library, tag })),
);
const calleeNames = (candidates: readonly CalleeCandidate<unknown>[]): Set<string> =>
  new Set(
    candidates.flatMap(({ callee }) =>
      'export' in callee ? nameList(callee.export).map((name) => name.split('.').at(-1) ?? name) : nameList(callee.method),
    ),
  );
const helperNames = new Set([...calleeNames(escapeCandidates), ...calleeNames(safeCallCandidates)]);


export default createRule<Options, MessageIds>({
  name: 'no-interpolated-sql',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL text built by interpolation or concatenation and handed to a raw-query API',
      recommended: 'recommended',
      libraries: [
        'pg',
        'mysql2',
        'better-sqlite3',
        'pg-promise',
        'postgres',
        'slonik',
        'knex',
        'objection',
        'sequelize',
        'typeorm',
        'prisma',
        'drizzle',
        'kysely',
        'mikro-orm',
      ],
    },
    hasSuggestions: true,
    messages: {
      interpolated:
        'SQL injection risk: `{{sink}}` runs SQL text with data spliced into it (`{{hole}}`, line {{line}}). A value that contains a quote rewrites the query. Keep the text constant and {{safeForm}}.',
      interpolatedIdentifier:
        'SQL injection risk: `{{sink}}` runs SQL text with a name spliced in where a table or column goes (`{{hole}}`, line {{line}}). Identifiers cannot be bound as parameters: check the name against an allow-list of known columns, or quote it with the library\'s identifier escape (`escapeIdentifier`, `??` bindings, `sql.identifier`, `sql.ref`).',
      rawHelper:
        'SQL injection risk: `{{sink}}` puts its argument into the query as it is, and this argument carries data (`{{hole}}`, line {{line}}). {{safeForm}}.',
      interpolatedThroughHelper:
        'SQL injection risk: `{{sink}}` hands its {{ordinal}} argument to `{{target}}` ({{file}}), which runs it as SQL text, and data is spliced into that text here (`{{hole}}`, line {{line}}). A value that contains a quote rewrites the query. Keep the text constant and {{safeForm}}; for a table or column name, check it against an allow-list.',
      parameterize: 'Bind the spliced values as parameters: {{preview}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          sinks: {
            type: 'array',
            description: 'Extra raw-SQL sinks, such as the team\'s own `db.run(sql)` wrapper.',
            items: specifierSchema({
              argument: { type: 'integer', minimum: 0, description: 'Which argument is the SQL text (default 0).' },
              kind: { type: 'string', enum: ['query', 'raw'], description: '`raw` for helpers that splice their argument unescaped.' },
            }),
          },
          safeTags: { type: 'array', items: specifierSchema(), description: 'Extra tagged templates that bind every hole as a parameter.' },
          escapeFunctions: { type: 'array', items: specifierSchema(), description: 'Extra functions whose result is safe to splice (escaping helpers).' },
          placeholder: {
            type: 'string',
            enum: ['dollar', 'question'],
            description: 'Placeholder style for TypeORM rewrites: `$1` (Postgres) or `?` (MySQL, SQLite).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sinks: [], safeTags: [], escapeFunctions: [], placeholder: 'dollar' }],
  },
  defaultOptions: [{ sinks: [], safeTags: [], escapeFunctions: [], placeholder: 'dollar' }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const userSinks = options.sinks ?? [];
    const userTags = options.safeTags ?? [];
    const userEscapes = options.escapeFunctions ?? [];
    const userSinkNames = new Set(userSinks.map(specifierCallName));
    const typedPlaceholder = options.placeholder ?? 'dollar';

    const evaluator = new SqlTextEvaluator(context, {
      classifyCall,
      isSafeTag,
      // Asked of every awaited call in SQL text: answered from this file alone.
      isDatabaseRead: (call) => comesFromDatabaseLibrary(getLibraryIndex(context), call.callee, true),
    });

    /** Same-file functions that pass a parameter straight into a sink: sinks in their own right. */
    const wrappers = new Map<TSESLint.Scope.Variable, { parameter: number; sink: Sink; name: string }>();
    const methodWrappers = new Map<TSESTree.ClassBody, Map<string, { parameter: number; sink: Sink }>>();
    const thisCalls: TSESTree.CallExpression[] = [];
    /** One query, one report: a wrapper call may also look like a sink by shape. */
    const checked = new Set<TSESTree.Node>();
    /**
     * Calls by a plain name that no sink has (`run(sql)`, `rawQuery(sql)`): an alias of a sink or a
     * project helper at most. Both questions start with a scope lookup, so they wait for the end of
     * the file, when the names below say which calls can be either.
     */
    const plainNameCalls: TSESTree.CallExpression[] = [];
    /** Constants that take a sink's method off its object: `const run = pool.query.bind(pool)`, `const { query: run } = pool`. */
    const aliasNames = new Set<string>();
    /** Variables that hold text built with something spliced in: `let sql = \`…\``, `sql += …`. */
    const textNames = new Set<string>();
    let fileRead = false;

    function classifyCall(call: TSESTree.CallExpression): Verdict | undefined {
      const name = calleeName(call);
      if (name === undefined) return undefined;
      if (userEscapes.some((specifier) => calleeMatchesSpecifier(context, call, specifier))) return 'safe';
      if (helperNames.has(name)) {
        // `cols.map(…).join(', ')`, `[a, b].join()`: a built-in value's method, never a library's
        // escape, and no question for the type checker.
        const useTypes = !hasBuiltInReceiver(call);
        const escape = matchCallee(context, call, escapeCandidates, undefined, useTypes);
        if (escape) {
          const format = call.arguments[0];
          const unsafe = escape.candidate.entry.unsafeIfFormatContains;
          if (unsafe && !(isStringLiteral(format) && !format.value.includes(unsafe))) return undefined;
          return 'safe';
        }
        if (matchCallee(context, call, safeCallCandidates, undefined, useTypes)) return 'safe';
      }
      // A sink inside the text is checked on its own: one finding, one report. Not worth a type
      // query (`map`, `select`, `where` are everywhere): a sink only types could tell stays an
      // unknown call, which is never reported either.
      if (sinkNames.has(name) && matchCallee(context, call, sinkCandidates, () => false, false)) return 'safe';
      // postgres.js: `sql(name)` on the tag instance escapes an identifier. A tag instance is called
      // by its own name (`sql(…)`, `this.sql(…)`): other calls are not worth asking where they come from.
      const callee = unwrapExpression(call.callee);
      const direct = callee.type === AST_NODE_TYPES.Identifier || (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression);
      if (direct && isSafeTag(callee)) return 'safe';
      return undefined;
    }

    function isSafeTag(tag: TSESTree.Expression): boolean {
      const expression = unwrapExpression(tag);
      if (userTags.some((specifier) => calleeMatchesSpecifier(context, { type: AST_NODE_TYPES.TaggedTemplateExpression, tag: expression } as TSESTree.TaggedTemplateExpression, specifier))) {
        return true;
      }
      if (safeTags.length === 0) return false;
      const index = getLibraryIndex(context);
      const root = chainRoot(expression);
      const candidates = [expression, root, ...(root.parent?.type === AST_NODE_TYPES.MemberExpression ? [root.parent] : [])];
      for (const node of candidates) {
        const origin = index.originOf(node);
        if (!origin) continue;
        const matched = safeTags.some(({ library, tag: spec }) => {
          if (library !== origin.library) return false;
          if ('export' in spec) return origin.kind === 'export' && hasName(spec.export, origin.name);
          if ('method' in spec) {
            const member = expression.type === AST_NODE_TYPES.MemberExpression ? expression : undefined;
            return (
              member !== undefined &&
              hasName(spec.method, staticKeyName(member)) &&
              node === member.object &&
              'instanceOf' in spec &&
              origin.kind === 'instance' &&
              hasName(spec.instanceOf, origin.name)
            );
          }
          return 'instanceOf' in spec && origin.kind === 'instance' && hasName(spec.instanceOf, origin.name);
        });
        if (matched) return true;
      }
      const declaration = declarationOf(context, expression);
      return Boolean(declaration?.library?.sql?.safeTags?.length);
    }

    /** Data holes, after typed mode has had its say (numbers and literal unions cannot inject). */
    function dataHoles(pieces: readonly Piece[]): Hole[] {
      return pieces.filter((piece): piece is Hole => typeof piece !== 'string' && piece.verdict === 'dynamic' && !isNumericOrLiteralType(context, piece.node));
    }

    function snippet(node: TSESTree.Node): string {
      return sqlSnippet(sourceCode, node);
    }

    /** How the message names the sink: `pool.query`, or `.where()` at the end of a long builder chain. */
    function label(call: TSESTree.CallExpression): string {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return snippet(callee);
      const receiver = sourceCode.getText(callee.object);
      return receiver.length <= 24 && !/\s|\(/.test(receiver) ? `${receiver}.${calleeName(call)}` : `.${calleeName(call)}()`;
    }

    function safeFormFor(sink: Sink, call: TSESTree.CallExpression): string {
      return safeFormAt(sourceCode, sink, call);
    }

    function insideSafeTemplate(call: TSESTree.CallExpression): boolean {
      const template = call.parent;
      return template?.type === AST_NODE_TYPES.TemplateLiteral && template.parent?.type === AST_NODE_TYPES.TaggedTemplateExpression && isSafeTag(template.parent.tag);
    }

    function check(call: TSESTree.CallExpression, sink: Sink, label: string, helper?: SqlWrapperSummary): void {
      const argument = call.arguments[sink.spec.sqlArgument];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || checked.has(argument)) return;
      checked.add(argument);
      const pieces = evaluator.pieces(argument);
      const raw = sink.spec.kind === 'raw' || (sink.spec.rawInsideTemplate === true && insideSafeTemplate(call));
      if (!raw && pieces.length === 1 && typeof pieces[0] !== 'string') {
        // The whole text comes from elsewhere: a file, a constant module, or the caller.
        const whole = pieces[0]!;
        if (whole.parameter && whole.node === argument) registerWrapper(call, argument, sink);
        // A clause fragment handed request data whole (`orderBy(req.query.sort)`) is the injection itself.
        if (clauseOf(sink, call) === undefined || whole.verdict !== 'dynamic' || whole.parameter) return;
      }
      const holes = dataHoles(pieces);
      const first = holes[0];
      if (!first) return;
      const data = {
        sink: label,
        hole: snippet(first.node),
        line: String(first.node.loc.start.line),
        safeForm: safeFormFor(sink, call),
      };
      if (helper) {
        const target = { ...data, ordinal: ORDINALS[helper.parameter] ?? `#${helper.parameter + 1}`, target: helper.sinkText, file: helper.file ? describeFile(context, helper.file) : 'this file', safeForm: helper.safeForm };
        context.report({ node: argument, messageId: 'interpolatedThroughHelper', data: target });
        return;
      }
      if (raw) {
        context.report({ node: argument, messageId: 'rawHelper', data });
        return;
      }
      const clause = clauseOf(sink, call);
      const positions = holes.map((hole) => positionOf(pieces, hole, clause));
      if (positions[0] === 'identifier') {
        context.report({ node: argument, messageId: 'interpolatedIdentifier', data });
        return;
      }
      const suggestion = positions.every((position) => position === 'value') ? suggest(call, argument, sink, holes) : undefined;
      context.report({ node: argument, messageId: 'interpolated', data, suggest: suggestion ? [suggestion] : [] });
    }

    function suggest(
      call: TSESTree.CallExpression,
      argument: TSESTree.Node,
      sink: Sink,
      holes: readonly Hole[],
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const rewrite = sink.spec.rewrite;
      if (!rewrite) return undefined;
      const bound = new Set(holes.map((hole) => hole.node));
      // Only what is written at the call can be rewritten in place.
      if (![...bound].every((node) => isWithin(node, argument))) return undefined;
      const placeholder = rewrite.style === 'tagged-method' ? 'dollar' : rewrite.placeholder === 'option' ? typedPlaceholder : rewrite.placeholder;
      const built = parameterise(sourceCode, argument, (expression) => bound.has(expression), placeholder, rewrite.style !== 'options-property');
      if (!built) return undefined;
      const values = `[${built.values.join(', ')}]`;
      const callee = unwrapExpression(call.callee);
      switch (rewrite.style) {
        case 'values-argument':
          if (call.arguments.length !== rewrite.argument) return undefined;
          return {
            messageId: 'parameterize',
            data: { preview: preview(`${built.text}, ${values}`) },
            fix: (fixer) => fixer.replaceText(argument, `${built.text}, ${values}`),
          };
        case 'options-property':
          if (call.arguments.length !== rewrite.argument) return undefined;
          return {
            messageId: 'parameterize',
            data: { preview: preview(`${built.text}, { ${rewrite.property}: ${values} }`) },
            fix: (fixer) => fixer.replaceText(argument, `${built.text}, { ${rewrite.property}: ${values} }`),
          };
        case 'tagged-method': {
          // Every hole of a tagged template becomes a parameter: only when every hole carries data.
          const spliced = countSplices(argument);
          if (spliced !== holes.length || call.arguments.length !== 1 || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
          const replacement = `${sourceCode.getText(callee.object)}.${rewrite.method}\`${built.template}\``;
          return {
            messageId: 'parameterize',
            data: { preview: preview(replacement) },
            fix: (fixer) => fixer.replaceText(call, replacement),
          };
        }
        case 'statement-call': {
          // db.prepare(`…${id}`).get() → db.prepare('… ?').get(id)
          const member = call.parent;
          const run = member?.parent;
          if (
            member?.type !== AST_NODE_TYPES.MemberExpression ||
            member.object !== call ||
            run?.type !== AST_NODE_TYPES.CallExpression ||
            run.callee !== member ||
            run.arguments.length !== 0 ||
            !hasName(rewrite.methods, staticKeyName(member))
          ) {
            return undefined;
          }
          const closing = sourceCode.getLastToken(run);
          if (!closing) return undefined;
          return {
            messageId: 'parameterize',
            data: { preview: preview(`${built.text}).${staticKeyName(member)}(${built.values.join(', ')})`) },
            fix: (fixer) => [fixer.replaceText(argument, built.text), fixer.insertTextBefore(closing, built.values.join(', '))],
          };
        }
        default:
          return undefined;
      }
    }

    /** Cheap check before any matching: the function whose parameter this is can be called in this file. */
    function mayBeCalledWrapper(hole: Hole): boolean {
      if (hole.node.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(hole.node), hole.node);
      const fn = variable?.defs[0]?.type === 'Parameter' ? variable.defs[0].node : undefined;
      if (!fn) return false;
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
        const own = ASTUtils.findVariable(sourceCode.getScope(fn), fn.id);
        return Boolean(own?.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression));
      }
      const holder = fn.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
        const own = ASTUtils.findVariable(sourceCode.getScope(holder), holder.id);
        return Boolean(own?.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression));
      }
      return holder?.type === AST_NODE_TYPES.MethodDefinition;
    }

    function registerWrapper(call: TSESTree.CallExpression, argument: TSESTree.Node, sink: Sink): void {
      const parameter = argument as TSESTree.Identifier;
      const variable = ASTUtils.findVariable(sourceCode.getScope(parameter), parameter);
      const definition = variable?.defs[0];
      if (definition?.type !== 'Parameter') return;
      const fn = definition.node;
      const index = fn.params.indexOf(definition.name as TSESTree.Parameter);
      if (index === -1 || !isWithin(call, fn)) return;
      const wrapperSink: Sink = { library: sink.library, spec: { ...sink.spec, sqlArgument: index, rewrite: undefined, safeForm: safeFormFor(sink, call) } };
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
        const own = ASTUtils.findVariable(sourceCode.getScope(fn), fn.id);
        if (own) wrappers.set(own, { parameter: index, sink: wrapperSink, name: fn.id.name });
        return;
      }
      const holder = fn.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
        const own = ASTUtils.findVariable(sourceCode.getScope(holder), holder.id);
        if (own) wrappers.set(own, { parameter: index, sink: wrapperSink, name: holder.id.name });
        return;
      }
      if (holder?.type === AST_NODE_TYPES.MethodDefinition && holder.parent.type === AST_NODE_TYPES.ClassBody) {
        const name = staticKeyName(holder);
        if (name === undefined) return;
        let methods = methodWrappers.get(holder.parent);
        if (!methods) methodWrappers.set(holder.parent, (methods = new Map()));
        methods.set(name, { parameter: index, sink: wrapperSink });
      }
    }

    const links = getLinks(context);

    /**
     * Whether an argument is text with data spliced into it: the only thing a project helper's call
     * can be reported for, so the only reason to read the helper's module.
     */
    /** Text written at the call with something spliced in, or a variable built as such text. */
    function builtAsText(node: TSESTree.Node): boolean {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length > 0;
      if (value.type === AST_NODE_TYPES.BinaryExpression) return value.operator === '+';
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      // Once the whole file is read, a name no text was ever built into needs no scope lookup.
      if (fileRead && !textNames.has(value.name)) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
      const definition = variable?.defs[0];
      if (definition?.type !== 'Variable' || definition.node.id !== definition.name) return false;
      const init = definition.node.init && unwrapExpression(definition.node.init);
      const textInit = init?.type === AST_NODE_TYPES.TemplateLiteral || (init?.type === AST_NODE_TYPES.BinaryExpression && init.operator === '+');
      return textInit || variable!.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.AssignmentExpression && reference.identifier.parent.operator === '+=');
    }

    /**
     * Whether an argument is text with data spliced into it: the only thing a project helper's call
     * can be reported for, so the only reason to read the helper's module.
     */
    function splicesData(call: TSESTree.CallExpression): boolean {
      return call.arguments.some((argument) => {
        if (!builtAsText(argument)) return false;
        const pieces = evaluator.pieces(argument);
        return pieces.some((piece) => typeof piece === 'string' && piece.trim() !== '') && pieces.some((piece) => typeof piece !== 'string' && piece.verdict === 'dynamic');
      });
    }

    /** `const run = client.query.bind(client)` … `run(sql)`: the sink, called by another name. Answers whether it was one. */
    function checkAlias(call: TSESTree.CallExpression): boolean {
      const method = asMethodCall(context, call);
      const candidates = method && sinksByName.get(calleeName(method) ?? '');
      if (!method || !candidates) return false;
      const argument = call.arguments[candidates[0]!.entry.spec.sqlArgument];
      if (!mayCarryText(argument)) return true;
      const match = matchCallee(context, method, candidates, (candidate) => {
        if (candidate.entry.spec.byShape === 'name') return true;
        const text = call.arguments[candidate.entry.spec.sqlArgument];
        return text !== undefined && looksLikeSql(evaluator.pieces(text));
      });
      if (!match) return false;
      const sink = match.tier === 'shape' && match.candidate.entry.spec.byShape === 'sql-text' ? genericSink(match.candidate.entry) : match.candidate.entry;
      // The rewrite is written for the method call; the alias gets the advice alone.
      const member = unwrapExpression(method.callee) as TSESTree.MemberExpression;
      const receiver = sourceCode.getText(member.object).replace(/\s+/g, '');
      const methodName = calleeName(method) ?? 'query';
      check(call, { library: sink.library, spec: { ...sink.spec, rewrite: undefined, safeForm: safeFormAt(sourceCode, sink, method) } }, `${calleeText(call)} (${receiver.length <= 24 ? receiver : '…'}.${methodName})`);
      return true;
    }

    /** A call of the project's own raw-query helper, in another module (or one the same-file pass misses). */
    function checkProjectHelper(call: TSESTree.CallExpression): void {
      // Cheapest first: an argument written as text at all, then whether the callee is another
      // module's SQL helper, and only then what the text is made of (most template literals
      // handed to a call are log lines and messages).
      if (!call.arguments.some(builtAsText)) return;
      const target = links!.calledFunction(call);
      // Same-file wrappers are reported by the same-file pass, with the rewrite it can offer.
      if (!target?.crossFile) return;
      const helper = sqlWrapperOf(target.context, target.fn);
      if (!helper || !splicesData(call)) return;
      const wrapperSink: Sink = { library: helper.sink.library, spec: { ...helper.sink.spec, sqlArgument: helper.parameter, rewrite: undefined, kind: 'query', clause: undefined } };
      check(call, wrapperSink, `${calleeText(call)}()`, helper);
    }

    function calleeText(call: TSESTree.CallExpression): string {
      const text = sourceCode.getText(call.callee).replace(/\s+/g, '');
      return text.length <= 40 ? text : (calleeName(call) ?? 'query');
    }

    function userSinkFor(call: TSESTree.CallExpression, name: string): Sink | undefined {
      if (!userSinkNames.has(name) && !userSinkNames.has(undefined)) return undefined;
      const specifier = userSinks.find((candidate) => calleeMatchesSpecifier(context, call, candidate));
      if (!specifier) return undefined;
      return {
        library: undefined,
        spec: {
          callee: { export: specifier.export ?? specifier.name ?? 'sink' },
          sqlArgument: specifier.argument ?? 0,
          kind: specifier.kind ?? 'query',
          safeForm: 'pass values as parameters instead of splicing them into the text',
        },
      };
    }

    return {
      CallExpression(node) {
        const name = calleeName(node);
        if (name === undefined) return;
        const callee = unwrapExpression(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) thisCalls.push(node);
        const userSink = userSinks.length > 0 ? userSinkFor(node, name) : undefined;
        if (userSink) {
          check(node, userSink, label(node));
          return;
        }
        const candidates = sinksByName.get(name);
        if (!candidates) {
          if (callee.type === AST_NODE_TYPES.Identifier) plainNameCalls.push(node);
          else if (links) checkProjectHelper(node);
          return;
        }
        // `this.query(sql)` in a class that declares `query` is the class's own API (a driver's
        // query runner calls itself everywhere): checked as a wrapper at the end, never as a sink.
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && callsOwnMethod(node)) return;
        // Cheap first: a report needs text with data in it, or a parameter handed on whole (a
        // wrapper). Only then ask where the callee comes from, and the type checker last.
        const argument = node.arguments[candidates[0]!.entry.spec.sqlArgument];
        if (!mayCarryText(argument)) return;
        const pieces = evaluator.pieces(argument);
        const carriesData = pieces.some((piece) => typeof piece !== 'string' && piece.verdict === 'dynamic');
        if (!carriesData) return;
        const onlyWrapper = pieces.length === 1 && typeof pieces[0] !== 'string' && pieces[0]!.parameter === true;
        // A parameter handed on whole only matters if it makes a wrapper someone calls here.
        const rawCapable = candidates.some(({ entry }) => entry.spec.kind === 'raw' || entry.spec.rawInsideTemplate === true);
        if (onlyWrapper && !rawCapable && !mayBeCalledWrapper(pieces[0] as Hole)) return;
        const match: CalleeMatch<Sink> | undefined = matchCallee(context, node, candidates, (candidate) => {
          // By shape only when the method is not one of the project's own (`new SqlText().raw(…)` that
          // stores its text): a project method is judged by what it does (checkProjectHelper).
          if (links && links.calledFunction(node)) return false;
          if (candidate.entry.spec.byShape === 'name') return true;
          const text = node.arguments[candidate.entry.spec.sqlArgument];
          return text !== undefined && looksLikeSql(evaluator.pieces(text));
        }, !onlyWrapper || rawCapable);
        if (!match) {
          // A sink's name on something that is not the library's object: a method taken off it
          // (`const { query } = pool`), or the project's own helper (`query(sql)` from `./pool`).
          if (callee.type === AST_NODE_TYPES.Identifier && checkAlias(node)) return;
          if (links && !onlyWrapper) checkProjectHelper(node);
          return;
        }
        // By shape we know it runs SQL, not which library: teach the general safe form and
        // leave the rewrite to a tier that knows the placeholder style.
        const sink = match.tier === 'shape' && match.candidate.entry.spec.byShape === 'sql-text' ? genericSink(match.candidate.entry) : match.candidate.entry;
        check(node, sink, label(node));
      },
      VariableDeclarator(node) {
        const init = node.init && unwrapExpression(node.init);
        if (!init) return;
        if (node.id.type === AST_NODE_TYPES.Identifier) {
          if (init.type === AST_NODE_TYPES.TemplateLiteral || (init.type === AST_NODE_TYPES.BinaryExpression && init.operator === '+')) textNames.add(node.id.name);
          else if (node.parent.kind === 'const') {
            const taken = methodTakenOff(init);
            if (taken && sinksByName.has(staticKeyName(taken) ?? '')) aliasNames.add(node.id.name);
          }
        } else if (node.id.type === AST_NODE_TYPES.ObjectPattern && node.parent.kind === 'const') {
          for (const property of node.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && sinksByName.has(staticKeyName(property) ?? '')) {
              aliasNames.add(property.value.name);
            }
          }
        }
      },
      AssignmentExpression(node) {
        if (node.operator === '+=' && node.left.type === AST_NODE_TYPES.Identifier) textNames.add(node.left.name);
      },
      'Program:exit'() {
        fileRead = true;
        for (const call of plainNameCalls) {
          if (aliasNames.has((call.callee as TSESTree.Identifier).name) && checkAlias(call)) continue;
          if (links) checkProjectHelper(call);
        }
        // Calls of same-file wrappers, found now that every sink in the file has been seen.
        for (const [variable, wrapper] of wrappers) {
          for (const reference of variable.references) {
            const call = reference.identifier.parent;
            if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) {
              check(call, wrapper.sink, `${wrapper.name}()`);
            }
          }
        }
        // Most files have `this.x()` calls and no method wrapper at all.
        if (methodWrappers.size === 0) return;
        for (const call of thisCalls) {
          const callee = call.callee as TSESTree.MemberExpression;
          const name = staticKeyName(callee);
          let body: TSESTree.Node | undefined = call.parent;
          while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
          const wrapper = body && name !== undefined ? methodWrappers.get(body as TSESTree.ClassBody)?.get(name) : undefined;
          if (wrapper) check(call, wrapper.sink, `this.${name}()`);
        }
      },
    };
  },
});

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** `[a, b].join()`, `cols.map(…).join()`, `Object.keys(row).join()`: a method of a built-in value. */
function hasBuiltInReceiver(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && isBuiltInValue(callee.object);
}

/** The member a constant takes off its object, bound or not: `pool.query`, `pool.query.bind(pool)`. */
function methodTakenOff(init: TSESTree.Node): TSESTree.MemberExpression | undefined {
  if (init.type === AST_NODE_TYPES.MemberExpression) return init;
  if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(init.callee) !== 'bind') return undefined;
  const bound = unwrapExpression(init.callee.object);
  return bound.type === AST_NODE_TYPES.MemberExpression ? bound : undefined;
}

/** Whether an argument can be SQL text at all: not a function, object, array or non-string literal. */
function mayCarryText(node: TSESTree.Node | undefined): node is TSESTree.Expression {
  if (!node) return false;
  switch (node.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TaggedTemplateExpression:
      // A string literal is constant text, a tagged template binds its holes.
      return false;
    default:
      return true;
  }
}

function callsOwnMethod(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = staticKeyName(callee);
  let body: TSESTree.Node | undefined = call.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  return (
    body?.type === AST_NODE_TYPES.ClassBody &&
    body.body.some(
      (member) =>
        (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && staticKeyName(member) === name,
    )
  );
}

/** Where a hole sits, from the constant text around it. */
function clauseOf(sink: Sink, call: TSESTree.CallExpression): string | undefined {
  const clause = sink.spec.clause;
  if (clause === undefined || typeof clause === 'string') return clause;
  const name = calleeName(call);
  return name === undefined ? undefined : clause[name];
}

function positionOf(pieces: readonly Piece[], hole: Hole, clause?: string): 'value' | 'identifier' | 'unclear' {
  const index = pieces.indexOf(hole);
  const before = (clause ? `${clause} ` : '') + pieces.slice(0, index).map((piece) => (typeof piece === 'string' ? piece : ' x ')).join('');
  const next = pieces[index + 1];
  return holePosition(before, typeof next === 'string' ? next : '');
}

/** How many expressions are spliced into text written at the call. */
function countSplices(node: TSESTree.Node): number {
  const current = unwrapExpression(node);
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions.length;
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    const side = (operand: TSESTree.Node): number => {
      const inner = unwrapExpression(operand);
      if (inner.type === AST_NODE_TYPES.Literal) return 0;
      if (inner.type === AST_NODE_TYPES.TemplateLiteral || (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+')) return countSplices(inner);
      return 1;
    };
    return side(current.left) + side(current.right);
  }
  return 0;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
