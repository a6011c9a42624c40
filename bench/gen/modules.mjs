// Multi-module applications: the database and the I/O are reached through the project's own
// modules, as most real back ends do it. A `lib/db` module with a raw-query helper, a transaction
// helper and exported clients; a barrel `lib/index`; services in their own files (a nodemailer
// mail service class, a bullmq job class with `schedule()` and a static `enqueue()`, an HTTP
// notifier, a base repository with `raw()`/`runQuery()` and its subclasses); controllers and
// services that call them. Some calls splice request data into the helper's SQL (positives for
// no-interpolated-sql), most pass constants or parameters; some transactions (through the library
// and through the project helper) call the mail/queue/HTTP services inside (positives for
// no-io-in-transaction), most do it after commit; same-named methods that do no I/O (negatives).
// TypeScript apps are ES modules (with a `@app/*` tsconfig alias, or relative imports with or
// without `.js`); JavaScript apps are CommonJS (`require`, `module.exports`).
import { kebab, pascal } from './random.mjs';

/** The module apps, in order: [client, language, module system, import style]. */
export const MODULE_APPS = [
  ['prisma', 'ts', 'esm', 'alias'],
  ['knex', 'js', 'cjs', 'relative'],
  ['pg', 'ts', 'esm', 'relative-js'],
  ['knex', 'ts', 'esm', 'alias'],
  ['prisma', 'js', 'cjs', 'relative'],
  ['pg', 'js', 'cjs', 'relative'],
  ['prisma', 'ts', 'esm', 'relative'],
  ['knex', 'ts', 'esm', 'relative-js'],
];

/** Tally of what the module apps contain, by kind: filled while generating (for the bench report). */
export function newTally() {
  return { sqlPositive: 0, sqlNegative: 0, txPositive: 0, txNegative: 0, lookAlike: 0 };
}

/**
 * A tiny source builder for the two module systems: imports become `require`, exports become
 * `module.exports` in CommonJS.
 */
class Mod {
  constructor(app, file) {
    this.app = app;
    this.ts = app.lang === 'ts';
    this.cjs = app.mod === 'cjs';
    this.dir = file.split('/').slice(0, -1).join('/');
    this.imports = [];
    this.body = [];
    this.exported = [];
  }
  T(s) {
    return this.ts ? s : '';
  }
  /** The specifier of a project module (`lib/db`, `lib`) from this file. */
  spec(target) {
    if (this.app.imports === 'alias') return `@app/${target}`;
    const from = this.dir.split('/').slice(1); // under src/
    const to = target.split('/');
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    const up = from.length - common;
    let rel = `${up ? '../'.repeat(up) : './'}${to.slice(common).join('/')}`;
    if (this.app.imports === 'relative-js') rel += target === 'lib' ? '/index.js' : '.js';
    return rel;
  }
  named(from, ...names) {
    this.imports.push(this.cjs ? `const { ${names.join(', ')} } = require('${from}');` : `import { ${names.join(', ')} } from '${from}';`);
  }
  def(from, name) {
    this.imports.push(this.cjs ? `const ${name} = require('${from}');` : `import ${name} from '${from}';`);
  }
  types(from, ...names) {
    if (this.ts) this.imports.push(`import type { ${names.join(', ')} } from '${from}';`);
  }
  add(text) {
    this.body.push(text);
  }
  /** `export <declaration>` (ESM) or the declaration and a `module.exports` entry (CommonJS). */
  exp(name, declaration) {
    if (this.cjs) {
      this.body.push(declaration);
      this.exported.push(name);
    } else this.body.push(`export ${declaration}`);
  }
  text(header) {
    const parts = [];
    if (header) parts.push(header);
    if (this.cjs) parts.push("'use strict';");
    if (this.imports.length) parts.push(this.imports.join('\n'));
    parts.push(...this.body);
    if (this.cjs && this.exported.length) parts.push(`module.exports = { ${this.exported.join(', ')} };`);
    return `${parts.join('\n\n')}\n`;
  }
}

const extOf = (app) => (app.lang === 'ts' ? 'ts' : 'js');
const stringField = (e) => e.fields.find((f) => f.type === 'string') ?? { name: 'name', column: 'name', type: 'string' };
const ph = (app, n) => (app.client === 'pg' || app.client === 'prisma' ? `$${n}` : '?');

