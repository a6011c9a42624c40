// TypeORM: decorator entities, EntitySchema (TS and JS), repository services, migrations, data source.
import { tsType } from './domain.mjs';
import { indent, kebab, pascal, snake } from './random.mjs';
import { Source, fileHeader } from './source.mjs';
import { migrationTargets, txSideEffect, unitsUntil } from './shared.mjs';

const COLUMN_TYPE = { string: 'varchar', text: 'text', int: 'int', decimal: 'numeric', bool: 'boolean', date: 'timestamptz', json: 'jsonb', enum: 'enum' };
const DECORATOR = { 'm:1': 'ManyToOne', '1:1': 'OneToOne', '1:m': 'OneToMany', 'm:n': 'ManyToMany' };

function columnOptions(r, field) {
  const opts = [];
  if (field.column !== field.name || r.chance(0.3)) opts.push(`name: '${field.column}'`);
  if (field.type === 'string') opts.push(`type: 'varchar'`, `length: ${field.length}`);
  else if (field.type === 'decimal') opts.push(`type: 'numeric'`, `precision: 12`, `scale: 2`);
  else if (field.type === 'enum') opts.push(`type: 'enum'`, `enum: [${field.values.map((v) => `'${v}'`).join(', ')}]`, `default: '${field.values[0]}'`);
  else opts.push(`type: '${COLUMN_TYPE[field.type]}'`);
  if (field.nullable) opts.push('nullable: true');
  if (field.type === 'bool') opts.push(`default: ${r.pick(['false', 'true'])}`);
  return opts;
}

/** The options argument of a relation decorator: eager, sometimes alone, sometimes among others. */
function relationOptions(r, rel) {
  const opts = [];
  if (rel.kind === 'm:1' || rel.kind === '1:1') {
    if (rel.nullable === false || r.chance(0.3)) opts.push(`nullable: ${rel.nullable ? 'true' : 'false'}`);
    if (rel.onDelete) opts.push(`onDelete: '${rel.onDelete}'`);
  }
  if (rel.kind === '1:m' && r.chance(0.4)) opts.push(`cascade: ${r.pick(['true', "['insert', 'update']"])}`);
  if (rel.eager) opts.splice(r.int(0, opts.length), 0, 'eager: true');
  else if (rel.explicitLazy) opts.push('eager: false');
  return opts;
}

