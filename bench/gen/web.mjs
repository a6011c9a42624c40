// The rest of a back end: HTTP controllers (Express, NestJS, Fastify, Koa), middleware, plain
// utilities with no database at all, app bootstrap, and look-alikes that share words with ORM
// options (`eager: true` in bundler configs, `import.meta.glob`, objection's per-query `.eager()`).
import { indent, kebab, pascal } from './random.mjs';
import { Source, fileHeader } from './source.mjs';
import { unitsUntil } from './shared.mjs';

const ext = (src, app) => (src.ts ? 'ts' : app.mjs ? 'mjs' : 'js');

export function expressController(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  fileHeader(r, src, `${entity.name} routes`);
  src.named('express', 'Router');
  if (src.ts) src.types('express', 'Request', 'Response', 'NextFunction');
  const svc = `${entity.var}Service`;
  src.ns(app.serviceModule(entity), svc);
  const P = pascal(entity.plural);
  const idParse = r.pick(['Number(req.params.id)', 'parseInt(req.params.id, 10)', 'req.params.id']);
  const routes = [
    () => `router.get('/', async (req${T(': Request')}, res${T(': Response')}, next${T(': NextFunction')}) => {
  try {
    const page = Math.max(1, Number(req.query.page ?? 1));
    const limit = Math.min(100, Number(req.query.limit ?? 20));
    const result = await ${svc}.list${P}${app.flavor === 'typeorm' || app.flavor === 'mikro' ? '' : ''}?.(page, limit);
    res.json({ data: result, page, limit });
  } catch (err) {
    next(err);
  }
});`,
    () => `router.get('/:id', async (req${T(': Request')}, res${T(': Response')}, next${T(': NextFunction')}) => {
  try {
    const item = await ${svc}.get${entity.name}?.(${idParse}${src.ts && idParse === 'req.params.id' ? ' as any' : ''});
    if (!item) return res.status(404).json({ error: 'Not found' });
    return res.json(item);
  } catch (err) {
    return next(err);
  }
});`,
    () => `router.post('/', validate(create${entity.name}Schema), async (req${T(': Request')}, res${T(': Response')}) => {
  const created = await ${svc}.create${entity.name}?.(req.body);
  res.status(201).location(\`/${entity.table}/\${created?.id}\`).json(created);
});`,
    () => `router.get('/search', async (req${T(': Request')}, res${T(': Response')}) => {
  const term = String(req.query.q ?? '').trim();
  if (term.length < 2) {
    res.status(400).json({ error: 'query too short' });
    return;
  }
  res.json(await ${svc}.search?.(term));
});`,
    () => `router.patch('/:id', requireRole('admin'), async (req${T(': Request')}, res${T(': Response')}) => {
  const { id } = req.params;
  const allowed = ['${entity.fields.slice(0, 3).map((f) => f.name).join("', '")}'];
  const changes = Object.fromEntries(Object.entries(req.body ?? {}).filter(([key]) => allowed.includes(key)));
  res.json(await ${svc}.update${entity.name}?.(Number(id), changes));
});`,
    () => `router.delete('/:id', requireRole('admin'), async (req${T(': Request')}, res${T(': Response')}) => {
  await ${svc}.remove${entity.name}?.(Number(req.params.id));
  res.sendStatus(204);
});`,
    () => `router.get('/export.csv', async (_req${T(': Request')}, res${T(': Response')}) => {
  res.setHeader('content-type', 'text/csv');
  res.setHeader('content-disposition', 'attachment; filename="${entity.table}.csv"');
  const rows = (await ${svc}.list${P}?.(1, 10_000)) ?? [];
  for (const row of ${src.ts ? '(rows as any[])' : 'rows'}) res.write(\`\${row.id},\${JSON.stringify(row)}\\n\`);
  res.end();
});`,
  ];
  src.named('../middleware/validate', 'validate');
  src.named('../middleware/auth', 'requireRole');
  src.named(`../schemas/${kebab(entity.name)}`, `create${entity.name}Schema`);
  src.add(`const router = Router();`);
  src.add(unitsUntil(r, routes, app.target(), routes.length).join('\n\n'));
  src.expDefault('router');
  return { path: `src/routes/${kebab(entity.plural)}.${ext(src, app)}`, content: src.render() };
}

