/**
 * Raw-SQL sinks, read once from the knowledge: the APIs that run SQL text, by the name they are
 * called with, and the safe form each library offers. Shared by no-interpolated-sql and the
 * wrapper summaries that follow the project's own `rawQuery(sql)` helpers across files.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { SinkSpec } from '../../knowledge/types-sql';
import { calleeName, unwrapExpression } from '../../util/ast';
import { nameList } from '../../util/names';
import type { CalleeCandidate } from '../objects/call-sites';

/** A sink: from the knowledge, from options, or a wrapper of one. */
export interface Sink {
  readonly library: LibraryKnowledge | undefined;
  readonly spec: SinkSpec;
}

export const sinkCandidates: readonly CalleeCandidate<Sink>[] = libraries.flatMap((library) =>
  (library.sql?.sinks ?? []).map((spec) => ({ library, callee: spec.callee, byShape: spec.byShape !== undefined, entry: { library, spec } })),
);

function namesOf(candidate: CalleeCandidate<unknown>): readonly string[] {
  const { callee } = candidate;
  return 'export' in callee ? nameList(callee.export).map((name) => name.split('.').at(-1) ?? name) : nameList(callee.method);
}

export const sinkNames: ReadonlySet<string> = new Set(sinkCandidates.flatMap(namesOf));

/** Candidates by the name they are called with, so most calls cost one map lookup. */
export const sinksByName: ReadonlyMap<string, readonly CalleeCandidate<Sink>[]> = (() => {
  const byName = new Map<string, CalleeCandidate<Sink>[]>();
  for (const candidate of sinkCandidates) {
    for (const name of namesOf(candidate)) {
      const list = byName.get(name) ?? [];
      // Candidates sharing a name share the SQL argument position, except join conditions: keep
      // them apart under a position-qualified list so the gate reads the right argument.
      if (list.length === 0 || list[0]!.entry.spec.sqlArgument === candidate.entry.spec.sqlArgument) {
        list.push(candidate);
        byName.set(name, list);
      }
    }
  }
  return byName;
})();

/** A sink recognised by shape: we know it runs SQL, not which library, so the advice is general and there is no rewrite. */
export function genericSink(sink: Sink): Sink {
  return {
    library: undefined,
    spec: {
      ...sink.spec,
      rewrite: undefined,
      safeForm: "pass values separately as parameters, `{{receiver}}.{{method}}(text, values)` with your driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
    },
  };
}

const MAX_SNIPPET = 40;

/** Source text for a message, on one line and at most 40 characters. */
export function sqlSnippet(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
}

/** The sink's safe form, with the receiver and method of this call filled in. */
export function safeFormAt(sourceCode: Readonly<TSESLint.SourceCode>, sink: Sink, call: TSESTree.CallExpression): string {
  const callee = unwrapExpression(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? sourceCode.getText(callee.object) : 'db';
  const short = receiver.length > 24 || /\s/.test(receiver) ? 'db' : receiver;
  return sink.spec.safeForm
    .replaceAll('{{receiver}}', short)
    .replaceAll('{{method}}', calleeName(call) ?? 'query')
    .replaceAll('{{callee}}', sqlSnippet(sourceCode, callee));
}