export function typeormEntity(r, app, entity) {
  const src = new Source(r, 'ts');
  fileHeader(r, src, `${entity.name} entity`);
  const nsImport = r.chance(0.08);
  const q = nsImport ? 'typeorm.' : '';
  const use = (...names) => (nsImport ? src.ns('typeorm', 'typeorm') : src.named('typeorm', ...names));
  use('Entity', 'Column', 'CreateDateColumn', 'UpdateDateColumn');
  const lines = [];
  lines.push(`@${q}Entity({ name: '${entity.table}' })`);
  if (r.chance(0.3)) {
    use('Index');
    lines.push(`@${q}Index(['${entity.fields[0].name}'])`);
  }
  const base = r.chance(0.25);
  if (base) use('BaseEntity');
  lines.push(`export class ${entity.name}${base ? ` extends ${q}BaseEntity` : ''} {`);
  if (entity.uuid) {
    use('PrimaryGeneratedColumn');
    lines.push(`  @${q}PrimaryGeneratedColumn('uuid')`, '  id!: string;', '');
  } else {
    use('PrimaryGeneratedColumn');
    lines.push(`  @${q}PrimaryGeneratedColumn()`, '  id!: number;', '');
  }
  for (const field of entity.fields) {
    const opts = columnOptions(r, field);
    const oneLine = `  @${q}Column({ ${opts.join(', ')} })`;
    if (oneLine.length > 100) lines.push(`  @${q}Column({`, ...opts.map((o) => `    ${o},`), '  })');
    else lines.push(oneLine);
    lines.push(`  ${field.name}${field.nullable ? '?' : '!'}: ${tsType(field)}${field.nullable ? ' | null' : ''};`, '');
  }
  for (const rel of entity.relations) {
    const deco = DECORATOR[rel.kind];
    use(deco);
    const target = rel.target.name;
    const args = [r.chance(0.9) ? `() => ${target}` : `'${target}'`];
    if (rel.kind === '1:m') args.push(`(${rel.target.var}) => ${rel.target.var}.${rel.inverseOf}`);
    else if (rel.kind === 'm:1' && r.chance(0.5)) args.push(`(${rel.target.var}) => ${rel.target.var}.${entity.plural}`);
    const opts = relationOptions(r, rel);
    if (opts.length) {
      const inline = `{ ${opts.join(', ')} }`;
      args.push(inline.length > 60 && r.chance(0.5) ? `{\n${opts.map((o) => `    ${o},`).join('\n')}\n  }` : inline);
    }
    lines.push(`  @${q}${deco}(${args.join(', ')})`);
    if (rel.kind === 'm:1' || rel.kind === '1:1') {
      use('JoinColumn');
      lines.push(`  @${q}JoinColumn({ name: '${snake(rel.name)}_id' })`);
    }
    if (rel.kind === 'm:n') {
      use('JoinTable');
      lines.push(`  @${q}JoinTable()`);
    }
    const many = rel.kind === '1:m' || rel.kind === 'm:n';
    const lazy = !rel.eager && !many && r.chance(0.05);
    lines.push(`  ${rel.name}${rel.nullable ? '?' : '!'}: ${lazy ? `Promise<${target}>` : `${target}${many ? '[]' : ''}`};`, '');
    if ((rel.kind === 'm:1' || rel.kind === '1:1') && r.chance(0.5)) {
      lines.push(`  @${q}Column({ name: '${snake(rel.name)}_id'${rel.nullable ? ', nullable: true' : ''} })`, `  ${rel.name}Id${rel.nullable ? '?' : '!'}: ${rel.target.uuid ? 'string' : 'number'};`, '');
    }
    src.named(`./${kebab(target)}.entity`, target);
  }
  lines.push(`  @${q}CreateDateColumn({ name: 'created_at' })`, '  createdAt!: Date;', '', `  @${q}UpdateDateColumn({ name: 'updated_at' })`, '  updatedAt!: Date;');
  if (entity.softDelete) {
    use('DeleteDateColumn');
    lines.push('', `  @${q}DeleteDateColumn({ name: 'deleted_at' })`, '  deletedAt?: Date | null;');
  }
  if (r.chance(0.35)) {
    use('BeforeInsert', 'BeforeUpdate');
    const s = entity.fields.find((f) => f.type === 'string');
    lines.push('', `  @${q}BeforeInsert()`, `  @${q}BeforeUpdate()`, '  normalize(): void {', s ? `    this.${s.name} = this.${s.name}?.trim();` : '    // nothing to normalise yet', '  }');
  }
  lines.push('}');
  // TypeScript forbids a file importing itself: drop self-references.
  src.imports.delete(`./${kebab(entity.name)}.entity`);
  src.add(lines.join('\n'));
  return { path: `src/entities/${kebab(entity.name)}.entity.ts`, content: src.render() };
}

/** EntitySchema, in TypeScript or plain JavaScript (the TypeORM docs' `require("typeorm").EntitySchema` style). */
export function typeormEntitySchema(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const viaProperty = src.cjs && r.chance(0.5);
  if (viaProperty) src.add(`const EntitySchema = require('typeorm').EntitySchema;`);
  else src.named('typeorm', 'EntitySchema');
  const columns = [
    entity.uuid ? `id: { type: 'uuid', primary: true, generated: 'uuid' },` : `id: { type: Number, primary: true, generated: true },`,
    ...entity.fields.map((f) => `${f.name}: { ${columnOptions(r, f).join(', ')} },`),
    `createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },`,
    `updatedAt: { name: 'updated_at', type: 'timestamptz', updateDate: true },`,
  ];
  const relations = entity.relations.map((rel) => {
    const type = { 'm:1': 'many-to-one', '1:1': 'one-to-one', '1:m': 'one-to-many', 'm:n': 'many-to-many' }[rel.kind];
    const opts = [`type: '${type}'`, `target: '${rel.target.name}'`];
    if (rel.kind === '1:m') opts.push(`inverseSide: '${rel.inverseOf}'`);
    if (rel.kind === 'm:1' || rel.kind === '1:1') opts.push(`joinColumn: { name: '${snake(rel.name)}_id' }`);
    if (rel.kind === 'm:n') opts.push('joinTable: true');
    for (const o of relationOptions(r, rel)) opts.push(o);
    return `${rel.name}: {\n${opts.map((o) => `  ${o},`).join('\n')}\n},`;
  });
  let typeParam = '';
  if (src.ts) {
    src.add(`export interface ${entity.name} {\n  id: ${entity.uuid ? 'string' : 'number'};\n${entity.fields.map((f) => `  ${f.name}${f.nullable ? '?' : ''}: ${tsType(f)};`).join('\n')}\n  createdAt: Date;\n  updatedAt: Date;\n}`);
    typeParam = `<${entity.name}>`;
  }
  const body = `new EntitySchema${typeParam}({
  name: '${entity.name}',
  tableName: '${entity.table}',
  columns: {
${indent(columns.join('\n'), 4)}
  },${relations.length ? `\n  relations: {\n${indent(relations.join('\n'), 4)}\n  },` : ''}${r.chance(0.3) ? `\n  indices: [{ name: 'IDX_${entity.table.toUpperCase()}_${snake(entity.fields[0].name).toUpperCase()}', columns: ['${entity.fields[0].name}'] }],` : ''}
})`;
  if (src.cjs && r.chance(0.6)) src.add(`module.exports = ${body};`);
  else src.exp(`${entity.name}Schema`, `const ${entity.name}Schema = ${body};`);
  const ext = src.ts ? 'ts' : mod === 'esm' && app.mjs ? 'mjs' : 'js';
  return { path: `src/entity/${entity.name}.schema.${ext}`, content: src.render() };
}

