import { describe, expect, it } from 'vitest';
import { anyOfWords, textMentions } from '../../src/analysis/text-screen';
import { foreignKeyWords } from '../../src/analysis/schema/foreign-keys';
import { openerWords, transactionOpenerNames } from '../../src/analysis/transactions/scopes';

describe('text screens', () => {
  it('finds words as written, special characters included', () => {
    const words = anyOfWords(['$transaction', 't.foreign(']);
    expect(textMentions('await prisma.$transaction(async (tx) => {})', words)).toBe(true);
    expect(textMentions('t.foreign(["a"])', words)).toBe(true);
    expect(textMentions('await prisma.transaction()', words)).toBe(false);
    expect(textMentions('tXforeign(', words)).toBe(false);
  });

  it('matches nothing when there are no words', () => {
    expect(textMentions('anything at all', anyOfWords([]))).toBe(false);
  });

  it('lets through every shape require-fk-index reads, and a file with none of them stays out', () => {
    for (const text of ["t.integer('a').references('b.id')", "t.foreign('a')", 'references: { model: "b" }', "type: 'foreign key'", '@ManyToOne(() => B)', 'REFERENCES b (id)', "foreignKey({ columns: [t.a] })"]) {
      expect(textMentions(text, foreignKeyWords)).toBe(true);
    }
    expect(textMentions("export const x = db('users').where({ id });", foreignKeyWords)).toBe(false);
  });

  it('lets through every opener the transaction rules look for', () => {
    const names = transactionOpenerNames({ decorators: [], functions: [] });
    for (const name of names) expect(textMentions(`x.${name}(cb)`, openerWords(names))).toBe(true);
    expect(textMentions('export const add = (a: number, b: number) => a + b;', openerWords(names))).toBe(false);
  });
});
