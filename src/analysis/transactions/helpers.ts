/**
 * The project's own transaction helpers, recognised from what they do rather than from their
 * names: a function or method that hands one of its parameters to a library's transaction API
 * (`prisma.$transaction(fn)`), or calls it inside the transaction's callback
 * (`db.transaction((trx) => work(trx))`), or hands it on to another such helper. The summary says
 * which parameter is the callback and which argument of the callback is the transaction handle,
 * so a call of the helper opens a transaction scope like the library API it wraps:
 *
 *   withTransaction(ctx, async (tx) => { … })          // lib/db.ts wraps prisma.$transaction
 *   this.userService.transactional(async (svc) => …)   // a service method wraps knex.transaction
 *
 * Helpers in other modules are read through the module engine; the same code serves helpers of
 * the linted file. Summaries are plain data, remembered per function while its file is unchanged.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { unwrapExpression } from '../../util/ast';
import { isFunctionNode, parameterIndex, someCallIn, summaryMemo } from '../functions';
import { getLinks } from '../modules/link';
import type { AnyRuleContext } from '../per-file';
import { callText, functionValue, handleParameter, transactionCallbackArgument, type FunctionNode, type FunctionScope } from './scopes';

export interface TransactionHelperSummary {
  /** Which parameter of the helper is the callback run inside the transaction. */
  readonly callback: number;
  /** Which argument the helper passes the transaction handle to the callback as, when it does. */
  readonly handle: number | 'last' | undefined;
}

const summarise = summaryMemo<TransactionHelperSummary>();

/** A call that runs one of its arguments in a transaction: a library API, or another project helper. */
function transactionCall(context: AnyRuleContext, call: TSESTree.CallExpression): { argument: number; handle: number | 'last' | undefined } | undefined {
  const library = transactionCallbackArgument(context, call);
  if (library) return library;
  const target = getLinks(context)?.calledFunction(call);
  const helper = target && transactionHelperOf(target.context, target.fn);
  return helper && call.arguments[helper.callback] ? { argument: helper.callback, handle: helper.handle } : undefined;
}

/** Whether `fn` runs one of its parameters inside a transaction, and how it passes the handle. */
export function transactionHelperOf(context: AnyRuleContext, fn: FunctionNode): TransactionHelperSummary | undefined {
  return summarise(fn, () => {
    let found: TransactionHelperSummary | undefined;
    someCallIn(context, fn.body, (call) => {
      const opened = transactionCall(context, call);
      if (!opened) return false;
      const argument = call.arguments[opened.argument]!;
      // `prisma.$transaction(fn)`: the parameter itself is the callback.
      const direct = parameterIndex(context, fn, argument);
      if (direct !== -1) {
        found = { callback: direct, handle: opened.handle };
        return true;
      }
      // `db.transaction((trx) => work(trx))`: the parameter is called inside the callback.
      const body = unwrapExpression(argument);
      if (!isFunctionNode(body)) return false;
      const handle = handleParameter(body, opened.handle);
      someCallIn(context, body.body, (inner) => {
        const callback = parameterIndex(context, fn, inner.callee);
        if (callback === -1) return false;
        const passed = handle ? inner.arguments.findIndex((value) => value.type === AST_NODE_TYPES.Identifier && value.name === handle.name) : -1;
        found = { callback, handle: passed === -1 ? undefined : passed };
        return true;
      });
      return found !== undefined;
    });
    return found;
  });
}

/** The transaction scope a call of a project helper opens: its callback's body, with the handle it is given. */
export function projectHelperScope(context: AnyRuleContext, call: TSESTree.CallExpression): FunctionScope | undefined {
  const target = getLinks(context)?.calledFunction(call);
  const summary = target && transactionHelperOf(target.context, target.fn);
  if (!summary) return undefined;
  const body = functionValue(context.sourceCode, call.arguments[summary.callback]);
  if (!body) return undefined;
  return {
    kind: 'function',
    opener: call,
    get openerText() {
      return `\`${callText(context.sourceCode, call)}\``;
    },
    library: undefined,
    body,
    handle: handleParameter(body, summary.handle),
  };
}
