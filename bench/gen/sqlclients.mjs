// Query builders and drivers: Prisma, Knex, pg, mysql2, Drizzle, Kysely, Objection, pg-promise,
// slonik, postgres.js, better-sqlite3. Each has a connection module, repositories per entity
// (safe parameters, unsafe interpolation, transactions with and without I/O) and, where the
// library has them, migrations and schema files.
import { tsType } from './domain.mjs';
import { indent, kebab, pascal, snake } from './random.mjs';
import { Source } from './source.mjs';
import { kw, migrationTargets, txSideEffect, unitsUntil } from './shared.mjs';

const stringField = (e) => e.fields.find((f) => f.type === 'string') ?? { name: 'name', column: 'name', type: 'string', length: 120 };
const ext = (src, app) => (src.ts ? 'ts' : app.mjs ? 'mjs' : 'js');

// ───────────────────────────── connection modules ─────────────────────────────

export function dbModule(r, app, lang, mod) {
  const src = new Source(r, lang, mod);
  const url = `process.env.DATABASE_URL${src.ts ? '!' : ''}`;
  switch (app.flavor) {
    case 'prisma':
      src.named('@prisma/client', 'PrismaClient');
      src.add(`const globalForPrisma = globalThis${src.ts ? ' as unknown as { prisma?: PrismaClient }' : ''};`);
      src.exp('prisma', `const prisma =\n  globalForPrisma.prisma ??\n  new PrismaClient({ log: process.env.NODE_ENV === 'development' ? ['query', 'error', 'warn'] : ['error'] });`);
      src.add(`if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;`);
      break;
    case 'knex':
    case 'objection':
      src.def('knex', 'knex');
      if (app.flavor === 'objection') src.named('objection', 'Model');
      src.exp('db', `const db = knex({\n  client: '${r.pick(['pg', 'mysql2', 'pg'])}',\n  connection: ${url},\n  pool: { min: 2, max: ${r.int(6, 20)} },\n  migrations: { tableName: 'knex_migrations', directory: './migrations' },\n});`);
      if (app.flavor === 'objection') src.add('Model.knex(db);');
      break;
    case 'pg':
      if (r.chance(0.5)) {
        src.named('pg', 'Pool');
        src.exp('pool', `const pool = new Pool({\n  connectionString: ${url},\n  max: ${r.int(5, 25)},\n  idleTimeoutMillis: 30_000,\n  ssl: process.env.PGSSL === 'true' ? { rejectUnauthorized: false } : undefined,\n});`);
      } else {
        src.def('pg', 'pg');
        src.exp('pool', `const pool = new pg.Pool({ connectionString: ${url}, max: ${r.int(5, 25)} });`);
      }
      src.add(`pool.on('error', (err) => {\n  console.error('idle client error', err);\n});`);
      src.exp('query', `async function query${src.ts ? '<T = any>' : ''}(text${src.T(': string')}, params${src.T(': unknown[]')} = []) {\n  const started = Date.now();\n  const result = await pool.query(text, params);\n  if (Date.now() - started > 200) console.warn('slow query', { text, ms: Date.now() - started });\n  return result.rows${src.ts ? ' as T[]' : ''};\n}`);
      break;
    case 'mysql2':
      src.def('mysql2/promise', 'mysql');
      src.exp('pool', `const pool = mysql.createPool({\n  uri: ${url},\n  waitForConnections: true,\n  connectionLimit: ${r.int(5, 20)},\n  namedPlaceholders: ${r.pick(['true', 'false'])},\n});`);
      break;
    case 'drizzle':
      src.named('drizzle-orm/node-postgres', 'drizzle');
      src.named('pg', 'Pool');
      src.ns('./schema', 'schema');
      src.add(`const pool = new Pool({ connectionString: ${url} });`);
      src.exp('db', `const db = drizzle(pool, { schema });`);
      break;
    case 'kysely':
      src.named('kysely', 'Kysely', 'PostgresDialect', 'CamelCasePlugin');
      src.named('pg', 'Pool');
      if (src.ts) src.types('./types', 'Database');
      src.exp('db', `const db = new Kysely${src.ts ? '<Database>' : ''}({\n  dialect: new PostgresDialect({ pool: new Pool({ connectionString: ${url}, max: 10 }) }),\n  plugins: [new CamelCasePlugin()],\n});`);
      break;
    case 'pgp':
      src.def('pg-promise', 'pgPromise');
      src.exp('pgp', `const pgp = pgPromise({\n  capSQL: true,\n  error(err, e) {\n    if (e.cn) console.error('connection error', err.message);\n  },\n});`);
      src.exp('db', `const db = pgp(${url});`);
      break;
    case 'slonik':
      src.named('slonik', 'createPool');
      src.exp('getPool', `async function getPool() {\n  return createPool(${url}, { maximumPoolSize: ${r.int(5, 20)} });\n}`);
      break;
    case 'postgresjs':
      src.def('postgres', 'postgres');
      src.exp('sql', `const sql = postgres(${url}, { max: ${r.int(5, 20)}, idle_timeout: 20, transform: postgres.camel });`);
      break;
    case 'sqlite':
      src.def('better-sqlite3', 'Database');
      src.exp('db', `const db = new Database(process.env.SQLITE_PATH ?? 'data/app.db');`);
      src.add(`db.pragma('journal_mode = WAL');\ndb.pragma('foreign_keys = ON');`);
      break;
    default:
      throw new Error(`no db module for ${app.flavor}`);
  }
  return { path: `src/db.${ext(src, app)}`, content: src.render() };
}