/** A repository service: Nest-style (`@Injectable`, `@InjectRepository`) or a plain class over a DataSource. */
export function typeormService(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const nest = src.ts && app.nest;
  const T = (s) => src.T(s);
  const E = entity.name;
  const repo = `${entity.var}Repository`;
  const table = entity.table;
  src.named('typeorm', 'DataSource');
  src.types('typeorm', 'Repository');
  if (nest) {
    src.named('@nestjs/common', 'Injectable', 'NotFoundException');
    src.named('@nestjs/typeorm', 'InjectRepository');
  }
  if (src.ts) src.named(app.schema ? `../entity/${E}.schema` : `../entities/${kebab(E)}.entity`, app.schema ? `${E}Schema` : E);
  const entityRef = app.schema ? `${E}Schema` : E;
  const rel = entity.relations.find((x) => x.kind === 'm:1');
  const s = entity.fields.find((f) => f.type === 'string') ?? { name: 'name', column: 'name' };
  const methods = [
    () => `async findAll(page${T(' = 1')}${src.ts ? '' : ' = 1'}, limit${src.ts ? ' = 20' : ' = 20'})${T(`: Promise<${E}[]>`)} {
  return this.${repo}.find({
    where: {${entity.softDelete ? ' deletedAt: IsNull() ' : ''}},
    order: { createdAt: 'DESC' },
    skip: (page - 1) * limit,
    take: limit,${rel ? `\n    relations: { ${rel.name}: true },` : ''}
  });
}`,
    () => `async findOne(id${T(`: ${entity.uuid ? 'string' : 'number'}`)})${T(`: Promise<${E}>`)} {
  const found = await this.${repo}.findOneBy({ id });
  if (!found) {
    throw new ${nest ? 'NotFoundException' : 'Error'}(\`${E} \${id} not found\`);
  }
  return found;
}`,
    () => `async search(term${T(': string')}, sort${T(': string')} = 'created_at')${T(`: Promise<${E}[]>`)} {
  // Free-text search with a caller-chosen sort column.
  return this.dataSource.query(
    \`SELECT * FROM ${table} WHERE ${s.column} ILIKE '%\${term}%' ORDER BY \${sort} DESC LIMIT 50\`,
  );
}`,
    () => `async findBy${pascal(s.name)}(${s.name}${T(': string')})${T(`: Promise<${E} | null>`)} {
  return this.${repo}
    .createQueryBuilder('${entity.var}')${rel ? `\n    .leftJoinAndSelect('${entity.var}.${rel.name}', '${rel.name}')` : ''}
    .where('${entity.var}.${s.name} = :${s.name}', { ${s.name} })
    .getOne();
}`,
    () => `async countByDay(days${T(': number')})${T(': Promise<Array<{ day: string; count: number }>>')} {
  const rows = await this.dataSource.query(
    \`SELECT date_trunc('day', created_at) AS day, count(*)::int AS count
       FROM ${table}
      WHERE created_at > now() - ($1 || ' days')::interval
      GROUP BY 1
      ORDER BY 1\`,
    [days],
  );
  return rows;
}`,
    () => `async unsafeFilter(column${T(': string')}, value${T(': string')})${T(`: Promise<${E}[]>`)} {
  return this.${repo}
    .createQueryBuilder('t')
    .where(\`t.\${column} = '\${value}'\`)
    .getMany();
}`,
    () => `async create(input${T(`: Partial<${E}>`)})${T(`: Promise<${E}>`)} {
  const entity = this.${repo}.create(input);
  return this.${repo}.save(entity);
}`,
    () => `async transfer(id${T(': number')}, payload${T(': Record<string, unknown>')})${T(': Promise<void>')} {
  await this.dataSource.transaction(async (manager) => {
    const current = await manager.findOneByOrFail(${entityRef}, { id });
    await manager.update(${entityRef}, { id }, { ...payload, updatedAt: new Date() });
${indent(txSideEffect(r, src, 'current'), 4)}
  });
}`,
    () => `async archiveMany(ids${T(': number[]')})${T(': Promise<number>')} {
  const queryRunner = this.dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    const placeholders = ids.map((_, i) => \`$\${i + 1}\`).join(', ');
    const result = await queryRunner.query(\`UPDATE ${table} SET updated_at = now() WHERE id IN (\${placeholders})\`, ids);
    await queryRunner.commitTransaction();
    return result[1] ?? 0;
  } catch (err) {
    await queryRunner.rollbackTransaction();
    throw err;
  } finally {
    await queryRunner.release();
  }
}`,
    () => `async remove(id${T(': number')})${T(': Promise<void>')} {
  ${entity.softDelete ? `await this.${repo}.softDelete(id);` : `await this.${repo}.delete({ id });`}
}`,
    () => `async exportCsv(path${T(': string')})${T(': Promise<number>')} {
  const rows = await this.${repo}.find({ take: 10_000 });
  const header = ['id', ${entity.fields.slice(0, 3).map((f) => `'${f.name}'`).join(', ')}].join(',');
  const body = rows.map((row) => [row.id, ${entity.fields.slice(0, 3).map((f) => `row.${f.name}`).join(', ')}].join(',')).join('\\n');
  await writeFile(path, \`\${header}\\n\${body}\\n\`, 'utf8');
  return rows.length;
}`,
  ];
  if (entity.softDelete) src.named('typeorm', 'IsNull');
  src.named('node:fs/promises', 'writeFile');
  const body = unitsUntil(r, methods, app.target(), 12);
  const ctor = nest
    ? `constructor(\n  @InjectRepository(${E}) private readonly ${repo}: Repository<${E}>,\n  private readonly dataSource: DataSource,\n) {}`
    : src.ts
      ? `private readonly ${repo}: Repository<${E}>;\n\nconstructor(private readonly dataSource: DataSource) {\n  this.${repo} = dataSource.getRepository(${entityRef});\n}`
      : `constructor(dataSource) {\n  this.dataSource = dataSource;\n  this.${repo} = dataSource.getRepository('${E}');\n}`;
  const cls = `${nest ? '@Injectable()\n' : ''}class ${E}Service {\n${indent([ctor, ...body].join('\n\n'), 2)}\n}`;
  src.exp(`${E}Service`, cls);
  const dir = nest ? `src/${kebab(E)}` : 'src/services';
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `${dir}/${kebab(E)}.service.${ext}`, content: src.render() };
}

