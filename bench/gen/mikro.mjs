// MikroORM: decorator entities (v6 `@mikro-orm/core`, v7 `@mikro-orm/decorators/legacy`),
// EntitySchema, defineEntity with the property builder, EntityManager services, migrations.
import { tsType } from './domain.mjs';
import { indent, kebab, snake } from './random.mjs';
import { Source, fileHeader } from './source.mjs';
import { migrationTargets, txSideEffect, unitsUntil } from './shared.mjs';

const DECORATOR = { 'm:1': 'ManyToOne', '1:1': 'OneToOne', '1:m': 'OneToMany', 'm:n': 'ManyToMany' };
const KIND = { 'm:1': 'm:1', '1:1': '1:1', '1:m': '1:m', 'm:n': 'm:n' };
const BUILDER = { 'm:1': 'manyToOne', '1:1': 'oneToOne', '1:m': 'oneToMany', 'm:n': 'manyToMany' };

function propertyType(f) {
  return { string: 'string', text: 'text', int: 'integer', decimal: 'decimal', bool: 'boolean', date: 'datetime', json: 'json', enum: 'string' }[f.type];
}

export function mikroDecoratorEntity(r, app, entity) {
  const src = new Source(r, 'ts');
  fileHeader(r, src, `${entity.name} entity`);
  const mod = app.mikroV7 ? '@mikro-orm/decorators/legacy' : '@mikro-orm/core';
  src.named(mod, 'Entity', 'PrimaryKey', 'Property');
  const lines = [`@Entity({ tableName: '${entity.table}' })`, `export class ${entity.name} {`];
  if (entity.uuid) {
    lines.push(`  @PrimaryKey({ type: 'uuid' })`, '  id: string = randomUUID();', '');
    src.named('node:crypto', 'randomUUID');
  } else lines.push('  @PrimaryKey()', '  id!: number;', '');
  for (const f of entity.fields) {
    const opts = [];
    if (f.type === 'enum') {
      src.named(mod, 'Enum');
      lines.push(`  @Enum({ items: [${f.values.map((v) => `'${v}'`).join(', ')}]${f.nullable ? ', nullable: true' : ''} })`);
    } else {
      if (f.type === 'string' && r.chance(0.5)) opts.push(`length: ${f.length}`);
      if (f.type === 'json' || f.type === 'text' || r.chance(0.3)) opts.push(`type: '${propertyType(f)}'`);
      if (f.nullable) opts.push('nullable: true');
      if (f.column !== f.name && r.chance(0.3)) opts.push(`fieldName: '${f.column}'`);
      lines.push(`  @Property(${opts.length ? `{ ${opts.join(', ')} }` : ''})`);
    }
    lines.push(`  ${f.name}${f.nullable ? '?' : '!'}: ${tsType(f)};`, '');
  }
  for (const rel of entity.relations) {
    const deco = DECORATOR[rel.kind];
    src.named(mod, deco);
    const opts = [];
    if (rel.kind === '1:m') opts.push(`mappedBy: '${rel.inverseOf}'`);
    if (rel.kind === 'm:1' && rel.nullable) opts.push('nullable: true');
    if (rel.kind === 'm:1' && rel.onDelete && r.chance(0.5)) opts.push(`deleteRule: '${rel.onDelete.toLowerCase()}'`);
    if (rel.kind === 'm:n') opts.push('owner: true');
    if (rel.eager) opts.splice(r.int(0, opts.length), 0, 'eager: true');
    else if (rel.explicitLazy) opts.push('eager: false');
    const form = r.int(0, 2);
    let args;
    if (rel.kind === '1:m' && form === 0) args = `() => ${rel.target.name}, (${rel.target.var}) => ${rel.target.var}.${rel.inverseOf}${opts.length > 1 ? `, { ${opts.filter((o) => !o.startsWith('mappedBy')).join(', ')} }` : ''}`;
    else if (form === 1 || !opts.length) args = `() => ${rel.target.name}${opts.length ? `, { ${opts.join(', ')} }` : ''}`;
    else args = `{ entity: () => ${rel.target.name}, ${opts.join(', ')} }`;
    lines.push(`  @${deco}(${args})`);
    if (rel.kind === '1:m' || rel.kind === 'm:n') {
      src.named('@mikro-orm/core', 'Collection');
      lines.push(`  ${rel.name} = new Collection<${rel.target.name}>(this);`, '');
    } else {
      const ref = r.chance(0.3);
      if (ref) src.types('@mikro-orm/core', 'Ref');
      lines.push(`  ${rel.name}${rel.nullable ? '?' : '!'}: ${ref ? `Ref<${rel.target.name}>` : rel.target.name};`, '');
    }
    if (rel.target !== entity) src.named(`./${kebab(rel.target.name)}.entity`, rel.target.name);
  }
  lines.push(`  @Property({ onCreate: () => new Date() })`, '  createdAt: Date = new Date();', '', `  @Property({ onUpdate: () => new Date() })`, '  updatedAt: Date = new Date();');
  if (r.chance(0.3)) {
    const f = entity.fields[0];
    lines.push('', `  constructor(${f.name}: ${tsType(f)}) {`, `    this.${f.name} = ${f.name};`, '  }');
  }
  lines.push('}');
  src.add(lines.join('\n'));
  return { path: `src/modules/${kebab(entity.name)}/${kebab(entity.name)}.entity.ts`, content: src.render() };
}

