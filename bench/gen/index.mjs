// Assembles generated back-end apps from the emitters. Each app draws from its own seeded
// random (seed + app index), so adding a flavour later does not reshuffle earlier apps.
import { createHash } from 'node:crypto';
import { makeDomain } from './domain.mjs';
import { grow } from './filler.mjs';
import { createRandom, kebab } from './random.mjs';
import * as mikro from './mikro.mjs';
import { MODULE_APPS, moduleAppFiles, newTally } from './modules.mjs';
import * as seq from './sequelize.mjs';
import * as sqlc from './sqlclients.mjs';
import * as typeorm from './typeorm.mjs';
import * as web from './web.mjs';

/** App flavours and how often each appears: [weight, flavour, language, module system, extras]. */
const FLAVORS = [
  [6, 'typeorm', 'ts', 'esm', { nest: true }],
  [4, 'typeorm', 'ts', 'esm', {}],
  [2, 'typeorm', 'ts', 'esm', { schema: true }],
  [3, 'typeorm', 'js', 'cjs', { schema: true }],
  [4, 'mikro', 'ts', 'esm', { variant: 'decorators' }],
  [2, 'mikro', 'ts', 'esm', { variant: 'decorators', mikroV7: true }],
  [3, 'mikro', 'ts', 'esm', { variant: 'define' }],
  [2, 'mikro', 'ts', 'esm', { variant: 'schema' }],
  [2, 'mikro', 'js', 'esm', { variant: 'define' }],
  [1, 'mikro', 'js', 'esm', { variant: 'schema' }],
  [5, 'sequelize', 'js', 'cjs', {}],
  [3, 'sequelize', 'ts', 'esm', {}],
  [1, 'sequelize', 'js', 'esm', {}],
  [4, 'sequelize-typescript', 'ts', 'esm', {}],
  [4, 'prisma', 'ts', 'esm', {}],
  [1, 'prisma', 'js', 'cjs', {}],
  [3, 'knex', 'js', 'cjs', {}],
  [2, 'knex', 'ts', 'esm', {}],
  [2, 'objection', 'js', 'cjs', {}],
  [3, 'pg', 'ts', 'esm', {}],
  [2, 'pg', 'js', 'cjs', {}],
  [2, 'mysql2', 'js', 'cjs', {}],
  [1, 'mysql2', 'ts', 'esm', {}],
  [3, 'drizzle', 'ts', 'esm', {}],
  [3, 'kysely', 'ts', 'esm', {}],
  [1, 'pgp', 'js', 'cjs', {}],
  [1, 'slonik', 'ts', 'esm', {}],
  [1, 'postgresjs', 'js', 'esm', {}],
  [1, 'sqlite', 'js', 'esm', {}],
  [1, 'sqlite', 'ts', 'esm', {}],
];

const WEIGHTED = FLAVORS.map(([w, ...rest]) => [w, rest]);

function makeApp(r, index) {
  const [flavor, lang, mod, extras] = r.weighted(WEIGHTED);
  const app = {
    index,
    flavor,
    lang,
    mod,
    ...extras,
    mjs: lang === 'js' && mod === 'esm' && r.chance(0.4),
    web: extras.nest ? 'nest' : r.weighted([[7, 'express'], [2, 'fastify'], [1, 'koa']]),
    clock: Date.UTC(2022, 0, 1) + r.int(0, 900) * 86_400_000,
    topLevelAwait: lang === 'ts' || mod === 'esm' ? r.chance(0.3) : false,
    target: () => r.fileLength(),
  };
  app.defineEntity = app.variant === 'define';
  app.dir = `${String(index).padStart(3, '0')}-${flavor}-${lang}-${mod}`;
  app.serviceModule = (e) => {
    if (['typeorm', 'mikro', 'sequelize', 'sequelize-typescript'].includes(flavor)) return `../services/${kebab(e.name)}.service`;
    return `../repositories/${kebab(e.name)}.repository`;
  };
  return app;
}

