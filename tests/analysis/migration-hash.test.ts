import { describe, expect, it } from 'vitest';
import { contentKind, hashMigration } from '../../src/analysis/migrations/hash';
import { normaliseScriptTokens, tokenizeScript, tokenizeSql } from '../../src/analysis/migrations/lexer';

const same = (a: string, b: string, file = 'm.ts') => expect(hashMigration(a, file)).toBe(hashMigration(b, file));
const differ = (a: string, b: string, file = 'm.ts') => expect(hashMigration(a, file)).not.toBe(hashMigration(b, file));
const values = (text: string) => normaliseScriptTokens(tokenizeScript(text)).map((token) => token.value);

describe('script tokens', () => {
  it('reads strings by value, numbers by value, templates raw, regexes whole', () => {
    expect(tokenizeScript(`a('x\\n', "y", 1_000, .5, 0x10, 10n, \`t \${b} u\`, /re\\/[/]x/gi)`).map((token) => `${token.type}:${token.value}`)).toEqual([
      'word:a', 'punct:(', 'string:x\n', 'punct:,', 'string:y', 'punct:,', 'number:1000', 'punct:,', 'number:0.5', 'punct:,', 'number:16', 'punct:,',
      'number:10n', 'punct:,', 'template:`t ${', 'word:b', 'template:} u`', 'punct:,', 'regex:/re\\/[/]x/gi', 'punct:)',
    ]);
  });

  it('tells division from a regular expression', () => {
    expect(tokenizeScript('a / b / c').map((token) => token.type)).toEqual(['word', 'punct', 'word', 'punct', 'word']);
    expect(tokenizeScript('return /x/.test(y)')[1]!.type).toBe('regex');
    expect(tokenizeScript('(a) / 2')[3]!.type).toBe('punct');
  });

  it('nests templates and braces', () => {
    expect(tokenizeScript('`a${ {b: `c${d}`}.b }e`').map((token) => token.value)).toEqual(['`a${', '{', 'b', ':', '`c${', 'd', '}`', '}', '.', 'b', '}e`']);
  });

  it('skips comments, whitespace and a hashbang', () => {
    expect(tokenizeScript('#!/usr/bin/env node\n// c\nfoo /* d */ ( ) ;').map((token) => token.value)).toEqual(['foo', '(', ')', ';']);
  });

  it('drops trailing commas, statement semicolons and lone arrow-parameter parentheses', () => {
    expect(values('f(a, b,);\nconst x = [1, 2,];\nconst g = (y) => y;')).toEqual(['f', '(', 'a', ',', 'b', ')', 'const', 'x', '=', '[', '1', ',', '2', ']', 'const', 'g', '=', 'y', '=>', 'y']);
  });

  it('keeps semicolons that carry meaning', () => {
    expect(values('for (let i = 0; i < n; i++) {}')).toContain(';');
    expect(values('if (a);')).toContain(';');
    expect(values('a;\n(b)')).toContain(';');
    expect(values('a;\n[1].map(f)')).toContain(';');
    expect(values('return;\nx()')).toContain(';');
  });
});

describe('hashMigration', () => {
  const base = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrders1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "orders" (id int)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "orders"');
  }
}
`;

  it('ignores line endings and a byte-order mark', () => {
    same(base, base.replace(/\n/g, '\r\n'));
    same(base, `\uFEFF${base}`);
    same(base, base.replace(/\n/g, '\r\n'), 'm.sql');
    same('a\nb\n', 'a\r\nb\r\n', 'm.txt');
  });

  it('ignores formatting-only changes in scripts', () => {
    same(base, base.replace(/ {2}/g, '    '));
    same(base, base.replace(/'/g, '"').replace(/"orders"/g, '\\"orders\\"'));
    same(base, base.replace(/;\n/g, '\n'));
    same(base, `// A comment added later.\n${base.replace('async up', '/** Creates orders. */\n  async up')}`);
    same(base, base.replace("query('CREATE TABLE \"orders\" (id int)')", "query(\n      'CREATE TABLE \"orders\" (id int)',\n    )"));
    same('const f = (x) => x * 2;', 'const f = x => x * 2');
    same('foo(1000, 0.5)', 'foo(1_000, .50)');
    same("const o = { a: 1, b: 2 };", "const o = {\n  a: 1,\n  b: 2,\n}");
  });

  it('sees real edits in scripts', () => {
    differ(base, base.replace('id int', 'id bigint'));
    differ(base, base.replace('DROP TABLE', 'DROP TABLE IF EXISTS'));
    differ(base, base.replace('await queryRunner.query(\'DROP', 'void queryRunner.query(\'DROP'));
    differ('a\n(b)', 'a;\n(b)');
    differ('if (a); b()', 'if (a) b()');
    differ('return;\nx()', 'return x()');
    differ('[a,,]', '[a,]');
    differ('[,]', '[]');
    differ('const s = `a  b`', 'const s = `a b`');
    differ("const s = 'a  b'", "const s = 'a b'");
    differ('x = a + +b', 'x = a ++b');
  });

  it('ignores whitespace and comments in SQL, and nothing else', () => {
    const sql = 'CREATE TABLE orders (\n  id serial PRIMARY KEY,\n  total integer NOT NULL\n);\n';
    same(sql, '-- orders\nCREATE   TABLE orders(id serial PRIMARY KEY, total integer NOT NULL) ;', 'm.sql');
    same(sql, '/* a /* nested */ comment */ CREATE TABLE orders (id serial PRIMARY KEY, total integer NOT NULL);', 'm.sql');
    differ(sql, sql.replace('CREATE TABLE', 'create table'), 'm.sql');
    differ(sql, sql.replace('NOT NULL', ''), 'm.sql');
    differ("INSERT INTO t VALUES ('a  b')", "INSERT INTO t VALUES ('a b')", 'm.sql');
    differ('SELECT $$a  b$$', 'SELECT $$a b$$', 'm.sql');
    differ('SELECT "Orders"', 'SELECT "orders"', 'm.sql');
  });

  it('counts every byte but line endings in exact mode', () => {
    expect(hashMigration(base, 'm.ts', 'exact')).not.toBe(hashMigration(base.replace(/ {2}/g, '    '), 'm.ts', 'exact'));
    expect(hashMigration(base, 'm.ts', 'exact')).toBe(hashMigration(base.replace(/\n/g, '\r\n'), 'm.ts', 'exact'));
    expect(hashMigration(base, 'm.ts', 'exact')).not.toBe(hashMigration(base, 'm.ts', 'tokens'));
  });

  it('looks like sha256', () => {
    expect(hashMigration(base, 'm.ts')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('tells file kinds by extension', () => {
    expect(['a.ts', 'a.mjs', 'a.cts', 'a.JS', 'a.sql', 'a.SQL', 'a.json'].map(contentKind)).toEqual(['script', 'script', 'script', 'script', 'sql', 'sql', 'text']);
  });
});

describe('SQL tokens', () => {
  it('keeps strings, dollar quotes and quoted identifiers whole', () => {
    expect(tokenizeSql(`SELECT 'it''s', E'a\\'b', $fn$ body $fn$, "Col", \`x\` -- done`).map((token) => token.value)).toEqual([
      'SELECT', "'it''s'", ',', "E'a\\'b'", ',', '$fn$ body $fn$', ',', '"Col"', ',', '`x`',
    ]);
  });
});