export function nestController(r, app, entity) {
  const src = new Source(r, 'ts');
  src.named('@nestjs/common', 'Controller', 'Get', 'Post', 'Patch', 'Delete', 'Param', 'Body', 'Query', 'ParseIntPipe', 'HttpCode', 'DefaultValuePipe');
  src.named(`./${kebab(entity.name)}.service`, `${entity.name}Service`);
  const methods = [
    () => `@Get()\nfindAll(\n  @Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number,\n  @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,\n) {\n  return this.service.findAll(page, limit);\n}`,
    () => `@Get(':id')\nfindOne(@Param('id', ParseIntPipe) id: number) {\n  return this.service.findOne(id);\n}`,
    () => `@Get('search')\nsearch(@Query('q') q: string, @Query('sort') sort?: string) {\n  return this.service.search?.(q, sort);\n}`,
    () => `@Post()\ncreate(@Body() body: Record<string, unknown>) {\n  return this.service.create(body as any);\n}`,
    () => `@Patch(':id/transfer')\ntransfer(@Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>) {\n  return this.service.transfer?.(id, body);\n}`,
    () => `@Delete(':id')\n@HttpCode(204)\nasync remove(@Param('id', ParseIntPipe) id: number): Promise<void> {\n  await this.service.remove?.(id);\n}`,
  ];
  src.exp(`${entity.name}Controller`, `@Controller('${entity.table}')\nclass ${entity.name}Controller {\n  constructor(private readonly service: ${entity.name}Service) {}\n\n${indent(unitsUntil(r, methods, app.target(), methods.length).join('\n\n'), 2)}\n}`);
  return { path: `src/${kebab(entity.name)}/${kebab(entity.name)}.controller.ts`, content: src.render() };
}

export function fastifyRoutes(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  if (src.ts) src.types('fastify', 'FastifyInstance', 'FastifyPluginAsync');
  src.ns(app.serviceModule(entity), 'repo');
  const routes = [
    () => `app.get('/${entity.table}', async (request${T(': any')}) => {\n  const { limit = 20 } = request.query;\n  return repo.list${pascal(entity.plural)}?.(Number(limit));\n});`,
    () => `app.get${T('<{ Params: { id: string } }>')}('/${entity.table}/:id', async (request, reply) => {\n  const row = await repo.get${entity.name}?.(Number(request.params.id));\n  if (!row) return reply.code(404).send({ message: 'not found' });\n  return row;\n});`,
    () => `app.post('/${entity.table}', { schema: { body: { type: 'object', required: ['${entity.fields[0].name}'] } } }, async (request${T(': any')}, reply) => {\n  const row = await repo.create${entity.name}?.(request.body);\n  return reply.code(201).send(row);\n});`,
    () => `app.get('/${entity.table}/search/:term', async (request${T(': any')}) => repo.search?.(request.params.term));`,
  ];
  src.add(`const routes${T(': FastifyPluginAsync')} = async (app${T(': FastifyInstance')}) => {\n${indent(unitsUntil(r, routes, app.target(), routes.length).join('\n\n'), 2)}\n};`);
  src.expDefault('routes');
  return { path: `src/routes/${kebab(entity.plural)}.${ext(src, app)}`, content: src.render() };
}

export function koaRoutes(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  src.def('@koa/router', 'Router');
  src.ns(app.serviceModule(entity), 'repo');
  src.add(`const router = new Router({ prefix: '/${entity.table}' });

router.get('/', async (ctx) => {
  ctx.body = await repo.list${pascal(entity.plural)}?.(Number(ctx.query.limit ?? 20));
});

router.get('/:id', async (ctx) => {
  const row = await repo.get${entity.name}?.(Number(ctx.params.id));
  ctx.assert(row, 404, '${entity.name} not found');
  ctx.body = row;
});

router.post('/', async (ctx) => {
  ctx.status = 201;
  ctx.body = await repo.create${entity.name}?.(ctx.request.body);
});`);
  src.expDefault('router');
  return { path: `src/routes/${kebab(entity.plural)}.${ext(src, app)}`, content: src.render() };
}

// ───────────────────────────── utilities (no database) ─────────────────────────────

