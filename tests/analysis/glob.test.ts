import { describe, expect, it } from 'vitest';
import { matchesAnyGlob, matchesGlob } from '../../src/analysis/glob';

describe('matchesAnyGlob', () => {
  const globs = ['**/migrations/**', '**/seed.*', '**/*.{test,spec}.*', 'scripts/[ab]?.js'];

  it('answers as the globs one by one would', () => {
    const paths = ['src/db/migrations/001_init.ts', 'seed.ts', 'src/seed.js', 'src/user.test.ts', 'src/user.spec.js', 'scripts/a1.js', 'scripts/c1.js', 'src/user.ts', 'src/migrations.ts'];
    for (const path of paths) expect(matchesAnyGlob(path, globs)).toBe(globs.some((glob) => matchesGlob(path, glob)));
    expect(paths.filter((path) => matchesAnyGlob(path, globs))).toEqual(['src/db/migrations/001_init.ts', 'seed.ts', 'src/seed.js', 'src/user.test.ts', 'src/user.spec.js', 'scripts/a1.js']);
  });

  it('gives the same answers for a fresh copy of the list (ESLint hands each file new options)', () => {
    expect(matchesAnyGlob('src/user.test.ts', [...globs])).toBe(true);
    expect(matchesAnyGlob('src/user.ts', [...globs])).toBe(false);
  });

  it('matches nothing with no globs', () => {
    expect(matchesAnyGlob('src/migrations/1.ts', [])).toBe(false);
  });
});