function* appFiles(r, app) {
  const domain = makeDomain(r);
  const { entities } = domain;
  app.entities = entities;
  const { lang, mod } = app;
  const served = entities.filter(() => r.chance(0.75));
  const withRoutes = served.filter(() => r.chance(0.7));
  const migrations = r.int(2, 10);

  switch (app.flavor) {
    case 'typeorm':
      for (const e of entities) yield app.schema ? typeorm.typeormEntitySchema(r, app, e, lang, mod) : typeorm.typeormEntity(r, app, e);
      for (const e of served) yield typeorm.typeormService(r, app, e, lang, mod);
      for (let i = 0; i < migrations; i++) yield typeorm.typeormMigration(r, app, entities, i, lang, mod);
      yield typeorm.typeormDataSource(r, app, entities, lang, mod);
      break;
    case 'mikro':
      for (const e of entities) {
        if (app.variant === 'decorators') yield mikro.mikroDecoratorEntity(r, app, e);
        else if (app.variant === 'schema') yield mikro.mikroEntitySchema(r, app, e, lang, mod);
        else yield mikro.mikroDefineEntity(r, app, e, lang, mod);
      }
      for (const e of served) yield mikro.mikroService(r, app, e, lang, mod);
      if (lang === 'ts') for (let i = 0; i < migrations; i++) yield mikro.mikroMigration(r, app, entities, i);
      yield mikro.mikroConfig(r, app, lang, mod);
      break;
    case 'sequelize':
      if (mod === 'cjs' && r.chance(0.5)) yield seq.sequelizeModelsIndex(r);
      yield seq.sequelizeDb(r, app, lang, mod);
      for (const e of entities) yield r.chance(0.7) ? seq.sequelizeModelInit(r, app, e, lang, mod) : seq.sequelizeDefine(r, app, e, lang, mod);
      for (const e of served) yield seq.sequelizeService(r, app, e, lang, mod);
      for (let i = 0; i < migrations; i++) yield seq.sequelizeMigration(r, app, entities, i, mod === 'cjs' ? 'js' : lang, mod);
      break;
    case 'sequelize-typescript':
      yield seq.sequelizeDb(r, app, lang, mod);
      for (const e of entities) yield seq.sequelizeTypescriptModel(r, app, e);
      for (const e of served) yield seq.sequelizeService(r, app, e, lang, mod);
      for (let i = 0; i < migrations; i++) yield seq.sequelizeMigration(r, app, entities, i, r.chance(0.5) ? 'js' : 'ts', 'esm');
      break;
    default: {
      yield sqlc.dbModule(r, app, lang, mod);
      if (app.flavor === 'drizzle') yield sqlc.drizzleSchema(r, app, entities);
      if (app.flavor === 'kysely') yield sqlc.kyselyTypes(r, app, entities);
      if (app.flavor === 'objection') for (const e of entities) yield sqlc.objectionModel(r, app, e, lang, mod);
      if (app.flavor === 'knex' || app.flavor === 'objection') yield sqlc.knexfile(r, app, lang, mod);
      for (const e of served) yield sqlc.repository(r, app, e, lang, mod);
      if (r.chance(0.3) && entities.length > 3) yield sqlc.repository(r, app, entities[0], lang, mod, entities.slice(1));
      for (let i = 0; i < migrations; i++) {
        if (app.flavor === 'knex' || app.flavor === 'objection') yield sqlc.knexMigration(r, app, entities, i, lang, mod);
        else if (app.flavor === 'kysely') yield sqlc.kyselyMigration(r, app, entities, i);
        else if (app.flavor === 'pg' || app.flavor === 'pgp' || app.flavor === 'slonik') yield sqlc.pgMigration(r, app, entities, i, lang, mod);
      }
    }
  }

  // The HTTP layer and the rest of the app.
  for (const e of withRoutes) {
    if (app.web === 'nest' && app.flavor === 'typeorm') yield web.nestController(r, app, e);
    else if (app.web === 'fastify') yield web.fastifyRoutes(r, app, e, lang, mod);
    else if (app.web === 'koa') yield web.koaRoutes(r, app, e, lang, mod);
    else yield web.expressController(r, app, e, lang, mod);
  }
  if (app.web === 'express') {
    yield web.middleware(r, app, lang, mod);
    yield web.errorHandler(r, app, lang, mod);
    yield web.bootstrap(r, app, withRoutes.length ? withRoutes : entities.slice(0, 2), lang, mod);
  }
  for (const kind of r.sample(web.UTILITY_KINDS, r.int(2, 6))) yield web.utility(r, app, kind, lang, mod);
  if (r.chance(0.12)) yield web.webpackConfig(r);
  if (lang === 'ts' && r.chance(0.15)) yield web.localesLoader(r);
  if (lang === 'ts' && r.chance(0.1)) yield web.homeMadeOrm(r);
  if (lang === 'ts' && r.chance(0.1)) yield web.perQueryLoading(r, app, entities);
}

// Config files and migrations keep their natural shape: nobody puts DTO mappers in a migration.
const NO_GROW = /(^|\/)(migrations\/|knexfile|webpack\.|models\/index\.js|mikro-orm\.config|data-source|db\/schema\.ts$|types\.ts$)/;