// ───────────────────────────── repositories ─────────────────────────────

const clients = {
  prisma(r, src, e, T) {
    src.named('../db', 'prisma');
    src.named('@prisma/client', 'Prisma');
    const m = e.var;
    const s = stringField(e);
    const rel = e.relations.find((x) => x.kind === 'm:1');
    return [
      () => `async function list${pascal(e.plural)}(cursor${T('?: number')}, take = 20) {
  return prisma.${m}.findMany({
    take,
    ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    orderBy: { createdAt: 'desc' },${rel ? `\n    include: { ${rel.name}: true },` : ''}
  });
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  return prisma.${m}.findUniqueOrThrow({ where: { id } });
}`,
      () => `async function search${pascal(e.plural)}(term${T(': string')}) {
  return prisma.$queryRaw${src.ts ? `<Array<{ id: number; ${s.name}: string }>>` : ''}\`
    SELECT id, "${s.column}" FROM "${e.table}" WHERE "${s.column}" ILIKE \${'%' + term + '%'} LIMIT 50
  \`;
}`,
      () => `async function unsafeSearch(term${T(': string')}, orderBy${T(': string')}) {
  return prisma.$queryRawUnsafe(\`SELECT * FROM "${e.table}" WHERE "${s.column}" LIKE '%\${term}%' ORDER BY \${orderBy}\`);
}`,
      () => `async function byIds(ids${T(': number[]')}) {
  return prisma.$queryRaw(Prisma.sql\`SELECT * FROM "${e.table}" WHERE id IN (\${Prisma.join(ids)})\`);
}`,
      () => `async function sortedBy(column${T(': string')}) {
  return prisma.$queryRaw\`SELECT * FROM "${e.table}" ORDER BY \${Prisma.raw(column)} LIMIT 100\`;
}`,
      () => `async function touch${e.name}(id${T(': number')}) {
  return prisma.$executeRawUnsafe('UPDATE "${e.table}" SET "updated_at" = now() WHERE id = $1', id);
}`,
      () => `async function create${e.name}WithAudit(data${T(`: Prisma.${e.name}CreateInput`)}, actorId${T(': number')}) {
  return prisma.$transaction(async (tx) => {
    const created = await tx.${m}.create({ data });
    await tx.auditLog.create({ data: { actorId, action: 'create', entity: '${e.name}', entityId: created.id } });
${indent(txSideEffect(r, src, 'created'), 4)}
    return created;
  });
}`,
      () => `async function delete${e.name}(id${T(': number')}) {
  const [, deleted] = await prisma.$transaction([
    prisma.auditLog.create({ data: { action: 'delete', entity: '${e.name}', entityId: id } }),
    prisma.${m}.delete({ where: { id } }),
  ]);
  return deleted;
}`,
      () => `async function count${pascal(e.plural)}ByDay() {
  return prisma.${m}.groupBy({ by: ['createdAt'], _count: { _all: true }, orderBy: { createdAt: 'asc' } });
}`,
    ];
  },

  knex(r, src, e, T) {
    src.named('../db', 'db');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `async function list${pascal(e.plural)}({ limit = 20, offset = 0 }${T(': { limit?: number; offset?: number }')} = {}) {
  return db('${t}')
    .select('id', '${s.column}', 'created_at')${e.softDelete ? "\n    .whereNull('deleted_at')" : ''}
    .orderBy('created_at', 'desc')
    .limit(limit)
    .offset(offset);
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  return db('${t}').where({ id }).first();
}`,
      () => `async function search${pascal(e.plural)}(term${T(': string')}) {
  return db('${t}').whereRaw('lower(${s.column}) like ?', [\`%\${term.toLowerCase()}%\`]).limit(50);
}`,
      () => `async function unsafeSearch(term${T(': string')}) {
  return db.raw(\`select * from ${t} where ${s.column} like '%\${term}%'\`);
}`,
      () => `async function sortBy(column${T(': string')}, dir${T(': string')}) {
  return db('${t}').select('*').orderByRaw(\`\${column} \${dir}\`);
}`,
      () => `async function byColumn(column${T(': string')}, value${T(': unknown')}) {
  const { rows } = await db.raw('select * from ?? where ?? = ?', ['${t}', column, value]);
  return rows;
}`,
      () => `async function create${e.name}(input${T(': Record<string, unknown>')}) {
  const [row] = await db('${t}').insert(input).returning('*');
  return row;
}`,
      () => `async function move${e.name}(id${T(': number')}, changes${T(': Record<string, unknown>')}) {
  return db.transaction(async (trx) => {
    const row = await trx('${t}').where({ id }).forUpdate().first();
    if (!row) throw new Error('not found');
    await trx('${t}').where({ id }).update({ ...changes, updated_at: trx.fn.now() });
${indent(txSideEffect(r, src, 'row', `await trx('audit_log').insert({ entity: '${t}', entity_id: id, action: 'update' });`), 4)}
    return row;
  });
}`,
      () => `async function remove${e.name}(id${T(': number')}) {
  const trx = await db.transaction();
  try {
    await trx('${t}').where({ id }).del();
    await trx.commit();
  } catch (err) {
    await trx.rollback(err);
    throw err;
  }
}`,
      () => `async function stats() {
  return db('${t}').select(db.raw("date_trunc('week', created_at) as week")).count('* as total').groupBy('week');
}`,
    ];
  },

  pg(r, src, e, T) {
    src.named('../db', 'pool', 'query');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `async function list${pascal(e.plural)}(limit${T(': number')}, offset${T(': number')}) {
  const { rows } = await pool.query(
    '${kw(r, 'SELECT')} id, ${s.column}, created_at FROM ${t} ${kw(r, 'ORDER BY')} created_at DESC LIMIT $1 OFFSET $2',
    [limit, offset],
  );
  return rows;
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  const rows = await query('SELECT * FROM ${t} WHERE id = $1', [id]);
  return rows[0] ?? null;
}`,
      () => `async function find${pascal(e.plural)}ByIds(ids${T(': number[]')}) {
  const placeholders = ids.map((_, i) => \`$\${i + 1}\`).join(', ');
  const { rows } = await pool.query(\`SELECT * FROM ${t} WHERE id IN (\${placeholders})\`, ids);
  return rows;
}`,
      () => `async function findAny(ids${T(': number[]')}) {
  const { rows } = await pool.query({ text: 'SELECT * FROM ${t} WHERE id = ANY($1::int[])', values: [ids] });
  return rows;
}`,
      () => `async function search(term${T(': string')}, sort${T(': string')} = 'created_at') {
  const sql = \`SELECT * FROM ${t} WHERE ${s.column} ILIKE '%\${term}%' ORDER BY \${sort} DESC\`;
  const { rows } = await pool.query(sql);
  return rows;
}`,
      () => `async function filterBy(column${T(': string')}, value${T(': string')}) {
  let sql = 'SELECT * FROM ${t} WHERE 1 = 1';
  sql += " AND " + column + " = '" + value + "'";
  return (await pool.query(sql)).rows;
}`,
      () => `async function updateFields(id${T(': number')}, fields${T(': Record<string, unknown>')}) {
  const keys = Object.keys(fields);
  const sets = keys.map((key, i) => \`\${key} = $\${i + 2}\`).join(', ');
  await pool.query(\`UPDATE ${t} SET \${sets}, updated_at = now() WHERE id = $1\`, [id, ...keys.map((k) => fields[k])]);
}`,
      () => `async function transfer${e.name}(id${T(': number')}, targetId${T(': number')}) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT * FROM ${t} WHERE id = $1 FOR UPDATE', [id]);
    const record = rows[0];
    await client.query('UPDATE ${t} SET parent_id = $1 WHERE id = $2', [targetId, id]);
${indent(txSideEffect(r, src, 'record', `await client.query('INSERT INTO audit_log (entity, entity_id) VALUES ($1, $2)', ['${t}', id]);`), 4)}
    await client.query('COMMIT');
    return record;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}`,
      () => `async function countBy${pascal(s.name)}() {
  const { rows } = await pool.query(\`
    SELECT ${s.column}, count(*)::int AS total
      FROM ${t}
     GROUP BY ${s.column}
     ORDER BY total DESC
     LIMIT 20
  \`);
  return rows;
}`,
      () => `async function quoted(column${T(': string')}, value${T(': string')}) {
  const client = await pool.connect();
  try {
    const sql = \`SELECT * FROM ${t} WHERE \${client.escapeIdentifier(column)} = \${client.escapeLiteral(value)}\`;
    return (await client.query(sql)).rows;
  } finally {
    client.release();
  }
}`,
    ];
  },

  mysql2(r, src, e, T) {
    src.named('../db', 'pool');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `async function list${pascal(e.plural)}(limit = 20, offset = 0) {
  const [rows] = await pool.execute('SELECT id, ${s.column} FROM ${t} ORDER BY id DESC LIMIT ? OFFSET ?', [String(limit), String(offset)]);
  return rows;
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  const [rows] = await pool.query('SELECT * FROM ?? WHERE id = ?', ['${t}', id]);
  return ${src.ts ? '(rows as any[])' : 'rows'}[0];
}`,
      () => `async function search(term${T(': string')}) {
  const [rows] = await pool.query(\`SELECT * FROM ${t} WHERE ${s.column} LIKE '%\${term}%'\`);
  return rows;
}`,
      () => `async function byEmail(email${T(': string')}) {
  const [rows] = await pool.query('SELECT * FROM ${t} WHERE ${s.column} = ' + pool.escape(email));
  return rows;
}`,
      () => `async function orderBy(column${T(': string')}) {
  const [rows] = await pool.query(\`SELECT * FROM ${t} ORDER BY \${pool.escapeId(column)}\`);
  return rows;
}`,
      () => `async function create${e.name}(data${T(': Record<string, unknown>')}) {
  const [result] = await pool.query('INSERT INTO ${t} SET ?', [data]);
  return ${src.ts ? '(result as any)' : 'result'}.insertId;
}`,
      () => `async function reassign(id${T(': number')}, ownerId${T(': number')}) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  try {
    const [rows] = await conn.execute('SELECT * FROM ${t} WHERE id = ? FOR UPDATE', [id]);
    const record = ${src.ts ? '(rows as any[])' : 'rows'}[0];
    await conn.execute('UPDATE ${t} SET owner_id = ? WHERE id = ?', [ownerId, id]);
${indent(txSideEffect(r, src, 'record'), 4)}
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}`,
    ];
  },

  drizzle(r, src, e, T) {
    src.named('../db', 'db');
    src.named('../db/schema', e.plural);
    src.named('drizzle-orm', 'eq', 'desc', 'sql', 'and', 'ilike');
    const s = stringField(e);
    const tbl = e.plural;
    const rel = e.relations.find((x) => x.kind === 'm:1');
    return [
      () => `async function list${pascal(e.plural)}(limit = 20, offset = 0) {
  return db.select().from(${tbl}).orderBy(desc(${tbl}.createdAt)).limit(limit).offset(offset);
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  const [row] = await db.select().from(${tbl}).where(eq(${tbl}.id, id));
  return row;
}`,
      () => `async function with${rel ? pascal(rel.name) : 'Relations'}(id${T(': number')}) {
  return db.query.${tbl}.findFirst({ where: eq(${tbl}.id, id)${rel ? `, with: { ${rel.name}: true }` : ''} });
}`,
      () => `async function search(term${T(': string')}) {
  return db.select().from(${tbl}).where(and(ilike(${tbl}.${s.name}, \`%\${term}%\`)));
}`,
      () => `async function rawCount(since${T(': Date')}) {
  const result = await db.execute(sql\`select count(*) from \${${tbl}} where \${${tbl}.createdAt} > \${since}\`);
  return Number(result.rows[0]?.count ?? 0);
}`,
      () => `async function sortBy(column${T(': string')}) {
  return db.execute(sql.raw(\`select * from ${e.table} order by \${column}\`));
}`,
      () => `async function unsafeWhere(filter${T(': string')}) {
  return db.select().from(${tbl}).where(sql\`\${sql.raw(filter)}\`);
}`,
      () => `async function replace${e.name}(id${T(': number')}, values${T(`: Partial<typeof ${tbl}.$inferInsert>`)}) {
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(${tbl}).set(values).where(eq(${tbl}.id, id)).returning();
${indent(txSideEffect(r, src, 'updated'), 4)}
    return updated;
  });
}`,
    ];
  },

  kysely(r, src, e, T) {
    src.named('../db', 'db');
    src.named('kysely', 'sql');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `async function list${pascal(e.plural)}(limit = 20) {
  return db.selectFrom('${t}').selectAll().orderBy('createdAt', 'desc').limit(limit).execute();
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  return db.selectFrom('${t}').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}`,
      () => `async function search(term${T(': string')}) {
  return db.selectFrom('${t}').select(['id', '${s.name}']).where('${s.name}', 'ilike', \`%\${term}%\`).execute();
}`,
      () => `async function rawById(id${T(': number')}) {
  const { rows } = await sql${src.ts ? `<{ id: number }>` : ''}\`select * from ${t} where id = \${id}\`.execute(db);
  return rows[0];
}`,
      () => `async function dynamicOrder(column${T(': string')}) {
  return sql\`select * from ${t} order by \${sql.ref(column)}\`.execute(db);
}`,
      () => `async function unsafeOrder(column${T(': string')}) {
  return sql\`select * from ${t} order by \${sql.raw(column)}\`.execute(db);
}`,
      () => `async function create${e.name}(values${T(': Record<string, any>')}) {
  return db.insertInto('${t}').values(values).returningAll().executeTakeFirstOrThrow();
}`,
      () => `async function rename(id${T(': number')}, value${T(': string')}) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('${t}').set({ ${s.name}: value }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
${indent(txSideEffect(r, src, 'row'), 4)}
    return row;
  });
}`,
    ];
  },

  objection(r, src, e, T) {
    src.named(`../models/${e.name}`, e.name);
    src.named('objection', 'raw', 'ref');
    const s = stringField(e);
    const rel = e.relations[0];
    return [
      () => `async function list${pascal(e.plural)}(page = 0, size = 20) {
  return ${e.name}.query()${rel ? `.withGraphFetched('${rel.name}')` : ''}.orderBy('createdAt', 'desc').page(page, size);
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  return ${e.name}.query().findById(id).throwIfNotFound();
}`,
      () => `async function legacyEager(id${T(': number')}) {
  // objection 1.x style, still around in older services: per-query eager loading
  return ${e.name}.query().findById(id).eager('${rel ? rel.name : '[]'}');
}`,
      () => `async function search(term${T(': string')}) {
  return ${e.name}.query().whereRaw('lower(${s.column}) like ?', [\`%\${term.toLowerCase()}%\`]);
}`,
      () => `async function unsafeSearch(term${T(': string')}) {
  return ${e.name}.query().whereRaw(\`${s.column} = '\${term}'\`);
}`,
      () => `async function totals() {
  return ${e.name}.query().select(raw('count(*) as total'), ref('${s.column}')).groupBy('${s.column}');
}`,
      () => `async function patch${e.name}(id${T(': number')}, changes${T(': Record<string, unknown>')}) {
  return ${e.name}.transaction(async (trx) => {
    const updated = await ${e.name}.query(trx).patchAndFetchById(id, changes);
${indent(txSideEffect(r, src, 'updated'), 4)}
    return updated;
  });
}`,
    ];
  },

  pgp(r, src, e, T) {
    src.named('../db', 'db', 'pgp');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `async function list${pascal(e.plural)}(limit = 20) {
  return db.any('SELECT * FROM ${t} ORDER BY created_at DESC LIMIT $1', [limit]);
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  return db.oneOrNone('SELECT * FROM ${t} WHERE id = $<id>', { id });
}`,
      () => `async function search(term${T(': string')}) {
  return db.any(\`SELECT * FROM ${t} WHERE ${s.column} ILIKE '%\${term}%'\`);
}`,
      () => `async function byColumn(column${T(': string')}, value${T(': string')}) {
  return db.any('SELECT * FROM ${t} WHERE $1:name = $2', [column, value]);
}`,
      () => `async function insertMany(rows${T(': Array<Record<string, unknown>>')}) {
  const cs = new pgp.helpers.ColumnSet(['${s.column}', 'created_at'], { table: '${t}' });
  await db.none(pgp.helpers.insert(rows, cs));
}`,
      () => `async function settle(id${T(': number')}) {
  return db.tx('settle-${kebab(e.name)}', async (t) => {
    const record = await t.one('SELECT * FROM ${t} WHERE id = $1 FOR UPDATE', [id]);
    await t.none('UPDATE ${t} SET updated_at = now() WHERE id = $1', [id]);
${indent(txSideEffect(r, src, 'record'), 4)}
    return record;
  });
}`,
    ];
  },

  slonik(r, src, e, T) {
    src.named('../db', 'getPool');
    src.named('slonik', 'sql');
    src.named('zod', 'z');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `const ${e.name}Row = z.object({ id: z.number(), ${s.name}: z.string() });`,
      () => `async function list${pascal(e.plural)}(limit${T(': number')}) {
  const pool = await getPool();
  return pool.any(sql.type(${e.name}Row)\`SELECT id, ${s.column} AS "${s.name}" FROM ${t} LIMIT \${limit}\`);
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  const pool = await getPool();
  return pool.maybeOne(sql.unsafe\`SELECT * FROM ${t} WHERE id = \${id}\`);
}`,
      () => `async function sortBy(column${T(': string')}) {
  const pool = await getPool();
  return pool.any(sql.unsafe\`SELECT * FROM ${t} ORDER BY \${sql.identifier([column])}\`);
}`,
      () => `async function update${e.name}(id${T(': number')}, value${T(': string')}) {
  const pool = await getPool();
  return pool.transaction(async (tx) => {
    const record = await tx.one(sql.unsafe\`UPDATE ${t} SET ${s.column} = \${value} WHERE id = \${id} RETURNING *\`);
${indent(txSideEffect(r, src, 'record'), 4)}
    return record;
  });
}`,
    ];
  },

  postgresjs(r, src, e, T) {
    src.named('../db', 'sql');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `async function list${pascal(e.plural)}(limit = 20) {
  return sql\`select * from ${t} order by created_at desc limit \${limit}\`;
}`,
      () => `async function get${e.name}(id${T(': number')}) {
  const [row] = await sql\`select * from ${t} where id = \${id}\`;
  return row;
}`,
      () => `async function insert${e.name}(values${T(': Record<string, unknown>')}) {
  const [row] = await sql\`insert into ${t} \${sql(values)} returning *\`;
  return row;
}`,
      () => `async function orderedBy(column${T(': string')}) {
  return sql\`select * from ${t} order by \${sql(column)}\`;
}`,
      () => `async function unsafeSearch(term${T(': string')}) {
  return sql.unsafe(\`select * from ${t} where ${s.column} like '%\${term}%'\`);
}`,
      () => `async function move(id${T(': number')}) {
  return sql.begin(async (sql) => {
    const [record] = await sql\`update ${t} set updated_at = now() where id = \${id} returning *\`;
${indent(txSideEffect(r, src, 'record'), 4)}
    return record;
  });
}`,
    ];
  },

  sqlite(r, src, e, T) {
    src.named('../db', 'db');
    const s = stringField(e);
    const t = e.table;
    return [
      () => `const insert${e.name} = db.prepare('INSERT INTO ${t} (${s.column}, created_at) VALUES (@${s.name}, @createdAt)');`,
      () => `function get${e.name}(id${T(': number')}) {
  return db.prepare('SELECT * FROM ${t} WHERE id = ?').get(id);
}`,
      () => `function list${pascal(e.plural)}(limit = 50) {
  return db.prepare(\`SELECT * FROM ${t} ORDER BY id DESC LIMIT \${Number(limit)}\`).all();
}`,
      () => `function search(term${T(': string')}) {
  return db.prepare(\`SELECT * FROM ${t} WHERE ${s.column} LIKE '%\${term}%'\`).all();
}`,
      () => `function purge(table${T(': string')}) {
  db.exec(\`DELETE FROM \${table}\`);
}`,
      () => `const importRows = db.transaction((rows${T(': Array<Record<string, unknown>>')}) => {
  const stmt = db.prepare('INSERT INTO ${t} (${s.column}) VALUES (?)');
  for (const row of rows) stmt.run(row.${s.name});
  return rows.length;
});`,
    ];
  },
};