const UTILITIES = {
  pagination: (src, T) => [
    () => `function parsePage(input${T(': unknown')}, fallback = 1)${T(': number')} {\n  const n = Number(input);\n  return Number.isInteger(n) && n > 0 ? n : fallback;\n}`,
    () => `function pageMeta(total${T(': number')}, page${T(': number')}, size${T(': number')}) {\n  const pages = Math.max(1, Math.ceil(total / size));\n  return { total, page, size, pages, hasNext: page < pages, hasPrev: page > 1 };\n}`,
    () => `function encodeCursor(value${T(': { id: number; createdAt: Date }')})${T(': string')} {\n  return Buffer.from(JSON.stringify({ id: value.id, t: value.createdAt.getTime() })).toString('base64url');\n}`,
    () => `function decodeCursor(cursor${T('?: string')})${T(': { id: number; createdAt: Date } | undefined')} {\n  if (!cursor) return undefined;\n  try {\n    const { id, t } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));\n    return { id, createdAt: new Date(t) };\n  } catch {\n    return undefined;\n  }\n}`,
    () => `function clampLimit(limit${T(': unknown')}, max = 100)${T(': number')} {\n  const n = Number(limit);\n  if (!Number.isFinite(n) || n <= 0) return 20;\n  return Math.min(Math.floor(n), max);\n}`,
  ],
  retry: (src, T) => [
    () => `const sleep = (ms${T(': number')}) => new Promise${T('<void>')}((resolve) => setTimeout(resolve, ms));`,
    () => `async function retry${T('<T>')}(fn${T(': () => Promise<T>')}, { retries = 3, baseMs = 100 } = {})${T(': Promise<T>')} {\n  let attempt = 0;\n  for (;;) {\n    try {\n      return await fn();\n    } catch (err) {\n      if (attempt++ >= retries) throw err;\n      const jitter = Math.random() * baseMs;\n      await sleep(baseMs * 2 ** attempt + jitter);\n    }\n  }\n}`,
    () => `function withTimeout${T('<T>')}(promise${T(': Promise<T>')}, ms${T(': number')}, label = 'operation')${T(': Promise<T>')} {\n  let timer${T(': NodeJS.Timeout | undefined')};\n  const timeout = new Promise${T('<never>')}((_, reject) => {\n    timer = setTimeout(() => reject(new Error(\`\${label} timed out after \${ms}ms\`)), ms);\n  });\n  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));\n}`,
    () => `class CircuitBreaker {\n  ${T('private ')}failures = 0;\n  ${T('private ')}openedAt = 0;\n\n  constructor(${T('private readonly ')}threshold = 5, ${T('private readonly ')}coolDownMs = 30_000) {${src.ts ? '' : '\n    this.threshold = threshold;\n    this.coolDownMs = coolDownMs;\n  '}}\n\n  async run${T('<T>')}(fn${T(': () => Promise<T>')})${T(': Promise<T>')} {\n    if (this.failures >= this.threshold && Date.now() - this.openedAt < this.coolDownMs) {\n      throw new Error('circuit open');\n    }\n    try {\n      const result = await fn();\n      this.failures = 0;\n      return result;\n    } catch (err) {\n      this.failures += 1;\n      if (this.failures === this.threshold) this.openedAt = Date.now();\n      throw err;\n    }\n  }\n}`,
  ],
  strings: (src, T) => [
    () => `function slugify(input${T(': string')})${T(': string')} {\n  return input\n    .normalize('NFKD')\n    .replace(/[\\u0300-\\u036f]/g, '')\n    .toLowerCase()\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-+|-+$/g, '');\n}`,
    () => `function truncate(text${T(': string')}, max = 80, suffix = '…')${T(': string')} {\n  return text.length <= max ? text : text.slice(0, max - suffix.length) + suffix;\n}`,
    () => `function maskEmail(email${T(': string')})${T(': string')} {\n  const [user, domain] = email.split('@');\n  if (!domain) return email;\n  return \`\${user.slice(0, 2)}\${'*'.repeat(Math.max(1, user.length - 2))}@\${domain}\`;\n}`,
    () => `function titleCase(s${T(': string')})${T(': string')} {\n  return s.replace(/\\w\\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());\n}`,
    () => `const escapeHtml = (s${T(': string')}) =>\n  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]${src.ts ? ' as string' : ''});`,
    () => `function pluralize(word${T(': string')}, count${T(': number')})${T(': string')} {\n  if (count === 1) return word;\n  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';\n  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';\n  return word + 's';\n}`,
  ],
  dates: (src, T) => [
    () => `const DAY_MS = 24 * 60 * 60 * 1000;`,
    () => `function startOfDay(date${T(': Date')}, tz = 'UTC')${T(': Date')} {\n  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);\n  return new Date(\`\${parts}T00:00:00Z\`);\n}`,
    () => `function addDays(date${T(': Date')}, days${T(': number')})${T(': Date')} {\n  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);\n}`,
    () => `function isWeekend(date${T(': Date')})${T(': boolean')} {\n  const day = date.getUTCDay();\n  return day === 0 || day === 6;\n}`,
    () => `function businessDaysBetween(from${T(': Date')}, to${T(': Date')})${T(': number')} {\n  let count = 0;\n  for (let d = new Date(from); d < to; d = addDays(d, 1)) {\n    if (!isWeekend(d)) count++;\n  }\n  return count;\n}`,
    () => `function formatDuration(ms${T(': number')})${T(': string')} {\n  const s = Math.floor(ms / 1000);\n  const h = Math.floor(s / 3600);\n  const m = Math.floor((s % 3600) / 60);\n  return [h && \`\${h}h\`, m && \`\${m}m\`, \`\${s % 60}s\`].filter(Boolean).join(' ');\n}`,
  ],
  cache: (src, T) => [
    () => `class LruCache${T('<K, V>')} {\n  ${T('private readonly ')}map = new Map${T('<K, { value: V; expires: number }>')}();\n\n  constructor(${T('private readonly ')}max = 500, ${T('private readonly ')}ttlMs = 60_000) {${src.ts ? '' : '\n    this.max = max;\n    this.ttlMs = ttlMs;\n  '}}\n\n  get(key${T(': K')})${T(': V | undefined')} {\n    const hit = this.map.get(key);\n    if (!hit) return undefined;\n    if (hit.expires < Date.now()) {\n      this.map.delete(key);\n      return undefined;\n    }\n    this.map.delete(key);\n    this.map.set(key, hit);\n    return hit.value;\n  }\n\n  set(key${T(': K')}, value${T(': V')})${T(': void')} {\n    this.map.delete(key);\n    this.map.set(key, { value, expires: Date.now() + this.ttlMs });\n    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value${src.ts ? ' as K' : ''});\n  }\n}`,
    () => `function memoize${T('<A extends unknown[], R>')}(fn${T(': (...args: A) => R')}, key${T(': (...args: A) => string')} = (...args) => JSON.stringify(args)) {\n  const cache = new Map${T('<string, R>')}();\n  return (...args${T(': A')})${T(': R')} => {\n    const k = key(...args);\n    if (!cache.has(k)) cache.set(k, fn(...args));\n    return cache.get(k)${T(' as R')};\n  };\n}`,
    () => `function debounce${T('<A extends unknown[]>')}(fn${T(': (...args: A) => void')}, wait = 200) {\n  let timer${T(': NodeJS.Timeout | undefined')};\n  return (...args${T(': A')}) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), wait);\n  };\n}`,
  ],
  errors: (src, T) => [
    () => `class HttpError extends Error {\n  constructor(${T('public readonly ')}status${T(': number')}, message${T(': string')}, ${T('public readonly ')}details${T('?: unknown')}) {\n    super(message);\n    this.name = 'HttpError';${src.ts ? '' : '\n    this.status = status;\n    this.details = details;'}\n  }\n}`,
    () => `class NotFoundError extends HttpError {\n  constructor(resource${T(': string')}, id${T(': string | number')}) {\n    super(404, \`\${resource} \${id} not found\`);\n  }\n}`,
    () => `class ConflictError extends HttpError {\n  constructor(message = 'conflict') {\n    super(409, message);\n  }\n}`,
    () => `function isUniqueViolation(err${T(': unknown')})${T(': boolean')} {\n  return typeof err === 'object' && err !== null && ((err${T(' as { code?: string }')}).code === '23505' || (err${T(' as { code?: string }')}).code === 'ER_DUP_ENTRY');\n}`,
    () => `function toProblem(err${T(': unknown')}) {\n  if (err instanceof HttpError) return { status: err.status, title: err.message, detail: err.details };\n  return { status: 500, title: 'Internal Server Error' };\n}`,
  ],
  config: (src, T) => [
    () => `function required(name${T(': string')})${T(': string')} {\n  const value = process.env[name];\n  if (value === undefined || value === '') throw new Error(\`Missing environment variable \${name}\`);\n  return value;\n}`,
    () => `function numberFromEnv(name${T(': string')}, fallback${T(': number')})${T(': number')} {\n  const raw = process.env[name];\n  const n = raw === undefined ? NaN : Number(raw);\n  return Number.isFinite(n) ? n : fallback;\n}`,
    () => `const config = {\n  port: numberFromEnv('PORT', 3000),\n  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost/app',\n  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',\n  jwtSecret: process.env.JWT_SECRET ?? 'dev-secret',\n  corsOrigins: (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean),\n  logLevel: process.env.LOG_LEVEL ?? 'info',\n}${src.ts ? ' as const' : ''};`,
    () => `function featureFlag(name${T(': string')})${T(': boolean')} {\n  return (process.env.FEATURES ?? '').split(',').map((s) => s.trim()).includes(name);\n}`,
  ],
  logger: (src, T) => [
    () => `const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 }${src.ts ? ' as const' : ''};`,
    () => `function createLogger(name${T(': string')}, level${T(': keyof typeof LEVELS')} = 'info') {\n  const threshold = LEVELS[level];\n  const log = (lvl${T(': keyof typeof LEVELS')}, msg${T(': string')}, meta${T('?: Record<string, unknown>')}) => {\n    if (LEVELS[lvl] < threshold) return;\n    process.stdout.write(JSON.stringify({ t: new Date().toISOString(), lvl, name, msg, ...meta }) + '\\n');\n  };\n  return {\n    debug: (m${T(': string')}, meta${T('?: Record<string, unknown>')}) => log('debug', m, meta),\n    info: (m${T(': string')}, meta${T('?: Record<string, unknown>')}) => log('info', m, meta),\n    warn: (m${T(': string')}, meta${T('?: Record<string, unknown>')}) => log('warn', m, meta),\n    error: (m${T(': string')}, meta${T('?: Record<string, unknown>')}) => log('error', m, meta),\n  };\n}`,
    () => `function redact(obj${T(': Record<string, unknown>')}, keys = ['password', 'token', 'secret'])${T(': Record<string, unknown>')} {\n  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, keys.includes(k.toLowerCase()) ? '[redacted]' : v]));\n}`,
  ],
  events: (src, T) => [
    () => `class TypedEmitter${T('<Events extends Record<string, unknown[]>>')} {\n  ${T('private ')}listeners${T(': { [E in keyof Events]?: Array<(...args: Events[E]) => void> }')} = {};\n\n  on${T('<E extends keyof Events>')}(event${T(': E')}, fn${T(': (...args: Events[E]) => void')}) {\n    (this.listeners[event] ??= []).push(fn);\n    return () => this.off(event, fn);\n  }\n\n  off${T('<E extends keyof Events>')}(event${T(': E')}, fn${T(': (...args: Events[E]) => void')}) {\n    this.listeners[event] = this.listeners[event]?.filter((l) => l !== fn);\n  }\n\n  emit${T('<E extends keyof Events>')}(event${T(': E')}, ...args${T(': Events[E]')}) {\n    for (const fn of this.listeners[event] ?? []) fn(...args);\n  }\n}`,
    () => `async function* batches${T('<T>')}(source${T(': AsyncIterable<T>')}, size = 100)${T(': AsyncGenerator<T[]>')} {\n  let batch${T(': T[]')} = [];\n  for await (const item of source) {\n    batch.push(item);\n    if (batch.length >= size) {\n      yield batch;\n      batch = [];\n    }\n  }\n  if (batch.length) yield batch;\n}`,
    () => `function chunk${T('<T>')}(items${T(': readonly T[]')}, size${T(': number')})${T(': T[][]')} {\n  const out${T(': T[][]')} = [];\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));\n  return out;\n}`,
  ],
  files: (src, T) => [
    () => `async function ensureDir(dir${T(': string')})${T(': Promise<void>')} {\n  await mkdir(dir, { recursive: true });\n}`,
    () => `async function writeJson(file${T(': string')}, data${T(': unknown')})${T(': Promise<void>')} {\n  await ensureDir(path.dirname(file));\n  const tmp = \`\${file}.\${process.pid}.tmp\`;\n  await writeFile(tmp, JSON.stringify(data, null, 2));\n  await rename(tmp, file);\n}`,
    () => `async function readJson${T('<T>')}(file${T(': string')}, fallback${T(': T')})${T(': Promise<T>')} {\n  try {\n    return JSON.parse(await readFile(file, 'utf8'));\n  } catch (err) {\n    if ((err${T(' as NodeJS.ErrnoException')}).code === 'ENOENT') return fallback;\n    throw err;\n  }\n}`,
    () => `async function* walk(dir${T(': string')})${T(': AsyncGenerator<string>')} {\n  for (const entry of await readdir(dir, { withFileTypes: true })) {\n    const full = path.join(dir, entry.name);\n    if (entry.isDirectory()) yield* walk(full);\n    else yield full;\n  }\n}`,
  ],
};

