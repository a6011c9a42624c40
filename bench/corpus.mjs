#!/usr/bin/env node
// Builds the benchmark and robustness corpus in bench/.corpus/ (git-ignored, never committed):
//   gen/   realistic back-end apps from a seeded generator (bench/gen/): same seed, same bytes;
//   real/  code files of pinned back-end packages, `npm pack`ed from the npm registry into
//          bench/.cache/ (downloaded once, then reused) and extracted with `tar`.
// Writes bench/.corpus/manifest.json (every file with its language and source type) and a
// tsconfig.json for typed runs. A second run with unchanged inputs does nothing.
//
//   npm run corpus [-- --force] [-- --quiet]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = here;
export const CORPUS_DIR = path.join(here, '.corpus');
export const CACHE_DIR = path.join(here, '.cache');
export const MANIFEST = path.join(CORPUS_DIR, 'manifest.json');

const SEED = 20240611;
const MIN_GENERATED = 1600;

/**
 * Pinned packages whose tarballs ship plain JS/TS source. `skip` drops duplicate builds
 * (TypeORM's browser/ copy, Drizzle's .cjs twins, postgres.js's cjs/ and cf/ copies, slonik's
 * compiled dist/ beside its src/) and bundles.
 */
export const REAL_PACKAGES = [
  { name: 'typeorm', version: '1.1.1', skip: /^browser\// },
  { name: 'sequelize', version: '6.37.8' },
  { name: 'knex', version: '3.3.0' },
  { name: '@mikro-orm/core', version: '7.2.2' },
  { name: 'kysely', version: '0.29.9' },
  { name: 'drizzle-orm', version: '0.45.4', skip: /\.cjs$/ },
  { name: 'pg', version: '8.23.1' },
  { name: 'mysql2', version: '3.24.6' },
  { name: 'objection', version: '3.1.5' },
  { name: 'pg-promise', version: '12.7.1' },
  { name: 'slonik', version: '49.10.9', skip: /^dist\// },
  { name: 'postgres', version: '3.4.9', skip: /^(cjs|cf|deno)\// },
  { name: 'node-pg-migrate', version: '9.0.0', skip: /^dist\/bundle\// },
  { name: 'umzug', version: '3.8.3' },
];

const CODE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const MAX_BYTES = 400_000;

const pkgDir = (name) => name.replace(/^@/, '').replace(/\//g, '-');
const isTs = (file) => /\.[cm]?tsx?$/.test(file);

function log(quiet, ...args) {
  if (!quiet) console.log(...args);
}

/** Inputs that decide the corpus: the builder, the generator and the package list. */
function stampOf() {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ SEED, MIN_GENERATED, REAL_PACKAGES: REAL_PACKAGES.map((p) => [p.name, p.version, String(p.skip ?? '')]) }));
  for (const file of [path.join(here, 'corpus.mjs'), ...fs.readdirSync(path.join(here, 'gen')).sort().map((f) => path.join(here, 'gen', f))]) {
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

// ───────────────────────────── parsing checks ─────────────────────────────

const require = createRequire(import.meta.url);
let parsers;
function loadParsers() {
  parsers ??= { espree: require('espree'), ts: require('@typescript-eslint/parser') };
  return parsers;
}

/** The error message if `text` does not parse as ESLint will parse it, else undefined. */
function parseError(text, file, sourceType) {
  const { espree, ts } = loadParsers();
  try {
    if (isTs(file)) ts.parse(text, { filePath: file, sourceType: 'module', range: true, loc: true, jsx: file.endsWith('x') });
    else espree.parse(text, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx: file.endsWith('.jsx') } });
    return undefined;
  } catch (error) {
    return error.message;
  }
}

/** Looks minified: very long average lines, or a giant line in a short file. */
function looksMinified(text) {
  const lines = text.split('\n');
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  return text.length / lines.length > 250 || (longest > 3000 && lines.length < 20);
}

// ───────────────────────────── real packages ─────────────────────────────

function tarballPath(pkg) {
  return path.join(CACHE_DIR, `${pkg.name.replace(/^@/, '').replace(/\//g, '-')}-${pkg.version}.tgz`);
}

export function download(pkg, quiet) {
  const tgz = tarballPath(pkg);
  if (fs.existsSync(tgz)) return { tgz, downloaded: false };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  log(quiet, `  npm pack ${pkg.name}@${pkg.version}`);
  const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', CACHE_DIR, '--json', '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename }] = JSON.parse(out);
  const written = path.join(CACHE_DIR, path.basename(filename));
  if (written !== tgz) fs.renameSync(written, tgz);
  return { tgz, downloaded: true };
}

