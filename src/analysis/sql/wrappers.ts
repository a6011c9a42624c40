/**
 * The project's own raw-query helpers, found by what they do: a function or method that hands one
 * of its parameters, whole, to a raw-SQL sink as the SQL text (`rawQuery(sql, params)` in
 * `lib/db.ts` calling `prisma.$queryRawUnsafe(sql, ...params)`, a base repository's `raw(sql)`
 * calling `this.knex.raw(sql)`), directly or through another such helper. A call of the helper
 * is then a sink in its own right: data spliced into that argument is the injection.
 *
 * Summaries are plain data, computed once per function while its file is unchanged, for
 * functions of the linted file and of the modules it reaches (read through the module engine).
 * A helper that splices its parameter into text of its own is not a wrapper: that module's own
 * lint reports it there.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, unwrapExpression } from '../../util/ast';
import { parameterIndex, someCallIn, summaryMemo, type FunctionNode } from '../functions';
import { getLinks } from '../modules/link';
import { matchCallee } from '../objects/call-sites';
import type { AnyRuleContext } from '../per-file';
import { safeFormAt, sinksByName, type Sink } from './sinks';

export interface SqlWrapperSummary {
  /** The parameter that ends up as SQL text. */
  readonly parameter: number;
  readonly sink: Sink;
  /** How the sink reads in a message: `prisma.$queryRawUnsafe`, `this.knex.raw`. */
  readonly sinkText: string;
  /** The library's safe form, filled in at the sink call. */
  readonly safeForm: string;
  /** The project file the sink call is in (an absolute path). */
  readonly file: string | undefined;
}

const summarise = summaryMemo<SqlWrapperSummary>();

function sinkText(context: AnyRuleContext, call: TSESTree.CallExpression): string {
  const callee = unwrapExpression(call.callee);
  const text = context.sourceCode.getText(callee).replace(/\s+/g, '');
  return text.length <= 40 ? text : `.${calleeName(call) ?? 'query'}()`;
}

/** Whether `fn` passes one of its parameters, whole, to a raw-SQL sink as its SQL text. */
export function sqlWrapperOf(context: AnyRuleContext, fn: FunctionNode): SqlWrapperSummary | undefined {
  return summarise(fn, () => {
    let found: SqlWrapperSummary | undefined;
    someCallIn(context, fn.body, (call) => {
      const name = calleeName(call);
      const candidates = name === undefined ? undefined : sinksByName.get(name);
      if (candidates) {
        const parameter = parameterIndex(context, fn, call.arguments[candidates[0]!.entry.spec.sqlArgument]);
        // A parameter carries no SQL shape of its own: only the import tier, or a name that says raw SQL.
        const match = parameter === -1 ? undefined : matchCallee(context, call, candidates, (candidate) => candidate.entry.spec.byShape === 'name');
        if (match) {
          const sink = match.candidate.entry;
          found = { parameter, sink, sinkText: sinkText(context, call), safeForm: safeFormAt(context.sourceCode, sink, call), file: getLinks(context)?.file };
          return true;
        }
        // A sink's name on the project's own object (`this.raw(sql)` of a base repository): what it does decides, below.
      }
      if (call.arguments.length === 0) return false;
      const target = getLinks(context)?.calledFunction(call);
      const inner = target && target.fn !== fn ? sqlWrapperOf(target.context, target.fn) : undefined;
      if (!inner) return false;
      const parameter = parameterIndex(context, fn, call.arguments[inner.parameter]);
      if (parameter === -1) return false;
      found = { ...inner, parameter };
      return true;
    });
    return found;
  });
}
