import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import { libraries } from '../../src/knowledge';
import { rules } from '../../src/rules';

const root = path.resolve(__dirname, '../..');
const ruleFiles = fs
  .readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('plugin shape', () => {
  it('exports every rule file, and nothing else, under its file name', () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFiles.sort());
    expect(plugin.rules).toBe(rules);
  });

  it('carries name, version and namespace in meta', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'dbconventions' });
  });

  it.each(Object.entries(rules))('%s has complete metadata, a doc and tests', (name, rule) => {
    const { meta } = rule;
    if (!meta.docs) throw new Error(`${name} has no docs`);
    expect(meta.docs.description).toMatch(/^[A-Z].*[^.]$/);
    expect(meta.docs.url).toContain(`docs/rules/${name}.md`);
    expect(meta.docs.libraries.length).toBeGreaterThan(0);
    for (const id of meta.docs.libraries) expect(libraries.map((library) => library.id)).toContain(id);
    expect(Array.isArray(meta.schema)).toBe(true);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'tests/rules', name)).some((file) => file.endsWith('.test.ts'))).toBe(true);
  });
});

describe('configs', () => {
  const names = (config: { rules?: Record<string, unknown> }) => Object.keys(config.rules ?? {}).sort();
  const byLevel = (level: string) =>
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended === level)
      .map(([name]) => `dbconventions/${name}`);

  it('builds recommended, strict and all from rule metadata, in both formats', () => {
    const recommended = byLevel('recommended').sort();
    const strict = [...recommended, ...byLevel('strict')].sort();
    const all = Object.keys(rules).map((name) => `dbconventions/${name}`).sort();
    expect(names(plugin.configs.recommended)).toEqual(recommended);
    expect(names(plugin.configs['flat/recommended'])).toEqual(recommended);
    expect(names(plugin.configs.strict)).toEqual(strict);
    expect(names(plugin.configs['flat/strict'])).toEqual(strict);
    expect(names(plugin.configs.all)).toEqual(all);
    expect(names(plugin.configs['flat/all'])).toEqual(all);
    expect(recommended).toContain('dbconventions/no-eager-relations');
  });

  it('uses the eslintrc shape for the plain names and the flat shape for flat/*', () => {
    expect(plugin.configs.recommended.plugins).toEqual(['dbconventions']);
    expect(plugin.configs['flat/recommended'].plugins).toEqual({ dbconventions: plugin });
    expect(plugin.configs['flat/recommended'].name).toBe('dbconventions/recommended');
  });
});

describe('option schemas', () => {
  const lint = (options: unknown) =>
    new Linter().verify('const a = 1;', [
      {
        plugins: { dbconventions: plugin as never },
        rules: { 'dbconventions/no-eager-relations': ['error', options] as never },
      },
    ]);

  it('accepts valid options', () => {
    expect(lint({ allowRelations: ['user'] })).toEqual([]);
  });

  it.each([
    [{ allowRelations: 'user' }, /no-eager-relations[\s\S]*should be array/],
    [{ allowRelation: ['user'] }, /no-eager-relations[\s\S]*additional properties/i],
    [{ allowRelations: [''] }, /no-eager-relations[\s\S]*shorter than 1 character/],
  ])('rejects %j with a clear message', (options, message) => {
    expect(() => lint(options)).toThrow(message);
  });
});