/** `new EntitySchema({ properties: { author: { kind: 'm:1', entity: 'Author', eager: true } } })`. */
export function mikroEntitySchema(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  src.named('@mikro-orm/core', 'EntitySchema');
  const props = [entity.uuid ? `id: { type: 'uuid', primary: true },` : `id: { type: 'number', primary: true },`];
  for (const f of entity.fields) props.push(`${f.name}: { type: '${propertyType(f)}'${f.nullable ? ', nullable: true' : ''}${f.type === 'enum' ? `, enum: true, items: [${f.values.map((v) => `'${v}'`).join(', ')}]` : ''} },`);
  for (const rel of entity.relations) {
    const opts = [`kind: '${KIND[rel.kind]}'`, `entity: '${rel.target.name}'`];
    if (rel.kind === '1:m') opts.push(`mappedBy: '${rel.inverseOf}'`);
    if (rel.kind === 'm:n') opts.push('owner: true');
    if (rel.nullable) opts.push('nullable: true');
    if (rel.eager) opts.splice(r.int(1, opts.length), 0, 'eager: true');
    else if (rel.explicitLazy) opts.push('eager: false');
    props.push(`${rel.name}: { ${opts.join(', ')} },`);
  }
  props.push(`createdAt: { type: 'Date', onCreate: () => new Date() },`);
  let typeParams = '';
  if (src.ts) {
    src.add(`export interface I${entity.name} {\n  id: ${entity.uuid ? 'string' : 'number'};\n${entity.fields.map((f) => `  ${f.name}${f.nullable ? '?' : ''}: ${tsType(f)};`).join('\n')}\n  createdAt: Date;\n}`);
    typeParams = `<I${entity.name}>`;
  }
  src.exp(`${entity.name}Schema`, `const ${entity.name}Schema = new EntitySchema${typeParams}({
  name: '${entity.name}',
  tableName: '${entity.table}',
  properties: {
${indent(props.join('\n'), 4)}
  },
});`);
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/schemas/${kebab(entity.name)}.schema.${ext}`, content: src.render() };
}

/**
 * `defineEntity` (MikroORM 6.5+): `p` imported, or `properties: (p) => ({ … })`, or
 * `const p = defineEntity.properties`. Relations use the builder, some `.eager()`.
 */
export function mikroDefineEntity(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const form = r.weighted([[5, 'imported'], [3, 'callback'], [1, 'static']]);
  src.named('@mikro-orm/core', 'defineEntity');
  if (form === 'imported') src.named('@mikro-orm/core', 'p');
  const props = [entity.uuid ? `id: p.uuid().primary(),` : `id: p.integer().primary().autoincrement(),`];
  for (const f of entity.fields) {
    let chain = f.type === 'enum' ? `p.enum([${f.values.map((v) => `'${v}'`).join(', ')}])` : `p.${{ string: 'string', text: 'text', int: 'integer', decimal: 'decimal', bool: 'boolean', date: 'datetime', json: 'json' }[f.type]}()`;
    if (f.type === 'string' && r.chance(0.4)) chain += `.length(${f.length})`;
    if (f.nullable) chain += '.nullable()';
    if (f.column !== f.name && r.chance(0.3)) chain += `.fieldName('${f.column}')`;
    props.push(`${f.name}: ${chain},`);
  }
  for (const rel of entity.relations) {
    const target = rel.target === entity ? `() => ${rel.target.name}` : rel.target.name;
    let chain = `p.${BUILDER[rel.kind]}(${target})`;
    if (rel.kind === '1:m') chain += `.mappedBy('${rel.inverseOf}')`;
    if (rel.kind === 'm:n') chain += '.owner()';
    if (rel.nullable && rel.kind !== '1:m') chain += '.nullable()';
    if (rel.eager) chain += r.pick(['.eager()', '.eager(true)', '.eager()']);
    else if (rel.explicitLazy) chain += '.eager(false)';
    if (r.chance(0.2) && rel.kind === 'm:1') chain += '.ref()';
    const lazyRef = r.chance(0.6);
    props.push(`${rel.name}: ${lazyRef ? `() => ${chain}` : chain},`);
    src.named(`./${kebab(rel.target.name)}.entity`, rel.target.name);
  }
  src.imports.delete(`./${kebab(entity.name)}.entity`);
  props.push(`createdAt: p.datetime().onCreate(() => new Date()),`);
  const pre = form === 'static' ? 'const p = defineEntity.properties;\n\n' : '';
  const properties = form === 'callback' ? `(p) => ({\n${indent(props.join('\n'), 4)}\n  })` : `{\n${indent(props.join('\n'), 4)}\n  }`;
  if (pre) src.add(pre.trim());
  src.exp(entity.name, `const ${entity.name} = defineEntity({
  name: '${entity.name}',
  tableName: '${entity.table}',
  properties: ${properties},
});`);
  if (src.ts && r.chance(0.5)) {
    src.named('@mikro-orm/core', 'InferEntity');
    src.add(`export type I${entity.name} = InferEntity<typeof ${entity.name}>;`);
  }
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/modules/${kebab(entity.name)}.entity.${ext}`, content: src.render() };
}