export function extract(pkg, tgz) {
  const dir = path.join(CACHE_DIR, 'extract', `${pkgDir(pkg.name)}-${pkg.version}`);
  const done = path.join(dir, '.extracted');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dir]);
    fs.writeFileSync(done, '');
  }
  return path.join(dir, 'package');
}

function* walk(dir, base = dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      yield* walk(full, base);
    } else if (entry.isFile()) yield path.relative(base, full).split(path.sep).join('/');
  }
}

/** The module system Node would use for a .js file: the nearest package.json's `type`. */
function nodeModuleType(root, rel) {
  if (rel.endsWith('.mjs') || rel.endsWith('.mts')) return 'module';
  if (rel.endsWith('.cjs') || rel.endsWith('.cts')) return 'commonjs';
  if (isTs(rel)) return 'module';
  for (let dir = path.dirname(path.join(root, rel)); dir.startsWith(root); dir = path.dirname(dir)) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        return JSON.parse(fs.readFileSync(pj, 'utf8')).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dir === root) break;
  }
  return 'commonjs';
}

function copyReal(pkg, root, outRoot, quiet) {
  const outDir = path.join(outRoot, 'real', pkgDir(pkg.name));
  const files = [];
  const skipped = { duplicateBuild: 0, declaration: 0, minified: 0, tooLarge: 0, parse: 0 };
  for (const rel of walk(root)) {
    if (!CODE.test(rel)) continue;
    if (DECLARATION.test(rel)) {
      skipped.declaration++;
      continue;
    }
    if (pkg.skip?.test(rel) || /\.min\.[cm]?js$/.test(rel)) {
      skipped.duplicateBuild++;
      continue;
    }
    const full = path.join(root, rel);
    if (fs.statSync(full).size > MAX_BYTES) {
      skipped.tooLarge++;
      continue;
    }
    const text = fs.readFileSync(full, 'utf8');
    if (looksMinified(text)) {
      skipped.minified++;
      continue;
    }
    const sourceType = nodeModuleType(root, rel);
    const error = parseError(text, rel, sourceType);
    if (error) {
      skipped.parse++;
      log(quiet, `    skip (does not parse as ${sourceType}): ${pkg.name}/${rel}: ${error}`);
      continue;
    }
    const dest = path.join(outDir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, text);
    files.push({ path: `real/${pkgDir(pkg.name)}/${rel}`, lang: isTs(rel) ? 'ts' : 'js', sourceType, origin: pkg.name, lines: text.split('\n').length });
  }
  return { files, skipped };
}

// ───────────────────────────── globs for ESLint ─────────────────────────────

/**
 * ESLint parses `.js` as ES modules unless told otherwise. The CommonJS `.js` files are grouped
 * into a few globs (whole generated apps, whole packages) so the bench config stays small.
 */
function commonjsGlobs(files) {
  const globs = new Set(['**/*.cjs']);
  const groups = new Map();
  for (const f of files) {
    if (!f.path.endsWith('.js')) continue;
    const [top, group] = f.path.split('/');
    const key = `${top}/${group}`;
    const entry = groups.get(key) ?? { cjs: [], esm: 0 };
    if (f.sourceType === 'commonjs') entry.cjs.push(f.path);
    else entry.esm++;
    groups.set(key, entry);
  }
  for (const [key, { cjs, esm }] of groups) {
    if (!cjs.length) continue;
    if (esm === 0) globs.add(`${key}/**/*.js`);
    else for (const file of cjs) globs.add(file);
  }
  return [...globs].sort();
}

