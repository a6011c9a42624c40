import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Removes one property from an object literal together with its comma, leaving tidy text. */
export function removeProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  return (fixer) => {
    const after = sourceCode.getTokenAfter(property);
    const before = sourceCode.getTokenBefore(property);
    if (after?.value === ',') {
      const next = sourceCode.getTokenAfter(after, { includeComments: true });
      const end = next && next.loc.start.line === after.loc.end.line ? next.range[0] : after.range[1];
      return fixer.removeRange([property.range[0], end]);
    }
    if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
    // The only property: `{ eager: true }` becomes `{}`.
    const open = before;
    const close = after;
    if (open?.value === '{' && close?.value === '}') return fixer.removeRange([open.range[1], close.range[0]]);
    return fixer.remove(property);
  };
}