export function mikroService(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  const E = entity.name;
  src.types('@mikro-orm/core', 'EntityManager');
  src.named('@mikro-orm/core', 'QueryOrder');
  if (src.ts) src.named(app.defineEntity ? `./${kebab(E)}.entity` : `./${kebab(E)}/${kebab(E)}.entity`, E);
  const Ent = src.ts ? E : `'${E}'`;
  const rels = entity.relations.map((x) => x.name);
  const s = entity.fields.find((f) => f.type === 'string') ?? { name: 'name', column: 'name' };
  const methods = [
    () => `async list(limit = 20, offset = 0) {
  const [items, total] = await this.em.findAndCount(${Ent}, {}, {
    ${rels.length ? `populate: [${rels.slice(0, 2).map((n) => `'${n}'`).join(', ')}]${src.ts ? ' as const' : ''},\n    ` : ''}orderBy: { createdAt: QueryOrder.DESC },
    limit,
    offset,
  });
  return { items, total };
}`,
    () => `async get(id${T(': number')}) {
  return this.em.findOneOrFail(${Ent}, { id }${rels.length ? `, { populate: ['${rels[0]}'] }` : ''});
}`,
    () => `async create(data${T(`: Partial<${src.ts ? E : 'object'}>`)}) {
  const entity = this.em.create(${Ent}, data${src.ts ? ' as any' : ''});
  await this.em.persistAndFlush(entity);
  return entity;
}`,
    () => `async rename(id${T(': number')}, value${T(': string')}) {
  return this.em.transactional(async (em) => {
    const entity = await em.findOneOrFail(${Ent}, { id });
    entity.${s.name} = value;
${indent(txSideEffect(r, src, 'entity'), 4)}
    return entity;
  });
}`,
    () => `async rawStats(since${T(': Date')}) {
  const knex = this.em.getKnex();
  return knex('${entity.table}').count('* as count').where('created_at', '>=', since).first();
}`,
    () => `async searchUnsafe(term${T(': string')}) {
  return this.em.getConnection().execute(\`select * from ${entity.table} where ${s.column} like '%\${term}%' limit 100\`);
}`,
    () => `async searchSafe(term${T(': string')}) {
  return this.em.getConnection().execute('select * from ${entity.table} where ${s.column} like ? limit 100', [\`%\${term}%\`]);
}`,
    () => `async byQueryBuilder(ids${T(': number[]')}) {
  const qb = this.em.createQueryBuilder(${Ent}, 'e');
  qb.select('*').where({ id: { $in: ids } }).orderBy({ id: 'asc' });
  return qb.getResultList();
}`,
    () => `async remove(id${T(': number')}) {
  const ref = this.em.getReference(${Ent}, id);
  await this.em.remove(ref).flush();
}`,
  ];
  const body = unitsUntil(r, methods, app.target(), 9);
  const ctor = src.ts ? 'constructor(private readonly em: EntityManager) {}' : 'constructor(em) {\n  this.em = em;\n}';
  src.exp(`${E}Service`, `class ${E}Service {\n${indent([ctor, ...body].join('\n\n'), 2)}\n}`);
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/modules/${kebab(E)}.service.${ext}`, content: src.render() };
}

export function mikroMigration(r, app, entities, index) {
  const src = new Source(r, 'ts');
  const targets = migrationTargets(r, entities, index);
  const stamp = new Date(app.clock + index * 86_400_000).toISOString().replace(/\D/g, '').slice(0, 14);
  src.named('@mikro-orm/migrations', 'Migration');
  const up = [];
  const down = [];
  for (const e of targets) {
    const cols = e.fields.map((f) => `"${f.column}" ${f.type === 'string' ? `varchar(${f.length})` : { text: 'text', int: 'int', decimal: 'numeric(10,2)', bool: 'boolean', date: 'timestamptz', json: 'jsonb', enum: 'text' }[f.type]}${f.nullable ? ' null' : ' not null'}`);
    up.push(`this.addSql(\`create table "${e.table}" ("id" serial primary key, ${cols.join(', ')}, "created_at" timestamptz not null);\`);`);
    up.push(`this.addSql('create index "${e.table}_created_at_index" on "${e.table}" ("created_at");');`);
    for (const rel of e.relations.filter((x) => x.kind === 'm:1')) {
      up.push(`this.addSql('alter table "${e.table}" add constraint "${e.table}_${snake(rel.name)}_id_foreign" foreign key ("${snake(rel.name)}_id") references "${rel.target.table}" ("id") on update cascade;');`);
    }
    down.unshift(`this.addSql('drop table if exists "${e.table}" cascade;');`);
  }
  const downMethod = r.chance(0.85) ? `\n\n  override async down(): Promise<void> {\n${indent(down.join('\n'), 4)}\n  }` : '';
  src.exp(`Migration${stamp}`, `class Migration${stamp} extends Migration {\n  override async up(): Promise<void> {\n${indent(up.join('\n'), 4)}\n  }${downMethod}\n}`);
  return { path: `src/migrations/Migration${stamp}.ts`, content: src.render() };
}

export function mikroConfig(r, app, lang, mod) {
  const src = new Source(r, lang, mod);
  src.named('@mikro-orm/postgresql', 'defineConfig');
  src.add(`const config = defineConfig({
  clientUrl: process.env.DATABASE_URL,
  entities: ['dist/**/*.entity.js'],
  entitiesTs: ['src/**/*.entity.ts'],
  debug: process.env.NODE_ENV !== 'production',
  migrations: { path: 'dist/migrations', pathTs: 'src/migrations', snapshot: false },
  pool: { min: 2, max: ${r.int(5, 20)} },
});`);
  src.expDefault('config');
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/mikro-orm.config.${ext}`, content: src.render() };
}