const fakeHash = (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * A `migrations.manifest.jsonl` (the record no-applied-migration-edit reads) for an app's
 * migrations: mostly well-formed with hashes that do not match (so every listed migration reads as
 * edited), with accepted edits, renames and deletions; sometimes malformed (a merge-conflict
 * marker, bad JSON, an unknown key), which the rule must report once, never crash on.
 */
function migrationsManifest(r, migrationPaths) {
  const lines = [JSON.stringify({ manifest: 'dbconventions/migrations', version: 1, hash: 'tokens' })];
  for (const p of [...migrationPaths].sort()) {
    const entry = { path: p, hash: fakeHash(p) };
    if (r.chance(0.1)) entry.accepted = [{ from: fakeHash(`${p}@1`), to: fakeHash(`${p}@2`), reason: 'vendor fix: quoted a reserved column name' }];
    if (r.chance(0.05)) entry.renamed = [{ from: p.replace(/(\.[cm]?[jt]s)$/, '.old$1'), reason: 'renamed to the team convention' }];
    if (r.chance(0.05)) entry.deleted = { reason: 'squashed into the initial schema' };
    lines.push(JSON.stringify(entry));
  }
  const broken = r.weighted([[80, null], [7, 'conflict'], [7, 'json'], [6, 'key']]);
  if (broken === 'conflict') lines.splice(2, 0, '<<<<<<< HEAD', '=======', '>>>>>>> feature/orders');
  else if (broken === 'json') lines.push('{"path": "migrations/broken.js", "hash": ');
  else if (broken === 'key') lines.push(JSON.stringify({ path: 'migrations/extra.js', hash: fakeHash('x'), appliedAt: '2024-01-01' }));
  return `${lines.join('\n')}\n`;
}

/**
 * Generates apps until at least `minFiles` code files exist.
 * @returns {{ path: string, content: string, app: string, flavor: string, data?: true }[]} paths
 *   relative to the generated root; `data` marks files that are not code (migration manifests)
 */
export function generate({ seed = 20240611, minFiles = 1600, tally = newTally() } = {}) {
  const files = [];
  const seen = new Set();
  const grown = (r, app, file) => {
    if (NO_GROW.test(file.path) || file.data || (app.flavor === 'modules' && /(^|\/)lib\/index\.[jt]s$/.test(file.path))) return file.content;
    // The file's own entity first (by its name in the path), then the rest of the domain.
    const own = app.entities.filter((e) => file.path.includes(kebab(e.name)) || file.path.includes(e.name));
    const rest = r.shuffle(app.entities.filter((e) => !own.includes(e)));
    const ts = /\.tsx?$/.test(file.path);
    const cjs = !ts && app.mod === 'cjs' && !/^export |\nexport /.test(file.content);
    return grow(r, file.content, { target: r.fileLength(), entities: [...own, ...rest], ts, cjs });
  };
  for (let index = 0; files.filter((f) => !f.data).length < minFiles; index++) {
    const r = createRandom(seed + index * 7919);
    const app = makeApp(r, index);
    const migrationPaths = [];
    for (const file of appFiles(r, app)) {
      const path = `${app.dir}/${file.path}`;
      // Two entities can map to the same file name (a migration stamp, say): keep the first.
      if (seen.has(path)) continue;
      seen.add(path);
      const content = grown(r, app, file);
      files.push({ path, content, app: app.dir, flavor: app.flavor });
      if (/(^|\/)migrations\//.test(file.path)) migrationPaths.push(file.path);
    }
    // Some teams record applied migrations: the app root gets a manifest (a data file, not code).
    if (migrationPaths.length && r.chance(0.3)) {
      files.push({ path: `${app.dir}/migrations.manifest.jsonl`, content: migrationsManifest(r, migrationPaths), app: app.dir, flavor: app.flavor, data: true });
    }
  }
  // Then the multi-module apps (bench/gen/modules.mjs), after the others and from seeds of their
  // own, so the apps above stay byte-identical whatever is added here.
  MODULE_APPS.forEach(([client, lang, mod, imports], k) => {
    const r = createRandom(seed + 1_000_003 + k * 7919);
    const { entities } = makeDomain(r);
    const dir = `m${String(k).padStart(2, '0')}-modules-${client}-${lang}-${mod}`;
    const app = { dir, flavor: 'modules', client, lang, mod, imports, entities, tally, http: r.pick(['fetch', 'axios']) };
    for (const file of moduleAppFiles(r, app)) {
      const content = grown(r, app, file);
      files.push({ path: `${dir}/${file.path}`, content, app: dir, flavor: 'modules', ...(file.data ? { data: true } : {}) });
    }
  });
  return files;
}