export function utility(r, app, kind, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  fileHeader(r, src, `${kind} helpers`);
  if (kind === 'files') {
    src.named('node:fs/promises', 'mkdir', 'readFile', 'readdir', 'rename', 'writeFile');
    src.def('node:path', 'path');
  }
  const units = UTILITIES[kind](src, T);
  const target = app.target();
  // Short utility modules stay short; long ones repeat with numbered variants of the helpers.
  const blocks = unitsUntil(r, units, target, units.length, units.length);
  for (const text of blocks) {
    const m = /^(?:async )?(?:function\*? |class |const )(\w+)/.exec(text);
    if (m && r.chance(0.85)) src.exp(m[1], text);
    else src.add(text);
  }
  return { path: `src/utils/${kind}.${ext(src, app)}`, content: src.render() };
}
export const UTILITY_KINDS = Object.keys(UTILITIES);

export function middleware(r, app, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  if (src.ts) src.types('express', 'Request', 'Response', 'NextFunction', 'RequestHandler');
  src.def('jsonwebtoken', 'jwt');
  src.exp('authenticate', `function authenticate(req${T(': Request')}, res${T(': Response')}, next${T(': NextFunction')}) {
  const header = req.headers.authorization ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) {
    return res.status(401).json({ error: 'missing token' });
  }
  try {
    ${src.ts ? '(req as any)' : 'req'}.user = jwt.verify(token, process.env.JWT_SECRET${src.ts ? '!' : ''});
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
}`);
  src.exp('requireRole', `function requireRole(...roles${T(': string[]')})${T(': RequestHandler')} {
  return (req, res, next) => {
    const user = ${src.ts ? '(req as any)' : 'req'}.user;
    if (!user || !roles.some((role) => user.roles?.includes(role))) {
      res.status(403).json({ error: 'forbidden' });
      return;
    }
    next();
  };
}`);
  return { path: `src/middleware/auth.${ext(src, app)}`, content: src.render() };
}

