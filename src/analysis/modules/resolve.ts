/**
 * Where an import of the project's own code points, as a file on disk: relative specifiers
 * (`./db`, `../lib/db.js`), `tsconfig.json`/`jsconfig.json` `paths` aliases and `baseUrl`, a
 * folder's `index` file. Packages are not the project's code: a bare specifier that no alias
 * maps answers undefined, and so does anything under `node_modules` or outside the project root.
 *
 * Resolution follows TypeScript's rules closely enough for back-end code (the `bundler` and
 * `node16` habits alike): an import written `./db.js` finds `db.ts`, extensions are tried in
 * TypeScript's order, and `paths` patterns hold at most one `*`. Nothing is executed; tsconfig
 * files are read as JSON with comments, `extends` followed through relative paths only.
 */
import fs from 'node:fs';
import path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** What an import written with a JavaScript extension may stand for in a TypeScript project. */
const SOURCE_FOR = new Map([
  ['.js', ['.ts', '.tsx', '.js', '.jsx']],
  ['.jsx', ['.tsx', '.jsx']],
  ['.mjs', ['.mts', '.mjs']],
  ['.cjs', ['.cts', '.cjs']],
]);

/** Whether a file is part of the project's own code: inside the root, not a dependency, not a declaration file. */
export function isProjectFile(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return !/(?:^|[\\/])node_modules(?:[\\/]|$)/.test(relative) && !/\.d\.[cm]?ts$/.test(file);
}

/**
 * Answers about the disk are trusted for a few seconds: every linted file asks the same few hundred
 * paths again (each import tries up to eight extensions and eight index files, each bare specifier
 * climbs the folders for a tsconfig), and a file created in the editor is still seen almost at once.
 * eslint-plugin-import trusts its resolutions for 30 s by default.
 */
const DISK_TTL_MS = 5_000;
const MAX_DISK_ANSWERS = 50_000;
const fileAnswers = new Map<string, { readonly at: number; readonly file: boolean }>();
const configAnswers = new Map<string, { readonly at: number; readonly config: PathsConfig | null }>();
const moduleAnswers = new Map<string, { readonly at: number; readonly file: string | undefined }>();

/** Forget what the disk said (tests that rewrite fixture files). */
export function clearResolutionCache(): void {
  fileAnswers.clear();
  configAnswers.clear();
  moduleAnswers.clear();
}

function isFile(candidate: string): boolean {
  const now = Date.now();
  const known = fileAnswers.get(candidate);
  if (known && now - known.at < DISK_TTL_MS) return known.file;
  let file: boolean;
  try {
    file = fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    file = false;
  }
  if (fileAnswers.size >= MAX_DISK_ANSWERS) fileAnswers.clear();
  fileAnswers.set(candidate, { at: now, file });
  return file;
}