/**
 * A repository module for one entity; long ones (a "reporting" module) go on to the queries of
 * related entities until the file reaches its length target. Names stay unique per file.
 */
export function repository(r, app, entity, lang, mod, others = []) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  const target = app.target();
  const used = new Set();
  let lines = 0;
  for (const e of [entity, ...others]) {
    const units = clients[app.flavor](r, src, e, T);
    const body = unitsUntil(r, units, target - lines, units.length);
    for (let text of body) {
      const match = /^(?:async )?function (\w+)|^const (\w+)/.exec(text);
      let name = match[1] ?? match[2];
      if (used.has(name)) {
        const renamed = `${name}${e.name}`;
        text = text.replace(new RegExp(`\\b${name}\\b`), renamed);
        name = renamed;
      }
      if (used.has(name)) continue;
      used.add(name);
      lines += text.split('\n').length + 1;
      if (r.chance(0.8)) src.exp(name, text);
      else src.add(text);
    }
    if (lines >= target) break;
  }
  if (r.chance(0.3)) src.add(`// TODO(${r.pick(['ana', 'bo', 'chen', 'dee'])}): move the ${entity.var} reporting queries to the read replica.`);
  const name = others.length ? 'reporting' : kebab(entity.name);
  return { path: `src/repositories/${name}.repository.${ext(src, app)}`, content: src.render() };
}