export function errorHandler(r, app, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  if (src.ts) src.types('express', 'ErrorRequestHandler');
  src.exp('errorHandler', `const errorHandler${T(': ErrorRequestHandler')} = (err, req, res, _next) => {
  const status = typeof err.status === 'number' ? err.status : 500;
  if (status >= 500) {
    console.error({ err, path: req.path, method: req.method }, 'unhandled error');
  }
  res.status(status).json({
    error: status >= 500 ? 'Internal Server Error' : err.message,
    ...(process.env.NODE_ENV !== 'production' && { stack: err.stack }),
  });
};`);
  return { path: `src/middleware/error-handler.${ext(src, app)}`, content: src.render() };
}

export function bootstrap(r, app, entities, lang, mod) {
  const src = new Source(r, lang, mod);
  src.def('express', 'express');
  src.def('helmet', 'helmet');
  src.named('./middleware/error-handler', 'errorHandler');
  src.named('./middleware/auth', 'authenticate');
  const mounts = [];
  for (const e of entities.slice(0, 8)) {
    src.def(`./routes/${kebab(e.plural)}`, `${e.var}Routes`);
    mounts.push(`app.use('/api/${e.table}', authenticate, ${e.var}Routes);`);
  }
  src.add(`const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(express.json({ limit: '1mb' }));

app.get('/healthz', (_req, res) => {
  res.json({ ok: true, uptime: process.uptime() });
});

${mounts.join('\n')}

app.use(errorHandler);

const port = Number(process.env.PORT ?? 3000);
${app.topLevelAwait && !src.cjs ? `await new Promise${src.T('<void>')}((resolve) => app.listen(port, () => resolve()));\nconsole.log(\`listening on \${port}\`);` : `app.listen(port, () => {\n  console.log(\`listening on \${port}\`);\n});`}`);
  if (!app.topLevelAwait || src.cjs) src.expDefault('app');
  return { path: `src/server.${ext(src, app)}`, content: src.render() };
}

// ───────────────────────────── look-alikes ─────────────────────────────

/** webpack Module Federation: `shared: { react: { singleton: true, eager: true } }` — not an ORM. */
export function webpackConfig(r) {
  const src = new Source(r, 'js', 'cjs');
  src.named('webpack', 'container');
  src.def('path', 'path');
  src.add(`const deps = require('./package.json').dependencies;

module.exports = {
  mode: process.env.NODE_ENV === 'production' ? 'production' : 'development',
  entry: './src/admin/index.js',
  output: { path: path.resolve(__dirname, 'dist/admin'), publicPath: 'auto' },
  module: {
    rules: [{ test: /\\.jsx?$/, exclude: /node_modules/, use: 'babel-loader' }],
  },
  plugins: [
    new container.ModuleFederationPlugin({
      name: 'admin',
      filename: 'remoteEntry.js',
      remotes: { billing: 'billing@https://billing.example.com/remoteEntry.js' },
      shared: {
        react: { singleton: true, eager: true, requiredVersion: deps.react },
        'react-dom': { singleton: true, eager: true, requiredVersion: deps['react-dom'] },
        lodash: { eager: false },
      },
    }),
  ],
};`);
  return { path: 'webpack.admin.config.js', content: src.render() };
}

/** Vite's `import.meta.glob(…, { eager: true })` — per-build eager imports, not relations. */
export function localesLoader(r) {
  const src = new Source(r, 'ts');
  src.add(`const modules = import.meta.glob<{ default: Record<string, string> }>('./locales/*.json', { eager: true });

export const messages: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([path, mod]) => [path.replace(/^.*\\/(\\w+)\\.json$/, '$1'), mod.default]),
);