/** A TypeORM migration class: raw `queryRunner.query` or the `Table` API; some lack `down`, some have generic names. */
export function typeormMigration(r, app, entities, index, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  const stamp = app.clock + index * 3_600_000;
  const targets = migrationTargets(r, entities, index);
  const target = targets[0];
  const generic = r.chance(0.12);
  const base = generic ? r.pick(['Migration', 'Update', 'Init', 'Changes', 'Fix']) : targets.length > 2 ? 'InitialSchema' : r.pick([`Create${pascal(target.table)}`, `Add${pascal(target.fields[0].name)}To${target.name}`, `Index${target.name}${pascal(target.fields[0].name)}`]);
  const name = `${base}${stamp}`;
  if (src.ts) src.types('typeorm', 'MigrationInterface', 'QueryRunner');
  const useTableApi = r.chance(0.35);
  const up = [];
  const down = [];
  for (const target of targets) {
    if (useTableApi) {
      src.named('typeorm', 'Table', 'TableIndex');
      up.push(`await queryRunner.createTable(
    new Table({
      name: '${target.table}',
      columns: [
        { name: 'id', type: '${target.uuid ? 'uuid' : 'int'}', isPrimary: true, ${target.uuid ? "generationStrategy: 'uuid', default: 'uuid_generate_v4()'" : "isGenerated: true, generationStrategy: 'increment'"} },
  ${target.fields.map((f) => `      { name: '${f.column}', type: '${COLUMN_TYPE[f.type] === 'enum' ? 'varchar' : COLUMN_TYPE[f.type]}', isNullable: ${f.nullable} },`).join('\n')}
        { name: 'created_at', type: 'timestamptz', default: 'now()' },
      ],
    }),
    true,
  );`);
      up.push(`await queryRunner.createIndex('${target.table}', new TableIndex({ name: 'IDX_${target.table}_${target.fields[0].column}', columnNames: ['${target.fields[0].column}'] }));`);
      down.push(`await queryRunner.dropIndex('${target.table}', 'IDX_${target.table}_${target.fields[0].column}');`, `await queryRunner.dropTable('${target.table}');`);
    } else {
      const cols = target.fields.map((f) => `"${f.column}" ${f.type === 'string' ? `character varying(${f.length})` : { text: 'text', int: 'integer', decimal: 'numeric(12,2)', bool: 'boolean', date: 'TIMESTAMP WITH TIME ZONE', json: 'jsonb', enum: 'character varying' }[f.type]}${f.nullable ? '' : ' NOT NULL'}`);
      up.push(`await queryRunner.query(\n  \`CREATE TABLE "${target.table}" ("id" ${target.uuid ? 'uuid NOT NULL DEFAULT uuid_generate_v4()' : 'SERIAL NOT NULL'}, ${cols.join(', ')}, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_${target.table}" PRIMARY KEY ("id"))\`,\n);`);
      for (const rel of target.relations.filter((x) => x.kind === 'm:1')) {
        up.push(`await queryRunner.query(\`ALTER TABLE "${target.table}" ADD CONSTRAINT "FK_${target.table}_${snake(rel.name)}" FOREIGN KEY ("${snake(rel.name)}_id") REFERENCES "${rel.target.table}"("id") ON DELETE ${rel.onDelete ?? 'NO ACTION'}\`);`);
        down.push(`await queryRunner.query(\`ALTER TABLE "${target.table}" DROP CONSTRAINT "FK_${target.table}_${snake(rel.name)}"\`);`);
      }
      if (r.chance(0.3)) {
        const schema = r.pick(['public', 'app']);
        up.push(`const ${target.var}Schema = '${schema}';`, `await queryRunner.query(\`CREATE INDEX "IDX_${target.table}_created" ON "\${${target.var}Schema}"."${target.table}" ("created_at")\`);`);
      }
      down.push(`await queryRunner.query(\`DROP TABLE "${target.table}"\`);`);
    }
  }
  const hasDown = r.chance(0.85);
  const emptyDown = hasDown && r.chance(0.1);
  const methods = [`public async up(queryRunner${T(': QueryRunner')})${T(': Promise<void>')} {\n${indent(up.join('\n'), 2)}\n}`];
  if (hasDown) methods.push(`public async down(queryRunner${T(': QueryRunner')})${T(': Promise<void>')} {\n${emptyDown ? '  // irreversible' : indent(down.join('\n'), 2)}\n}`);
  const js = !src.ts;
  const cls = `class ${name}${src.ts ? ' implements MigrationInterface' : ''} {\n  name = '${name}';\n\n${indent(methods.map((m) => (js ? m.replace(/^public /gm, '') : m)).join('\n\n'), 2)}\n}`;
  if (src.cjs) src.add(`module.exports = ${cls};`);
  else src.exp(name, cls);
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/migrations/${stamp}-${base}.${ext}`, content: src.render() };
}

export function typeormDataSource(r, app, entities, lang, mod) {
  const src = new Source(r, lang, mod);
  src.named('typeorm', 'DataSource');
  if (src.ts) src.sideEffect('reflect-metadata');
  const list = app.schema ? entities.map((e) => `${e.name}Schema`) : entities.map((e) => e.name);
  if (src.ts) for (const e of entities) src.named(app.schema ? `./entity/${e.name}.schema` : `./entities/${kebab(e.name)}.entity`, app.schema ? `${e.name}Schema` : e.name);
  src.exp('AppDataSource', `const AppDataSource = new DataSource({
  type: '${r.pick(['postgres', 'mysql', 'postgres'])}',
  url: process.env.DATABASE_URL,
  synchronize: ${r.chance(0.1) ? "process.env.NODE_ENV !== 'production'" : 'false'},
  logging: ${r.pick(['false', "['error', 'warn']", "process.env.DB_LOGGING === 'true'"])},
  entities: ${src.ts ? `[${list.join(', ')}]` : src.cjs ? "[__dirname + '/entity/*.js']" : "['src/entity/*.js']"},
  migrations: [${src.ts ? "'dist/migrations/*.js'" : src.cjs ? "__dirname + '/migrations/*.js'" : "'src/migrations/*.js'"}],
  extra: { max: Number(process.env.DB_POOL_SIZE ?? 10) },
})`);
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/data-source.${ext}`, content: src.render() };
}