// ───────────────────────────── schema files ─────────────────────────────

/** Drizzle `pgTable` definitions and `relations()`. */
export function drizzleSchema(r, app, entities) {
  const src = new Source(r, 'ts');
  src.named('drizzle-orm/pg-core', 'pgTable', 'serial', 'varchar', 'text', 'integer', 'boolean', 'timestamp', 'numeric', 'jsonb', 'index');
  src.named('drizzle-orm', 'relations');
  const col = (f) => {
    const base = { string: `varchar('${f.column}', { length: ${f.length} })`, text: `text('${f.column}')`, int: `integer('${f.column}')`, decimal: `numeric('${f.column}', { precision: 12, scale: 2 })`, bool: `boolean('${f.column}')`, date: `timestamp('${f.column}', { withTimezone: true })`, json: `jsonb('${f.column}')`, enum: `text('${f.column}', { enum: [${(f.values ?? []).map((v) => `'${v}'`).join(', ')}] })` }[f.type];
    return `${f.name}: ${base}${f.nullable ? '' : '.notNull()'},`;
  };
  for (const e of entities) {
    const refs = e.relations.filter((x) => x.kind === 'm:1').map((x) => `${x.name}Id: integer('${snake(x.name)}_id').references(() => ${x.target.plural}.id${x.onDelete ? `, { onDelete: '${x.onDelete.toLowerCase().replace(' ', ' ')}' }` : ''}),`);
    src.exp(e.plural, `const ${e.plural} = pgTable(
  '${e.table}',
  {
    id: serial('id').primaryKey(),
${indent([...e.fields.map(col), ...refs].join('\n'), 4)}
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [index('${e.table}_created_at_idx').on(table.createdAt)],
);`);
  }
  for (const e of entities) {
    if (!e.relations.length) continue;
    const parts = e.relations.map((x) =>
      x.kind === 'm:1' || x.kind === '1:1' ? `${x.name}: one(${x.target.plural}, { fields: [${e.plural}.${x.name}Id], references: [${x.target.plural}.id] }),` : `${x.name}: many(${x.target.plural}),`,
    );
    src.exp(`${e.plural}Relations`, `const ${e.plural}Relations = relations(${e.plural}, ({ one, many }) => ({\n${indent(parts.join('\n'), 2)}\n}));`);
  }
  return { path: 'src/db/schema.ts', content: src.render() };
}