// ───────────────────────────── lib/ ─────────────────────────────

function libDb(r, app) {
  const file = `src/lib/db.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  const url = `process.env.DATABASE_URL${T('!')}`;
  if (app.client === 'prisma') {
    m.named('@prisma/client', 'PrismaClient');
    m.types('@prisma/client', 'Prisma');
    m.exp('prisma', `const prisma = new PrismaClient({ log: process.env.NODE_ENV === 'development' ? ['query', 'warn'] : ['error'] });`);
    m.exp('db', 'const db = prisma;');
    m.add('/** The project\'s raw-query helper: reports and admin screens that Prisma\'s client cannot express. */');
    m.exp('rawQuery', `async function rawQuery${T('<T = unknown>')}(sql${T(': string')}, params${T(': unknown[]')} = [])${T(': Promise<T[]>')} {\n  return prisma.$queryRawUnsafe${T('<T[]>')}(sql, ...params);\n}`);
    m.exp('rawExecute', `async function rawExecute(sql${T(': string')}, ...params${T(': unknown[]')}) {\n  return prisma.$executeRawUnsafe(sql, ...params);\n}`);
    m.add('/** Runs `fn` inside one interactive transaction, with the transaction client. */');
    m.exp('withTransaction', `async function withTransaction${T('<T>')}(fn${T(': (tx: Prisma.TransactionClient) => Promise<T>')}, timeout = ${r.pick([5000, 10000, 15000])})${T(': Promise<T>')} {\n  return prisma.$transaction(async (tx) => fn(tx), { timeout });\n}`);
  } else if (app.client === 'knex') {
    m.def('knex', 'knex');
    m.types('knex', 'Knex');
    m.exp('db', `const db = knex({\n  client: 'pg',\n  connection: ${url},\n  pool: { min: 2, max: ${r.int(6, 20)} },\n});`);
    m.add('/** The project\'s raw-query helper: returns the rows. */');
    m.exp('rawQuery', `async function rawQuery${T('<T = any>')}(sql${T(': string')}, params${T(': readonly unknown[]')} = [])${T(': Promise<T[]>')} {\n  const result = await db.raw(sql, params${T(' as any')});\n  return result.rows ?? result;\n}`);
    m.add('/** Runs `fn` inside one transaction: knex commits when it resolves, rolls back when it throws. */');
    m.exp('withTransaction', `function withTransaction${T('<T>')}(fn${T(': (trx: Knex.Transaction) => Promise<T>')})${T(': Promise<T>')} {\n  return db.transaction(fn);\n}`);
  } else {
    m.named('pg', 'Pool');
    m.types('pg', 'PoolClient');
    m.exp('pool', `const pool = new Pool({ connectionString: ${url}, max: ${r.int(5, 25)}, idleTimeoutMillis: 30_000 });`);
    m.exp('db', `const db = {\n  query: (text${T(': string')}, params${T(': unknown[]')} = []) => pool.query(text, params),\n  connect: () => pool.connect(),\n};`);
    m.add('/** The project\'s raw-query helper: logs slow queries, returns the rows. */');
    m.exp('rawQuery', `async function rawQuery${T('<T = any>')}(sql${T(': string')}, params${T(': unknown[]')} = [])${T(': Promise<T[]>')} {\n  const started = Date.now();\n  const { rows } = await pool.query(sql, params);\n  if (Date.now() - started > ${r.pick([100, 200, 500])}) console.warn('slow query', sql.slice(0, 80));\n  return rows;\n}`);
    m.add('/** BEGIN … COMMIT on one pooled client; ROLLBACK when `fn` throws. */');
    m.exp('withTransaction', `async function withTransaction${T('<T>')}(fn${T(': (client: PoolClient) => Promise<T>')})${T(': Promise<T>')} {\n  const client = await pool.connect();\n  try {\n    await client.query('BEGIN');\n    const result = await fn(client);\n    await client.query('COMMIT');\n    return result;\n  } catch (err) {\n    await client.query('ROLLBACK');\n    throw err;\n  } finally {\n    client.release();\n  }\n}`);
  }
  m.add('/** Quotes an identifier the caller chose from a fixed list. */');
  m.exp('ident', `function ident(name${T(': string')})${T(': string')} {\n  return '"' + name.replace(/"/g, '""') + '"';\n}`);
  return { path: file, content: m.text(`// Database access for the whole app: the client, a raw-query helper and a transaction helper.`) };
}

function libHttp(r, app) {
  const file = `src/lib/http.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  if (app.http === 'axios') {
    m.def('axios', 'axios');
    m.exp('http', `const http = axios.create({ baseURL: process.env.INTEGRATIONS_URL, timeout: ${r.pick([3000, 5000, 10000])} });`);
    m.exp('postJson', `async function postJson(url${T(': string')}, body${T(': unknown')}) {\n  const { data } = await http.post(url, body);\n  return data;\n}`);
  } else {
    m.exp('postJson', `async function postJson(url${T(': string')}, body${T(': unknown')}) {\n  const res = await fetch(url, {\n    method: 'POST',\n    headers: { 'content-type': 'application/json', authorization: \`Bearer \${process.env.INTEGRATIONS_TOKEN}\` },\n    body: JSON.stringify(body),\n  });\n  if (!res.ok) throw new Error(\`\${url}: HTTP \${res.status}\`);\n  return res.json();\n}`);
  }
  m.add('/** Builds a URL only: no request. */');
  m.exp('endpoint', `function endpoint(path${T(': string')}, query${T(': Record<string, string>')} = {}) {\n  const qs = new URLSearchParams(query).toString();\n  return \`\${process.env.INTEGRATIONS_URL}\${path}\${qs ? \`?\${qs}\` : ''}\`;\n}`);
  return { path: file, content: m.text('// Outgoing HTTP to the integrations gateway.') };
}

function libIndex(r, app) {
  const file = `src/lib/index.${extOf(app)}`;
  const x = app.imports === 'relative-js' ? '.js' : '';
  if (app.mod !== 'cjs') {
    const lines = [`export * from './db${x}';`, r.chance(0.5) ? `export * from './http${x}';` : `export { postJson, endpoint } from './http${x}';`];
    return { path: file, content: `// The barrel the app imports from.\n${lines.join('\n')}\n` };
  }
  const content = r.chance(0.5)
    ? `'use strict';\n\n// The barrel the app requires.\nconst db = require('./db');\nconst http = require('./http');\n\nmodule.exports = {\n  db: db.db,\n  rawQuery: db.rawQuery,\n  withTransaction: db.withTransaction,\n  ident: db.ident,\n  postJson: http.postJson,\n  endpoint: http.endpoint,\n};\n`
    : `'use strict';\n\n// The barrel the app requires.\nmodule.exports = { ...require('./db'), ...require('./http') };\n`;
  return { path: file, content };
}

// ───────────────────────────── services/ ─────────────────────────────

function mailService(r, app) {
  const file = `src/services/mail.service.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  const priv = T('private ');
  m.def('nodemailer', 'nodemailer');
  m.exp('MailService', `class MailService {
  ${T('private readonly ')}transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? ${r.pick([25, 465, 587])}),
    auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  });

  async sendWelcome(to${T(': string')}, name${T(': string')}) {
    await this.deliver(to, 'Welcome aboard', this.renderWelcome(name));
  }

  async sendReceipt(to${T(': string')}, reference${T(': string | number')}) {
    await this.deliver(to, \`Receipt \${reference}\`, \`<p>Thanks! Your reference is \${reference}.</p>\`);
  }

  /** Formats only: no I/O. */
  renderWelcome(name${T(': string')})${T(': string')} {
    return \`<h1>Welcome, \${name}</h1>\`;
  }

  ${priv}async deliver(to${T(': string')}, subject${T(': string')}, html${T(': string')}) {
    await this.transport.sendMail({ from: '${r.pick(['no-reply', 'hello', 'support'])}@example.com', to, subject, html });
  }
}`);
  m.add('/** Same method names, no I/O: the test double wired in when SMTP is off. */');
  m.exp('NoopMailService', `class NoopMailService {
  ${T('readonly ')}sent${T(': string[]')} = [];

  async sendWelcome(to${T(': string')}, _name${T('?: string')}) {
    this.sent.push(to);
  }

  async sendReceipt(to${T(': string')}, _reference${T('?: string | number')}) {
    this.sent.push(to);
  }
}`);
  m.exp('mailService', 'const mailService = new MailService();');
  return { path: file, content: m.text('// Transactional e-mail.') };
}

function notifier(r, app) {
  const file = `src/services/notifier.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  m.named(m.spec('lib/http'), 'postJson', 'endpoint');
  m.exp('WebhookNotifier', `class WebhookNotifier {
  constructor(${T('private readonly ')}channel${T(': string')} = '${r.pick(['ops', 'billing', 'crm'])}') {${m.ts ? '' : '\n    this.channel = channel;\n  '}}

  async notify(event${T(': string')}, payload${T(': Record<string, unknown>')}) {
    await postJson(endpoint('/hooks/' + this.channel), { event, payload, at: new Date().toISOString() });
  }

  /** Formats only. */
  format(event${T(': string')}, payload${T(': Record<string, unknown>')})${T(': string')} {
    return \`[\${this.channel}] \${event} \${JSON.stringify(payload)}\`;
  }
}`);
  m.exp('notifier', 'const notifier = new WebhookNotifier();');
  m.exp('notifyOps', `async function notifyOps(message${T(': string')}) {\n  await notifier.notify('ops.message', { message });\n}`);
  return { path: file, content: m.text('// Outgoing webhooks to the other teams\' systems.') };
}

function queueJob(r, app) {
  const name = r.pick(['Digest', 'Reminder', 'Export', 'Sync']);
  const file = `src/jobs/${kebab(name)}.job.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  m.named('bullmq', 'Queue');
  m.add(`const connection = { host: process.env.REDIS_HOST ?? 'localhost', port: ${r.pick([6379, 6380])} };`);
  m.exp(`${name}Job`, `class ${name}Job {
  static queue = new Queue('${kebab(name)}', { connection });

  constructor(${T('private readonly ')}delayMs${T(': number')} = ${r.pick([0, 1000, 60_000])}) {${m.ts ? '' : '\n    this.delayMs = delayMs;\n  '}}

  async schedule(payload${T(': Record<string, unknown>')}) {
    await ${name}Job.queue.add('${kebab(name)}', payload, { delay: this.delayMs, attempts: 3 });
  }

  static async enqueue(id${T(': string | number')}) {
    await ${name}Job.queue.add('${kebab(name)}', { id }, { removeOnComplete: true });
  }

  /** Describes the job: no I/O. */
  describe()${T(': string')} {
    return \`${kebab(name)} (delay \${this.delayMs} ms)\`;
  }
}`);
  app.job = { name: `${name}Job`, module: file.replace(/^src\//, '').replace(/\.[jt]s$/, '') };
  return { path: file, content: m.text(`// The ${kebab(name)} queue (bullmq).`) };
}

/** Same method name as the job, no I/O: a cron table built in memory. */
function cronPlan(r, app) {
  const file = `src/jobs/cron-plan.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  m.exp('CronPlan', `class CronPlan {
  ${T('private readonly ')}entries${T(': Array<{ expr: string; name: string }>')} = [];

  schedule(name${T(': string')}, expr${T(': string')} = '${r.pick(['0 * * * *', '*/5 * * * *', '0 3 * * *'])}') {
    this.entries.push({ name, expr });
    return this;
  }

  static enqueue(plan${T(': CronPlan')}, name${T(': string')}) {
    return plan.schedule(name);
  }

  list() {
    return [...this.entries];
  }
}`);
  return { path: file, content: m.text('// The cron table, assembled at start-up.') };
}

/** A SQL text builder whose `raw()` runs nothing: calls with interpolation are negatives. */
function sqlText(r, app) {
  const file = `src/utils/sql-text.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  m.exp('SqlText', `class SqlText {
  ${T('private readonly ')}parts${T(': string[]')} = [];

  raw(sql${T(': string')}) {
    this.parts.push(sql);
    return this;
  }

  runQuery(sql${T(': string')}) {
    return this.raw(sql).toString();
  }

  toString() {
    return this.parts.join('\\n');
  }
}`);
  return { path: file, content: m.text('// Builds SQL text for the migration previews and the docs: never executes it.') };
}

function baseRepository(r, app) {
  const file = `src/repositories/base.repository.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  const client = app.client === 'prisma' ? 'prisma' : app.client === 'knex' ? 'db' : 'pool';
  m.named(m.spec('lib/db'), client);
  const run =
    app.client === 'prisma'
      ? `return ${client}.$queryRawUnsafe${T('<T[]>')}(sql, ...params);`
      : app.client === 'knex'
        ? `const result = await ${client}.raw(sql, params${T(' as any')});\n    return result.rows;`
        : `const { rows } = await ${client}.query(sql, params);\n    return rows;`;
  m.exp('BaseRepository', `${m.ts ? 'abstract ' : ''}class BaseRepository {
  constructor(${T('protected readonly ')}table${T(': string')}) {${m.ts ? '' : '\n    this.table = table;\n  '}}

  /** Runs a statement the subclass wrote. */
  async raw${T('<T = any>')}(sql${T(': string')}, params${T(': unknown[]')} = [])${T(': Promise<T[]>')} {
    ${run.replace(/\n/g, '\n  ')}
  }

  /** The same, under the name the older repositories use. */
  runQuery${T('<T = any>')}(sql${T(': string')}, params${T(': unknown[]')} = [])${T(': Promise<T[]>')} {
    return this.raw${T('<T>')}(sql, params);
  }

  async findById(id${T(': string | number')}) {
    const rows = await this.raw(\`SELECT * FROM \${this.table} WHERE id = ${ph(app, 1)}\`, [id]);
    return rows[0] ?? null;
  }
}`);
  return { path: file, content: m.text('// The base of every repository: a table name and a raw-statement runner.') };
}

function entityRepository(r, app, e) {
  const file = `src/repositories/${kebab(e.name)}.repository.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  const s = stringField(e);
  m.named('./base.repository' + (app.imports === 'relative-js' ? '.js' : ''), 'BaseRepository');
  const methods = [];
  methods.push(`async findBy${pascal(s.name)}(value${T(': string')}) {
    return this.raw(\`SELECT * FROM ${e.table} WHERE ${s.column} = ${ph(app, 1)}\`, [value]);
  }`);
  app.tally.sqlNegative++;
  methods.push(`async countAll() {
    const [row] = await this.runQuery('SELECT count(*)::int AS n FROM ${e.table}');
    return row.n;
  }`);
  app.tally.sqlNegative++;
  if (r.chance(0.35)) {
    // A search written in a hurry: the term goes into the text.
    methods.push(`async search(term${T(': string')}) {
    return this.raw(\`SELECT * FROM ${e.table} WHERE ${s.column} ILIKE '%\${term}%' ORDER BY created_at DESC\`);
  }`);
    app.tally.sqlPositive++;
  } else {
    methods.push(`async search(term${T(': string')}) {
    return this.raw(\`SELECT * FROM ${e.table} WHERE ${s.column} ILIKE ${ph(app, 1)} ORDER BY created_at DESC\`, [\`%\${term}%\`]);
  }`);
    app.tally.sqlNegative++;
  }
  methods.push(`async recent(limit = ${r.pick([10, 20, 50])}) {
    return this.runQuery(\`SELECT * FROM \${this.table} ORDER BY created_at DESC LIMIT ${ph(app, 1)}\`, [limit]);
  }`);
  app.tally.sqlNegative++;
  m.exp(`${e.name}Repository`, `class ${e.name}Repository extends BaseRepository {
  constructor() {
    super('${e.table}');
  }

  ${methods.join('\n\n  ')}
}`);
  m.exp(`${e.var}Repository`, `const ${e.var}Repository = new ${e.name}Repository();`);
  return { path: file, content: m.text(`// ${e.name} rows.`) };
}

// ───────────────────────────── entity services ─────────────────────────────

/** A statement that does I/O through one of the app's services. */
function serviceCall(r, app, m, id, email = `'ops@example.com'`) {
  const kind = r.pick(['mail', 'job', 'static', 'notifier', 'ops']);
  switch (kind) {
    case 'mail':
      m.use('mail');
      return `await mailService.sendWelcome(${email}, String(${id}));`;
    case 'job':
      m.use('job');
      return `await new ${app.job.name}().schedule({ id: ${id} });`;
    case 'static':
      m.use('job');
      return `await ${app.job.name}.enqueue(${id});`;
    case 'notifier':
      m.use('notifier');
      return `await notifier.notify('record.saved', { id: ${id} });`;
    default:
      m.use('ops');
      return `await notifyOps(\`saved \${${id}}\`);`;
  }
}

/** A database write inside the transaction, for the client the app uses. */
function txWrite(app, tx, e, data) {
  if (app.client === 'prisma') return `const row = await ${tx}.${e.var}.create({ data: ${data} });`;
  if (app.client === 'knex') return `const [row] = await ${tx}('${e.table}').insert(${data}).returning('*');`;
  return `const { rows: [row] } = await ${tx}.query('INSERT INTO ${e.table} (data) VALUES ($1) RETURNING *', [${data}]);`;
}

function txUpdate(app, tx, e) {
  if (app.client === 'prisma') return `await ${tx}.${e.var}.update({ where: { id }, data: { archivedAt: new Date() } });`;
  if (app.client === 'knex') return `await ${tx}('${e.table}').where({ id }).update({ archived_at: new Date() });`;
  return `await ${tx}.query('UPDATE ${e.table} SET archived_at = now() WHERE id = $1', [id]);`;
}

function entityService(r, app, e) {
  const file = `src/services/${kebab(e.name)}.service.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  const used = new Set();
  m.use = (what) => used.add(what);
  const fromBarrel = r.chance(0.5);
  const libNames = new Set(['withTransaction', 'rawQuery']);
  const tx = app.client === 'knex' ? 'trx' : app.client === 'pg' ? 'client' : 'tx';
  const methods = [];

  // create(): through the project's transaction helper.
  const createInside = r.chance(0.3);
  const createCall = serviceCall(r, app, m, 'row.id', "row.email ?? 'ops@example.com'");
  methods.push(`async create(input${T(': Record<string, any>')}) {
    const row = await withTransaction(async (${tx}) => {
      ${txWrite(app, tx, e, 'input')}
      ${createInside ? `${createCall}\n      ` : ''}return row;
    });
    ${createInside ? '' : `${createCall}\n    `}return row;
  }`);
  app.tally[createInside ? 'txPositive' : 'txNegative']++;

  // archive(): through the library's own transaction.
  const archiveInside = r.chance(0.25);
  const archiveCall = serviceCall(r, app, m, 'id');
  if (app.client === 'pg') {
    libNames.add('withTransaction');
    methods.push(`async archive(id${T(': string | number')}) {
    await withTransaction(async (${tx}) => {
      ${txUpdate(app, tx, e)}${archiveInside ? `\n      ${archiveCall}` : ''}
    });${archiveInside ? '' : `\n    ${archiveCall}`}
  }`);
  } else {
    const client = app.client === 'prisma' ? 'prisma' : 'db';
    libNames.add(client);
    const open = app.client === 'prisma' ? `${client}.$transaction(async (${tx}) => {` : `${client}.transaction(async (${tx}) => {`;
    methods.push(`async archive(id${T(': string | number')}) {
    await ${open}
      ${txUpdate(app, tx, e)}${archiveInside ? `\n      ${archiveCall}` : ''}
    });${archiveInside ? '' : `\n    ${archiveCall}`}
  }`);
  }
  app.tally[archiveInside ? 'txPositive' : 'txNegative']++;

  // A transaction that only calls the look-alikes: no I/O inside.
  if (r.chance(0.5)) {
    m.use('noop');
    m.use('cron');
    methods.push(`async rehearse(input${T(': Record<string, any>')}) {
    const outbox = new NoopMailService();
    return withTransaction(async (${tx}) => {
      ${txWrite(app, tx, e, 'input')}
      await outbox.sendWelcome('dry-run@example.com');
      new CronPlan().schedule('${kebab(e.name)}-followup');
      return mailService.renderWelcome(String(row.id));
    });
  }`);
    m.use('mail');
    app.tally.txNegative++;
    app.tally.lookAlike++;
  }

  // report(): the raw helper with constants and parameters.
  methods.push(`async report(since${T(': Date')}) {
    return rawQuery(
      'SELECT date_trunc(\\'day\\', created_at) AS day, count(*) AS n FROM ${e.table} WHERE created_at >= ${ph(app, 1)} GROUP BY 1 ORDER BY 1',
      [since],
    );
  }`);
  app.tally.sqlNegative++;

  const imports = [...libNames].sort();
  if (fromBarrel) m.named(m.spec('lib'), ...imports);
  else m.named(m.spec('lib/db'), ...imports);
  if (used.has('mail') || used.has('noop')) m.named(m.spec('services/mail.service'), ...(used.has('noop') ? ['NoopMailService', 'mailService'] : ['mailService']));
  if (used.has('job')) m.named(m.spec(app.job.module), app.job.name);
  if (used.has('cron')) m.named(m.spec('jobs/cron-plan'), 'CronPlan');
  if (used.has('notifier') || used.has('ops')) m.named(m.spec('services/notifier'), ...[used.has('notifier') && 'notifier', used.has('ops') && 'notifyOps'].filter(Boolean));
  m.named(m.spec(`repositories/${kebab(e.name)}.repository`), `${e.var}Repository`);
  methods.push(`async get(id${T(': string | number')}) {
    return ${e.var}Repository.findById(id);
  }`);
  m.exp(`${e.name}Service`, `class ${e.name}Service {
  ${methods.join('\n\n  ')}
}`);
  m.exp(`${e.var}Service`, `const ${e.var}Service = new ${e.name}Service();`);
  return { path: file, content: m.text(`// ${e.name} use cases: writes in transactions, notifications after commit.`) };
}

// ───────────────────────────── controllers ─────────────────────────────

function controller(r, app, e) {
  const file = `src/controllers/${kebab(e.name)}.controller.${extOf(app)}`;
  const m = new Mod(app, file);
  const T = (s) => m.T(s);
  const s = stringField(e);
  m.named('express', 'Router');
  m.types('express', 'Request', 'Response');
  const libNames = new Set(['rawQuery']);
  const lib = r.chance(0.5) ? 'lib' : 'lib/db';
  const routes = [];
  const h = `async (req${T(': Request')}, res${T(': Response')}) =>`;

  // The raw helper with request data.
  const q = r.pick(['req.query.q', 'req.query.term', 'req.query.search']);
  if (r.chance(0.3)) {
    routes.push(`router.get('/search', ${h} {
  const rows = await rawQuery(\`SELECT * FROM ${e.table} WHERE ${s.column} LIKE '%\${${q}}%' LIMIT 50\`);
  res.json(rows);
});`);
    app.tally.sqlPositive++;
  } else {
    routes.push(`router.get('/search', ${h} {
  const rows = await rawQuery('SELECT * FROM ${e.table} WHERE ${s.column} LIKE ${ph(app, 1)} LIMIT 50', [\`%\${${q}}%\`]);
  res.json(rows);
});`);
    app.tally.sqlNegative++;
  }
  // Sorting: a column from a fixed list (negative) or straight from the query string (positive).
  if (r.chance(0.2)) {
    routes.push(`router.get('/sorted', ${h} {
  const rows = await ${e.var}Repository.runQuery(\`SELECT * FROM ${e.table} ORDER BY \${req.query.sort} DESC\`);
  res.json(rows);
});`);
    app.tally.sqlPositive++;
  } else {
    routes.push(`router.get('/sorted', ${h} {
  const column = ['created_at', '${s.column}'].includes(String(req.query.sort)) ? String(req.query.sort) : 'created_at';
  const rows = await ${e.var}Repository.runQuery(\`SELECT * FROM ${e.table} ORDER BY \${ident(column)} DESC\`);
  res.json(rows);
});`);
    libNames.add('ident');
    app.tally.sqlNegative++;
  }
  routes.push(`router.get('/:id', ${h} {
  const item = await ${e.var}Service.get(req.params.id);
  if (!item) return res.status(404).json({ error: 'Not found' });
  return res.json(item);
});`);
  routes.push(`router.post('/', ${h} {
  const row = await ${e.var}Service.create(req.body);
  res.status(201).json(row);
});`);
  routes.push(`router.delete('/:id', ${h} {
  await ${e.var}Service.archive(req.params.id);
  res.status(204).end();
});`);
  // A transaction written in the controller, through the helper, with the notifier.
  if (r.chance(0.6)) {
    libNames.add('withTransaction');
    const inside = r.chance(0.3);
    const tx = app.client === 'knex' ? 'trx' : app.client === 'pg' ? 'client' : 'tx';
    const update =
      app.client === 'prisma'
        ? `await ${tx}.${e.var}.update({ where: { id: req.params.id }, data: { approvedAt: new Date() } });`
        : app.client === 'knex'
          ? `await ${tx}('${e.table}').where({ id: req.params.id }).update({ approved_at: new Date() });`
          : `await ${tx}.query('UPDATE ${e.table} SET approved_at = now() WHERE id = $1', [req.params.id]);`;
    const call = `await notifier.notify('${e.table}.approved', { id: req.params.id });`;
    routes.push(`router.post('/:id/approve', ${h} {
  await withTransaction(async (${tx}) => {
    ${update}${inside ? `\n    ${call}` : ''}
  });${inside ? '' : `\n  ${call}`}
  res.status(202).json({ id: req.params.id });
});`);
    app.tally[inside ? 'txPositive' : 'txNegative']++;
    m.named(m.spec('services/notifier'), 'notifier');
  }
  // The SQL text builder: interpolation, never executed.
  if (r.chance(0.3)) {
    routes.push(`router.get('/preview', ${h} {
  const text = new SqlText().raw(\`DELETE FROM ${e.table} WHERE id = '\${req.query.id}'\`).toString();
  res.type('text/plain').send(text);
});`);
    m.named(m.spec('utils/sql-text'), 'SqlText');
    app.tally.lookAlike++;
  }
  m.named(m.spec(lib), ...[...libNames].sort());
  m.named(m.spec(`services/${kebab(e.name)}.service`), `${e.var}Service`);
  m.named(m.spec(`repositories/${kebab(e.name)}.repository`), `${e.var}Repository`);
  m.add('const router = Router();');
  for (const route of routes) m.add(route);
  if (m.cjs) m.add('module.exports = router;');
  else m.add('export default router;');
  return { path: file, content: m.text(`// /${e.table}`) };
}

function appEntry(r, app, entities) {
  const file = `src/app.${extOf(app)}`;
  const m = new Mod(app, file);
  m.def('express', 'express');
  for (const e of entities) m.def(m.spec(`controllers/${kebab(e.name)}.controller`), `${e.var}Routes`);
  m.named(m.spec('jobs/cron-plan'), 'CronPlan');
  m.add('const app = express();\napp.use(express.json());');
  m.add(entities.map((e) => `app.use('/${e.table}', ${e.var}Routes);`).join('\n'));
  m.add(`const plan = new CronPlan().schedule('nightly-report').schedule('cleanup', '0 4 * * *');\nconsole.log('cron', plan.list());`);
  m.add(`app.listen(Number(process.env.PORT ?? ${r.pick([3000, 8080, 4000])}));`);
  if (m.cjs) m.add('module.exports = app;');
  else m.add('export default app;');
  return { path: file, content: m.text('// The HTTP app.') };
}

function tsconfig() {
  const config = {
    extends: '../../tsconfig.json',
    compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } },
    include: ['src/**/*.ts'],
  };
  return { path: 'tsconfig.json', content: `${JSON.stringify(config, null, 2)}\n`, data: true };
}

/** The files of one module app, in order. */
export function* moduleAppFiles(r, app) {
  const entities = app.entities.slice(0, r.int(5, 7));
  if (app.lang === 'ts' && app.imports === 'alias') yield tsconfig();
  yield libDb(r, app);
  yield libHttp(r, app);
  yield libIndex(r, app);
  yield mailService(r, app);
  yield notifier(r, app);
  yield queueJob(r, app);
  yield cronPlan(r, app);
  yield sqlText(r, app);
  yield baseRepository(r, app);
  for (const e of entities) yield entityRepository(r, app, e);
  for (const e of entities) yield entityService(r, app, e);
  for (const e of entities) yield controller(r, app, e);
  yield appEntry(r, app, entities);
}