/** The file a path without (or with a JavaScript) extension stands for. */
function fileAt(base: string): string | undefined {
  const extension = path.extname(base);
  const sources = SOURCE_FOR.get(extension);
  if (sources) {
    const stem = base.slice(0, -extension.length);
    for (const source of sources) if (isFile(stem + source)) return stem + source;
  } else if (EXTENSIONS.includes(extension) && isFile(base)) {
    return base;
  }
  for (const candidate of EXTENSIONS) if (isFile(base + candidate)) return base + candidate;
  for (const candidate of EXTENSIONS) {
    const index = path.join(base, `index${candidate}`);
    if (isFile(index)) return index;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------ tsconfig paths

interface PathsConfig {
  /** The folder `paths` are relative to (`baseUrl`, else the tsconfig's own folder). */
  readonly base: string;
  readonly baseUrl: string | undefined;
  readonly paths: readonly (readonly [pattern: string, targets: readonly string[]])[];
}

/** JSON with comments and trailing commas, as tsconfig files are written. Undefined when it does not parse. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else {
      out += char;
    }
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

const configCache = new Map<string, { readonly mtimeMs: number; readonly config: PathsConfig | null }>();

/** The `paths` of one tsconfig file, with `extends` followed (relative specifiers only). */
function readPathsConfig(file: string, depth = 0): PathsConfig | null {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (!stat?.isFile()) return null;
  const cached = configCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.config;
  let config: PathsConfig | null;
  try {
    const json = parseJsonc(fs.readFileSync(file, 'utf8')) as
      | { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } }
      | undefined;
    const dir = path.dirname(file);
    let inherited: PathsConfig | null = null;
    const parents = typeof json?.extends === 'string' ? [json.extends] : Array.isArray(json?.extends) ? json.extends : [];
    for (const parent of parents) {
      if (typeof parent !== 'string' || !parent.startsWith('.') || depth > 5) continue;
      const target = path.resolve(dir, parent);
      inherited = readPathsConfig(target.endsWith('.json') ? target : `${target}.json`, depth + 1) ?? inherited;
    }
    const options = json?.compilerOptions;
    const baseUrl = typeof options?.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : inherited?.baseUrl;
    const ownPaths =
      options?.paths && typeof options.paths === 'object'
        ? Object.entries(options.paths as Record<string, unknown>).flatMap(([pattern, targets]) =>
            Array.isArray(targets) ? [[pattern, targets.filter((t): t is string => typeof t === 'string')] as const] : [],
          )
        : undefined;
    config = {
      // `paths` are relative to `baseUrl` when it is set, else to the tsconfig that declares them.
      base: ownPaths ? (baseUrl ?? dir) : (inherited?.base ?? baseUrl ?? dir),
      baseUrl,
      paths: ownPaths ?? inherited?.paths ?? [],
    };
  } catch {
    config = null;
  }
  configCache.set(file, { mtimeMs: stat.mtimeMs, config });
  if (configCache.size > 200) configCache.delete(configCache.keys().next().value!);
  return config;
}

/** The tsconfig (or jsconfig) that governs a file: the nearest one up to the project root. */
function configFor(file: string, root: string): PathsConfig | null {
  const key = `${path.dirname(file)}\0${root}`;
  const now = Date.now();
  const known = configAnswers.get(key);
  if (known && now - known.at < DISK_TTL_MS) return known.config;
  const config = nearestConfig(file, root);
  if (configAnswers.size >= MAX_DISK_ANSWERS) configAnswers.clear();
  configAnswers.set(key, { at: now, config });
  return config;
}

function nearestConfig(file: string, root: string): PathsConfig | null {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const config = readPathsConfig(path.join(dir, name));
      if (config) return config;
    }
    if (dir === root || path.dirname(dir) === dir || !isProjectFile(path.join(dir, 'x'), root)) return null;
  }
}

function viaPaths(specifier: string, config: PathsConfig): string | undefined {
  for (const [pattern, targets] of config.paths) {
    const star = pattern.indexOf('*');
    let rest: string | undefined;
    if (star === -1) rest = pattern === specifier ? '' : undefined;
    else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
      rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    }
    if (rest === undefined) continue;
    for (const target of targets) {
      const found = fileAt(path.resolve(config.base, target.replace('*', rest)));
      if (found) return found;
    }
  }
  if (config.baseUrl) return fileAt(path.resolve(config.baseUrl, specifier));
  return undefined;
}

/**
 * The project file `specifier`, imported from `fromFile`, refers to; undefined for packages,
 * missing files, and anything outside `root` or inside `node_modules`.
 */
export function resolveProjectModule(fromFile: string, specifier: string, root: string): string | undefined {
  // Every file of a folder imports the same neighbours (`./db`, `../lib`): one answer per folder
  // and specifier, trusted for as long as the disk's own answers are.
  const key = `${path.dirname(fromFile)}\0${specifier}\0${root}`;
  const now = Date.now();
  const known = moduleAnswers.get(key);
  if (known && now - known.at < DISK_TTL_MS) return known.file;
  const file = resolveUncached(fromFile, specifier, root);
  if (moduleAnswers.size >= MAX_DISK_ANSWERS) moduleAnswers.clear();
  moduleAnswers.set(key, { at: now, file });
  return file;
}

function resolveUncached(fromFile: string, specifier: string, root: string): string | undefined {
  let found: string | undefined;
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    found = fileAt(path.resolve(path.dirname(fromFile), specifier));
  } else if (!specifier.startsWith('node:')) {
    const config = configFor(fromFile, root);
    if (config) found = viaPaths(specifier, config);
  }
  return found && isProjectFile(found, root) ? found : undefined;
}