/** Kysely's `Database` interface. */
export function kyselyTypes(r, app, entities) {
  const src = new Source(r, 'ts');
  src.types('kysely', 'Generated', 'ColumnType', 'Selectable', 'Insertable', 'Updateable');
  for (const e of entities) {
    src.exp(`${e.name}Table`, `interface ${e.name}Table {\n  id: Generated<number>;\n${e.fields.map((f) => `  ${f.name}: ${tsType(f)}${f.nullable ? ' | null' : ''};`).join('\n')}\n  createdAt: ColumnType<Date, string | undefined, never>;\n}`);
    src.add(`export type ${e.name} = Selectable<${e.name}Table>;\nexport type New${e.name} = Insertable<${e.name}Table>;\nexport type ${e.name}Update = Updateable<${e.name}Table>;`);
  }
  src.exp('Database', `interface Database {\n${entities.map((e) => `  ${e.table}: ${e.name}Table;`).join('\n')}\n}`);
  return { path: 'src/types.ts', content: src.render() };
}

/** Objection model classes. */
export function objectionModel(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  src.named('objection', 'Model');
  const mappings = entity.relations.map((rel) => {
    const relation = { 'm:1': 'BelongsToOneRelation', '1:1': 'HasOneRelation', '1:m': 'HasManyRelation', 'm:n': 'ManyToManyRelation' }[rel.kind];
    const join =
      rel.kind === 'm:n'
        ? `{\n    from: '${entity.table}.id',\n    through: { from: '${entity.table}_${rel.target.table}.${entity.var}_id', to: '${entity.table}_${rel.target.table}.${rel.target.var}_id' },\n    to: '${rel.target.table}.id',\n  }`
        : rel.kind === '1:m'
          ? `{ from: '${entity.table}.id', to: '${rel.target.table}.${snake(rel.inverseOf)}_id' }`
          : `{ from: '${entity.table}.${snake(rel.name)}_id', to: '${rel.target.table}.id' }`;
    return `${rel.name}: {\n  relation: Model.${relation},\n  modelClass: ${rel.target === entity ? entity.name : `require('./${rel.target.name}')${src.cjs ? '' : '.default'}`},\n  join: ${join},\n},`;
  });
  const props = entity.fields.map((f) => `${f.name}: { type: ${f.nullable ? `['${f.type === 'int' ? 'integer' : f.type === 'decimal' ? 'number' : f.type === 'bool' ? 'boolean' : f.type === 'json' ? 'object' : 'string'}', 'null']` : `'${f.type === 'int' ? 'integer' : f.type === 'decimal' ? 'number' : f.type === 'bool' ? 'boolean' : f.type === 'json' ? 'object' : 'string'}'`} },`);
  const cls = `class ${entity.name} extends Model {
  static get tableName() {
    return '${entity.table}';
  }

  static get jsonSchema() {
    return {
      type: 'object',
      required: ['${entity.fields[0].name}'],
      properties: {
        id: { type: 'integer' },
${indent(props.join('\n'), 8)}
      },
    };
  }

  static get relationMappings() {
    return {
${indent(mappings.join('\n'), 6)}
    };
  }

  $beforeInsert() {
    this.createdAt = new Date().toISOString();
  }
}`;
  if (src.cjs) {
    src.add(cls);
    src.add(`module.exports = ${entity.name};`);
  } else {
    src.add(cls);
    src.expDefault(entity.name);
    src.add(`export { ${entity.name} };`);
  }
  return { path: `src/models/${entity.name}.${ext(src, app)}`, content: src.render() };
}

