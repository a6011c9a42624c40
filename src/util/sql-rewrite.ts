/**
 * Builds the parameterised form of a query whose text splices values in: the text with
 * placeholders, and the values in order. Only for the mechanical case: the text is written at
 * the call (a template or a `+` chain), and every spliced value sits where a value goes.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { PlaceholderStyle } from '../knowledge/types-sql';
import { unwrapExpression } from './ast';

export interface Rewrite {
  /** The new SQL argument, as source text. */
  readonly text: string;
  /** The values, as source text, in placeholder order. */
  readonly values: readonly string[];
  /** For tagged templates: the template body with `${value}` holes and no placeholders. */
  readonly template: string;
}

type Part = { readonly text: string } | { readonly expression: TSESTree.Expression; readonly bind: boolean };

/** The written parts of a SQL argument, or undefined when it is not written at the call. */
function writtenParts(node: TSESTree.Node): Part[] | undefined {
  const current = unwrapExpression(node);
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'string') return [{ text: current.value }];
  if (current.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts: Part[] = [];
    current.quasis.forEach((quasi, i) => {
      if (quasi.value.cooked === null) return;
      parts.push({ text: quasi.value.cooked });
      const expression = current.expressions[i];
      if (expression) parts.push({ expression, bind: false });
    });
    return parts;
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    const left = writtenParts(current.left);
    const right = writtenParts(current.right);
    if (left && right) return [...left, ...right];
    // `'… ' + value`: a non-text operand is a spliced expression.
    const asExpression = (side: TSESTree.Expression | TSESTree.PrivateIdentifier, parts: Part[] | undefined): Part[] | undefined =>
      parts ?? (side.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : [{ expression: side, bind: false }]);
    const l = asExpression(current.left, left);
    const r = asExpression(current.right, right);
    return l && r ? [...l, ...r] : undefined;
  }
  return undefined;
}

/**
 * @param bind which spliced expressions become parameters (the ones carrying data); the rest stay in the text.
 */
export function parameterise(
  sourceCode: Readonly<TSESLint.SourceCode>,
  argument: TSESTree.Node,
  bind: (expression: TSESTree.Expression) => boolean,
  placeholder: PlaceholderStyle,
  /** Values the driver binds on the server: a typed literal (`interval '…'`) cannot take one. */
  serverSide = true,
): Rewrite | undefined {
  const written = writtenParts(argument);
  if (!written) return undefined;
  const parts: Part[] = written.map((part) => ('text' in part ? part : { expression: part.expression, bind: bind(part.expression) }));
  const constantText = parts.map((part) => ('text' in part ? part.text : '')).join('');
  // Placeholders already in the text would be renumbered or confused with ours.
  if (/\$\d|\?/.test(constantText)) return undefined;

  let text = '';
  let template = '';
  const values: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if ('text' in part) {
      text += escapeTemplate(part.text);
      template += escapeTemplate(part.text);
      continue;
    }
    const source = sourceCode.getText(part.expression);
    if (!part.bind) {
      text += `\${${source}}`;
      template += `\${${source}}`;
      continue;
    }
    // A value inside quotes: the quotes go, and text sharing the quotes joins the value
    // (`'%${q}%'` binds `%${q}%`).
    const openQuote = unclosedQuote(text);
    if (openQuote === -1) {
      values.push(source);
      text += placeholder === 'dollar' ? `$${values.length}` : '?';
      template += `\${${source}}`;
      continue;
    }
    // `interval '${n} days'` → `interval $1` is a syntax error on Postgres; client-side
    // replacements (Sequelize) are escaped into the text, where it is fine.
    if (serverSide && /\b(?:interval|date|time|timestamp|timestamptz)\s*$/i.test(text.slice(0, openQuote))) return undefined;
    const prefix = text.slice(openQuote + 1);
    const next = parts[i + 1];
    const suffixEnd = next && 'text' in next ? next.text.indexOf("'") : -1;
    if (suffixEnd === -1 || /\$\{/.test(prefix)) return undefined;
    const suffix = next && 'text' in next ? next.text.slice(0, suffixEnd) : '';
    const value = prefix || suffix ? `\`${prefix}\${${source}}${escapeTemplate(suffix)}\`` : source;
    values.push(value);
    text = text.slice(0, openQuote) + (placeholder === 'dollar' ? `$${values.length}` : '?');
    template = template.slice(0, template.lastIndexOf("'")) + `\${${value}}`;
    if (next && 'text' in next) parts[i + 1] = { text: next.text.slice(suffixEnd + 1) };
  }
  if (values.length === 0) return undefined;
  const literal = /\$\{|\n|`/.test(text) || text.includes("'") ? `\`${text}\`` : `'${text}'`;
  return { text: literal, values, template };
}

/** Index of a `'` that opens a string literal not yet closed, or -1. */
function unclosedQuote(text: string): number {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (open === -1) open = i;
    else if (text[i + 1] === "'") i++;
    else open = -1;
  }
  return open;
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}