function writeTsconfig(outRoot) {
  const tsconfig = {
    // For typed runs (parserOptions.projectService): the TypeScript part of the corpus,
    // resolving typeorm, sequelize, sequelize-typescript and @mikro-orm/core from the
    // project's node_modules. Other libraries resolve to nothing (any), as in a partial install.
    compilerOptions: {
      target: 'ES2022',
      module: 'preserve',
      moduleResolution: 'bundler',
      experimentalDecorators: true,
      emitDecoratorMetadata: false,
      strict: false,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      lib: ['ES2023', 'DOM'],
    },
    include: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  };
  fs.writeFileSync(path.join(outRoot, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

// ───────────────────────────── the build ─────────────────────────────

export function readManifest() {
  return JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
}

/**
 * Builds the corpus unless it is already up to date.
 * @returns the manifest: { stamp, counts, real, files: [{ path, lang, sourceType, origin, lines }], commonjsGlobs }
 */
export async function buildCorpus({ force = false, quiet = false } = {}) {
  const started = Date.now();
  const stamp = stampOf();
  if (!force && fs.existsSync(MANIFEST)) {
    const manifest = readManifest();
    if (manifest.stamp === stamp && [...manifest.files.map((f) => f.path), ...(manifest.dataFiles ?? [])].every((f) => fs.existsSync(path.join(CORPUS_DIR, f)))) {
      log(quiet, `corpus up to date (${manifest.counts.generated} generated + ${manifest.counts.real} real = ${manifest.counts.total} files)`);
      return manifest;
    }
  }

  // Built in the (git-ignored) cache and swapped in at the end, so a bench or test reading the
  // old corpus is not left with half a folder.
  const outRoot = path.join(CACHE_DIR, `corpus-build-${process.pid}`);
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.mkdirSync(outRoot, { recursive: true });

  // (a) generated
  const { generate } = await import('./gen/index.mjs');
  const generated = generate({ seed: SEED, minFiles: MIN_GENERATED });
  const files = [];
  const dataFiles = [];
  const failures = [];
  for (const file of generated) {
    const rel = `gen/${file.path}`;
    if (file.data) {
      // Not code: written for the rules that read side files, never linted.
      const dest = path.join(outRoot, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, file.content);
      dataFiles.push(rel);
      continue;
    }
    const lang = isTs(rel) ? 'ts' : 'js';
    const sourceType = lang === 'ts' || rel.endsWith('.mjs') ? 'module' : file.app.endsWith('-cjs') ? 'commonjs' : 'module';
    const error = parseError(file.content, rel, sourceType);
    if (error) failures.push(`${rel}: ${error}`);
    const dest = path.join(outRoot, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, file.content);
    files.push({ path: rel, lang, sourceType, origin: `generated:${file.flavor}`, lines: file.content.split('\n').length });
  }
  if (failures.length) {
    fs.rmSync(outRoot, { recursive: true, force: true });
    throw new Error(`the generator wrote files that do not parse (a generator bug):\n${failures.slice(0, 10).join('\n')}`);
  }
  const generatedSeconds = (Date.now() - started) / 1000;

  // (b) real published code
  const real = {};
  let downloads = 0;
  for (const pkg of REAL_PACKAGES) {
    const { tgz, downloaded } = download(pkg, quiet);
    if (downloaded) downloads++;
    const root = extract(pkg, tgz);
    const { files: copied, skipped } = copyReal(pkg, root, outRoot, quiet);
    files.push(...copied);
    real[pkg.name] = { version: pkg.version, files: copied.length, ts: copied.filter((f) => f.lang === 'ts').length, skipped };
  }

  writeTsconfig(outRoot);
  const genFiles = files.filter((f) => f.path.startsWith('gen/'));
  const realFiles = files.filter((f) => f.path.startsWith('real/'));
  const manifest = {
    stamp,
    seed: SEED,
    counts: {
      generated: genFiles.length,
      generatedTs: genFiles.filter((f) => f.lang === 'ts').length,
      generatedJs: genFiles.filter((f) => f.lang === 'js').length,
      real: realFiles.length,
      realTs: realFiles.filter((f) => f.lang === 'ts').length,
      total: files.length,
      ts: files.filter((f) => f.lang === 'ts').length,
      js: files.filter((f) => f.lang === 'js').length,
      lines: files.reduce((n, f) => n + f.lines, 0),
      migrationManifests: dataFiles.filter((f) => f.endsWith('.jsonl')).length,
      appTsconfigs: dataFiles.filter((f) => f.endsWith('/tsconfig.json')).length,
      moduleApps: new Set(genFiles.filter((f) => f.origin === 'generated:modules').map((f) => f.path.split('/')[1])).size,
    },
    dataFiles,
    real,
    commonjsGlobs: commonjsGlobs(files),
    files,
  };
  fs.writeFileSync(path.join(outRoot, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  fs.rmSync(CORPUS_DIR, { recursive: true, force: true });
  fs.renameSync(outRoot, CORPUS_DIR);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (!quiet) {
    const c = manifest.counts;
    console.log(`generated: ${c.generated} files (${c.generatedTs} TS, ${c.generatedJs} JS) (${c.moduleApps} of the apps multi-module), ${c.migrationManifests} migration manifests and ${c.appTsconfigs} app tsconfigs in ${generatedSeconds.toFixed(1)} s`);
    console.log(`real:      ${c.real} files (${c.realTs} TS) from ${REAL_PACKAGES.length} packages (${downloads} downloaded, ${REAL_PACKAGES.length - downloads} from bench/.cache)`);
    for (const [name, info] of Object.entries(real)) {
      const skipped = Object.entries(info.skipped).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ');
      console.log(`  ${`${name}@${info.version}`.padEnd(26)} ${String(info.files).padStart(5)}${skipped ? `   (skipped: ${skipped})` : ''}`);
    }
    console.log(`total:     ${c.total} files, ${c.lines.toLocaleString('en-US')} lines (${c.ts} TS, ${c.js} JS), built in ${seconds} s`);
  }
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  buildCorpus({ force: args.has('--force'), quiet: args.has('--quiet') }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