export function t(locale: string, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[locale]?.[key] ?? messages.en?.[key] ?? key;
  return template.replace(/\\{(\\w+)\\}/g, (_, name: string) => String(params[name] ?? \`{\${name}}\`));
}

const lazyModules = import.meta.glob('./emails/*.ts');
export async function loadEmail(name: string) {
  const loader = lazyModules[\`./emails/\${name}.ts\`];
  return loader ? loader() : undefined;
}`);
  return { path: 'src/i18n/index.ts', content: src.render() };
}

/** A home-made decorator set with ORM-like names: `eager: true` here is not TypeORM's. */
export function homeMadeOrm(r) {
  const src = new Source(r, 'ts');
  src.add(`// A tiny in-house mapper used by the reporting service. Same words as TypeORM, not TypeORM.
type RelationOptions = { eager?: boolean; nullable?: boolean };
const registry = new Map<Function, Array<{ property: string; target: () => Function; options: RelationOptions }>>();

export function ManyToOne(target: () => Function, options: RelationOptions = {}) {
  return (prototype: object, property: string) => {
    const list = registry.get(prototype.constructor) ?? [];
    list.push({ property, target, options });
    registry.set(prototype.constructor, list);
  };
}

export function relationsOf(ctor: Function) {
  return registry.get(ctor) ?? [];
}

class Region {
  code!: string;
}

export class SalesReport {
  @ManyToOne(() => Region, { eager: true })
  region!: Region;

  total = 0;
}

export const defaultLoadOptions = { eager: true, cacheMs: 60_000 };`);
  return { path: 'src/reporting/mapper.ts', content: src.render() };
}

/** Per-query loading everywhere: `relations`, `populate`, `include` in find calls — all fine. */
export function perQueryLoading(r, app, entities) {
  const src = new Source(r, 'ts');
  const e = entities.find((x) => x.relations.some((y) => y.kind === 'm:1')) ?? entities[0];
  const rel = e.relations[0]?.name ?? 'owner';
  src.named('typeorm', 'DataSource');
  src.add(`export async function loadForDashboard(ds: DataSource, id: number) {
  const repo = ds.getRepository('${e.name}');
  const withRelations = await repo.findOne({ where: { id }, relations: ['${rel}'] });
  const viaBuilder = await repo.createQueryBuilder('x').leftJoinAndSelect('x.${rel}', '${rel}').where('x.id = :id', { id }).getOne();
  return { withRelations, viaBuilder, options: { eager: true } };
}

export const findOptions = {
  include: [{ association: '${rel}' }],
  populate: ['${rel}'],
  eager: true,
};`);
  return { path: 'src/dashboard/loaders.ts', content: src.render() };
}
