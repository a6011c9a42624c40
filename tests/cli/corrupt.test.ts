import { describe, expect, it } from 'vitest';
import { MANIFEST, read, run, shop, write } from './helpers';

const CORRUPTIONS: [string, string, string][] = [
  ['truncated JSON', '{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\n{"path":"migrations/a.js","hash":"sha256:', ':2 is corrupt: not valid JSON'],
  ['a merge conflict', '{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\n<<<<<<< HEAD\n=======\n>>>>>>> branch\n', ':2 is corrupt: a merge-conflict marker'],
  ['no header', '{"path":"migrations/a.js","hash":"sha256:00"}\n', ':1 is corrupt: the first line must be the header'],
  ['a bad hash', `{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\n{"path":"migrations/a.js","hash":"md5:00"}\n`, ':2 is corrupt: "hash" must look like'],
];

describe('a corrupt manifest', () => {
  it.each(CORRUPTIONS)('with %s is refused by every command with a clear error, and left untouched', (_name, text, problem) => {
    const root = shop();
    write(root, MANIFEST, text);
    for (const args of [['lock'], ['verify'], ['verify', '--json'], ['status'], ['accept', 'migrations/20231115090000_add_daily_sales_table.js', '--reason', 'x']]) {
      const result = run(root, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toContain(`dbconventions: the migrations manifest ${MANIFEST}${problem}`);
      expect(result.stderr, args.join(' ')).toContain('Nothing was changed.');
      expect(read(root, MANIFEST)).toBe(text);
    }
  });
});