// ───────────────────────────── migrations ─────────────────────────────

/** knex: `exports.up/down` (CommonJS), `export async function up(knex: Knex)` (TS/ESM). Some lack down. */
export function knexMigration(r, app, entities, index, lang, mod) {
  const src = new Source(r, lang, mod);
  const targets = migrationTargets(r, entities, index);
  const e = targets[0];
  const stamp = new Date(app.clock + index * 86_400_000).toISOString().replace(/\D/g, '').slice(0, 14);
  const generic = r.chance(0.1);
  const name = generic ? r.pick(['migration', 'update', 'new_migration']) : targets.length > 2 ? 'initial_schema' : r.pick([`create_${e.table}`, `add_${snake(e.fields[0].name)}_to_${e.table}`, `alter_${e.table}`]);
  if (src.ts) src.types('knex', 'Knex');
  const col = (f) => {
    const m = { string: `string('${f.column}', ${f.length})`, text: `text('${f.column}')`, int: `integer('${f.column}')`, decimal: `decimal('${f.column}', 12, 2)`, bool: `boolean('${f.column}').defaultTo(false)`, date: `timestamp('${f.column}', { useTz: true })`, json: `jsonb('${f.column}')`, enum: `enu('${f.column}', [${(f.values ?? []).map((v) => `'${v}'`).join(', ')}])` }[f.type];
    return `table.${m}${f.nullable ? '.nullable()' : '.notNullable()'};`;
  };
  const create = (t) =>
    [
      `.createTable('${t.table}', (table) => {`,
      `  table.increments('id').primary();`,
      ...t.fields.map((f) => `  ${col(f)}`),
      ...t.relations.filter((x) => x.kind === 'm:1').map((x) => `  table.integer('${snake(x.name)}_id').unsigned().references('id').inTable('${x.target.table}')${x.onDelete ? `.onDelete('${x.onDelete}')` : ''};`),
      `  table.timestamps(true, true);`,
      `})`,
    ].join('\n');
  const up = `return knex.schema\n${indent(targets.map(create).join('\n'), 2)};`;
  const down = `return knex.schema\n${indent([...targets].reverse().map((t) => `.dropTableIfExists('${t.table}')`).join('\n'), 2)};`;
  const hasDown = r.chance(0.85);
  const sig = src.T(': Knex');
  const ret = src.T(': Promise<void>');
  if (src.cjs) {
    const arrow = r.chance(0.5);
    const doc = `/**\n * @param { import("knex").Knex } knex\n * @returns { Promise<void> }\n */\n`;
    src.add(arrow ? `exports.up = (knex) => {\n${indent(up, 2)}\n};` : `${doc}exports.up = function (knex) {\n${indent(up, 2)}\n};`);
    if (hasDown) src.add(arrow ? `exports.down = (knex) => {\n${indent(down, 2)}\n};` : `${doc}exports.down = function (knex) {\n${indent(down, 2)}\n};`);
  } else {
    src.add(`export async function up(knex${sig})${ret} {\n${indent(up.replace(/^return /, 'await '), 2)}\n}`);
    if (hasDown) src.add(`export async function down(knex${sig})${ret} {\n${indent(down.replace(/^return /, 'await '), 2)}\n}`);
  }
  return { path: `migrations/${stamp}_${name}.${ext(src, app)}`, content: src.render() };
}

