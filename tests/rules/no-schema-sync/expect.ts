/**
 * Expected errors for no-schema-sync: a `[line, column]` pair is a `synchronize: true` report,
 * with its suggestion's output computed from the case's code (the `true` after the column becomes
 * `false`); anything else is passed through as written.
 */
import type { Invalid } from '../../helpers/rule-tester';

type Options = [{ ignoreFiles?: string[] }];
type MessageIds = 'syncOption' | 'impliedSync' | 'schemaCall' | 'ddl' | 'setFalse' | 'addFalse';
type Expected = { messageId: MessageIds; line: number; column: number; data?: Record<string, string>; suggestions?: readonly { messageId: MessageIds; output: string }[] };

export function sync(code: string, line: number, column: number) {
  const lines = code.split('\n');
  const text = lines[line - 1] ?? '';
  const at = text.indexOf('true', column - 1);
  if (at === -1) throw new Error(`no \`true\` on line ${line} after column ${column}`);
  lines[line - 1] = `${text.slice(0, at)}false${text.slice(at + 4)}`;
  return { messageId: 'syncOption' as const, line, column, suggestions: [{ messageId: 'setFalse' as const, output: lines.join('\n') }] };
}

/** An invalid case whose errors may include `synchronize: true` reports given as `[line, column]`. */
export function withSync<T extends object>(test: T & { code: string; errors: readonly (readonly [number, number] | Expected)[] }) {
  return {
    ...test,
    errors: test.errors.map((error) => (Array.isArray(error) ? sync(test.code, error[0] as number, error[1] as number) : (error as Expected))),
  };
}

type Case = { code: string; errors: readonly (readonly [number, number] | Expected)[]; [key: string]: unknown };

/** The invalid cases of a file, with `[line, column]` errors expanded. */
export function cases(list: readonly Case[]): Invalid<MessageIds, Options>[] {
  return list.map((test) => withSync(test) as unknown as Invalid<MessageIds, Options>);
}