/** Kysely migrations: `export async function up(db: Kysely<any>)`. */
export function kyselyMigration(r, app, entities, index) {
  const src = new Source(r, 'ts');
  const targets = migrationTargets(r, entities, index);
  const stamp = new Date(app.clock + index * 86_400_000).toISOString().slice(0, 10);
  src.named('kysely', 'sql');
  src.types('kysely', 'Kysely');
  const create = (e) => {
    const cols = e.fields.map((f) => `.addColumn('${f.column}', '${{ string: `varchar(${f.length})`, text: 'text', int: 'integer', decimal: 'numeric', bool: 'boolean', date: 'timestamptz', json: 'jsonb', enum: 'text' }[f.type]}'${f.nullable ? '' : ', (col) => col.notNull()'})`);
    const fks = e.relations.filter((x) => x.kind === 'm:1').map((x) => `.addColumn('${snake(x.name)}_id', 'integer', (col) => col.references('${x.target.table}.id')${x.onDelete ? `.onDelete('${x.onDelete.toLowerCase()}')` : ''})`);
    return `await db.schema
  .createTable('${e.table}')
  .addColumn('id', 'serial', (col) => col.primaryKey())
${indent([...cols, ...fks].join('\n'), 2)}
  .addColumn('created_at', 'timestamptz', (col) => col.defaultTo(sql\`now()\`).notNull())
  .execute();

await db.schema.createIndex('${e.table}_created_at_index').on('${e.table}').column('created_at').execute();`;
  };
  src.exp('up', `async function up(db: Kysely<any>): Promise<void> {\n${indent(targets.map(create).join('\n\n'), 2)}\n}`);
  if (r.chance(0.85)) src.exp('down', `async function down(db: Kysely<any>): Promise<void> {\n${[...targets].reverse().map((e) => `  await db.schema.dropTable('${e.table}').execute();`).join('\n')}\n}`);
  return { path: `src/migrations/${stamp}_${String(index).padStart(3, '0')}_${r.chance(0.1) ? 'changes' : targets.length > 2 ? 'initial' : `create_${targets[0].table}`}.ts`, content: src.render() };
}

/** node-pg-migrate: `exports.up = (pgm) => { pgm.createTable(…) }`. */
export function pgMigration(r, app, entities, index, lang, mod) {
  const src = new Source(r, lang, mod);
  const targets = migrationTargets(r, entities, index);
  const stamp = app.clock + index * 3_600_000;
  const up = targets
    .map((e) => {
      const cols = e.fields.map((f) => `${f.column}: { type: '${{ string: `varchar(${f.length})`, text: 'text', int: 'integer', decimal: 'numeric(12,2)', bool: 'boolean', date: 'timestamptz', json: 'jsonb', enum: 'text' }[f.type]}'${f.nullable ? '' : ', notNull: true'} },`);
      const fks = e.relations.filter((x) => x.kind === 'm:1').map((x) => `${snake(x.name)}_id: { type: 'integer', references: '"${x.target.table}"'${x.onDelete ? `, onDelete: '${x.onDelete}'` : ''} },`);
      const raw = r.chance(0.3) ? `\npgm.sql(\`UPDATE ${e.table} SET ${e.fields[0].column} = ${e.fields[0].column}\`);` : '';
      return `pgm.createTable('${e.table}', {
  id: 'id',
${indent([...cols, ...fks].join('\n'), 2)}
  created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
});
pgm.createIndex('${e.table}', 'created_at');${raw}`;
    })
    .join('\n\n');
  const down = [...targets].reverse().map((e) => `pgm.dropTable('${e.table}');`).join('\n');
  const hasDown = r.chance(0.8);
  if (src.ts) src.types('node-pg-migrate', 'MigrationBuilder', 'ColumnDefinitions');
  if (src.cjs) {
    src.add('/* eslint-disable camelcase */\n\nexports.shorthands = undefined;');
    src.add(`exports.up = (pgm) => {\n${indent(up, 2)}\n};`);
    if (hasDown) src.add(`exports.down = (pgm) => {\n${indent(down, 2)}\n};`);
  } else {
    src.exp('shorthands', `const shorthands${src.T(': ColumnDefinitions | undefined')} = undefined;`);
    src.exp('up', `async function up(pgm${src.T(': MigrationBuilder')})${src.T(': Promise<void>')} {\n${indent(up, 2)}\n}`);
    if (hasDown) src.exp('down', `async function down(pgm${src.T(': MigrationBuilder')})${src.T(': Promise<void>')} {\n${indent(down, 2)}\n}`);
  }
  return { path: `migrations/${stamp}_${r.chance(0.1) ? 'migration' : targets.length > 2 ? 'initial-schema' : `create-${kebab(targets[0].table)}`}.${ext(src, app)}`, content: src.render() };
}

export function knexfile(r, app, lang, mod) {
  const src = new Source(r, lang, mod);
  if (src.ts) src.types('knex', 'Knex');
  if (src.cjs) src.sideEffect('dotenv/config');
  const body = `{
  development: {
    client: 'pg',
    connection: process.env.DATABASE_URL,
    migrations: { directory: './migrations', extension: '${src.ts ? 'ts' : 'js'}' },
    seeds: { directory: './seeds' },
  },
  test: {
    client: 'pg',
    connection: process.env.TEST_DATABASE_URL,
    pool: { min: 1, max: 2 },
  },
  production: {
    client: 'pg',
    connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } },
    pool: { min: 2, max: 10 },
    migrations: { tableName: 'knex_migrations' },
  },
}`;
  if (src.cjs) src.add(`/**\n * @type { Object.<string, import("knex").Knex.Config> }\n */\nmodule.exports = ${body};`);
  else {
    src.add(`const config${src.T(': { [key: string]: Knex.Config }')} = ${body};`);
    src.expDefault('config');
  }
  return { path: `knexfile.${ext(src, app)}`, content: src.render() };
}
