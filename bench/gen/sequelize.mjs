// Sequelize (v6 and the sequelize-cli shapes) and sequelize-typescript: models with and without
// `defaultScope: { include }`, `sequelize.define`, `addScope('defaultScope')`, services, migrations.
import { tsType } from './domain.mjs';
import { indent, kebab, pascal } from './random.mjs';
import { Source, fileHeader } from './source.mjs';
import { migrationTargets, txSideEffect, unitsUntil } from './shared.mjs';

const DATATYPE = { string: 'STRING', text: 'TEXT', int: 'INTEGER', decimal: 'DECIMAL(12, 2)', bool: 'BOOLEAN', date: 'DATE', json: 'JSONB', enum: 'ENUM' };

function dataType(r, f, ns = 'DataTypes') {
  if (f.type === 'enum') return `${ns}.ENUM(${f.values.map((v) => `'${v}'`).join(', ')})`;
  if (f.type === 'string' && r.chance(0.5)) return `${ns}.STRING(${f.length})`;
  return `${ns}.${DATATYPE[f.type]}`;
}

function attribute(r, f, ns) {
  if (!f.nullable && r.chance(0.3) && f.type !== 'enum') return `${f.name}: ${dataType(r, f, ns)},`;
  const opts = [`type: ${dataType(r, f, ns)}`];
  if (!f.nullable) opts.push('allowNull: false');
  if (f.column !== f.name && r.chance(0.4)) opts.push(`field: '${f.column}'`);
  if (f.name === 'email') opts.push('validate: { isEmail: true }');
  if (f.type === 'bool') opts.push('defaultValue: false');
  return `${f.name}: { ${opts.join(', ')} },`;
}

/** A default scope: with a non-empty include (the finding), without one, or absent. */
function defaultScope(r, entity, style = 'object') {
  const toOne = entity.relations.filter((x) => x.kind === 'm:1' || x.kind === '1:1');
  const kind = r.weighted([[toOne.length ? 16 : 0, 'include'], [4, 'emptyInclude'], [25, 'attributes'], [55, 'none']]);
  if (kind === 'none') return undefined;
  if (kind === 'attributes') return r.pick([`{ attributes: { exclude: ['${entity.fields[0].name}'] } }`, `{ where: { ${entity.fields.find((f) => f.type === 'bool')?.name ?? 'active'}: true } }`, `{ order: [['createdAt', 'DESC']] }`]);
  if (kind === 'emptyInclude') return `{ include: [], where: {} }`;
  const rel = r.pick(toOne);
  const include = r.pick([
    `[{ model: ${style === 'ts-decorator' ? `() => ${rel.target.name}` : rel.target.name}, as: '${rel.name}' }]`,
    `[${rel.target.name}]`,
    `{ association: '${rel.name}' }`,
    `[{ model: ${rel.target.name}, as: '${rel.name}', attributes: ['id', '${rel.target.fields[0].name}'] }]`,
  ]);
  return r.chance(0.5) ? `{ include: ${include} }` : `{\n  attributes: { exclude: ['deletedAt'] },\n  include: ${include},\n}`;
}

function namedScopes(r, entity) {
  const rel = entity.relations.find((x) => x.kind === 'm:1');
  if (!rel || r.chance(0.5)) return undefined;
  return `{\n  with${pascal(rel.name)}: { include: [{ model: ${rel.target.name}, as: '${rel.name}' }] },\n  recent: { order: [['createdAt', 'DESC']], limit: 20 },\n}`;
}

/** `class X extends Model {}; X.init(attrs, { sequelize, defaultScope })` — JS (cli style or plain) or TS. */
export function sequelizeModelInit(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  fileHeader(r, src, `${entity.name} model`);
  const cliStyle = src.cjs && r.chance(0.5);
  src.named('sequelize', 'Model');
  if (!cliStyle) src.named('sequelize', 'DataTypes');
  if (src.ts) src.types('sequelize', 'InferAttributes', 'InferCreationAttributes', 'CreationOptional', 'ForeignKey');
  const scope = defaultScope(r, entity);
  const scopes = namedScopes(r, entity);
  const attrs = [entity.uuid ? `id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },` : `id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },`, ...entity.fields.map((f) => attribute(r, f))];
  for (const rel of entity.relations.filter((x) => x.kind === 'm:1')) attrs.push(`${rel.name}Id: { type: DataTypes.${rel.target.uuid ? 'UUID' : 'INTEGER'}, allowNull: ${rel.nullable ? 'true' : 'false'} },`);
  const options = [`sequelize`, `tableName: '${entity.table}'`, `underscored: true`];
  if (cliStyle) options.splice(1, 0, `modelName: '${entity.name}'`);
  if (entity.softDelete) options.push('paranoid: true');
  if (scope) options.push(`defaultScope: ${scope}`);
  if (scopes) options.push(`scopes: ${scopes}`);
  const associate = entity.relations.map((rel) => {
    const method = { 'm:1': 'belongsTo', '1:1': 'belongsTo', '1:m': 'hasMany', 'm:n': 'belongsToMany' }[rel.kind];
    const extra = rel.kind === 'm:n' ? `, through: '${entity.table}_${rel.target.table}'` : rel.kind === '1:m' ? `, foreignKey: '${rel.inverseOf}Id'` : `, foreignKey: '${rel.name}Id'`;
    return `${entity.name}.${method}(models.${rel.target.name}, { as: '${rel.name}'${extra} });`;
  });
  const classBody = [];
  if (src.ts) {
    classBody.push(`declare id: CreationOptional<${entity.uuid ? 'string' : 'number'}>;`, ...entity.fields.map((f) => `declare ${f.name}${f.nullable ? ': ' + tsType(f) + ' | null' : ': ' + tsType(f)};`));
    for (const rel of entity.relations.filter((x) => x.kind === 'm:1')) classBody.push(`declare ${rel.name}Id: ForeignKey<${rel.target.name}['id']>;`);
    classBody.push('declare readonly createdAt: CreationOptional<Date>;', '');
  }
  classBody.push(`static associate(models${T(': Record<string, any>')})${T(': void')} {\n${indent(associate.join('\n') || '// no associations', 2)}\n}`);
  if (r.chance(0.4)) classBody.push('', `toJSON()${T(': Record<string, unknown>')} {\n  const values${T(': Record<string, unknown>')} = { ...this.get() };\n  delete values.${entity.fields[0].name === 'id' ? 'createdAt' : 'deletedAt'};\n  return values;\n}`);
  const classDecl = `class ${entity.name} extends Model${src.ts ? `<InferAttributes<${entity.name}>, InferCreationAttributes<${entity.name}>>` : ''} {\n${indent(classBody.join('\n'), 2)}\n}`;
  const init = `${entity.name}.init(\n  {\n${indent(attrs.join('\n'), 4)}\n  },\n  {\n${indent(options.map((o) => `${o},`).join('\n'), 4)}\n  },\n);`;
  if (cliStyle) {
    src.add(`module.exports = (sequelize, DataTypes) => {\n${indent(classDecl, 2)}\n\n${indent(init, 2)}\n\n  return ${entity.name};\n};`);
  } else {
    if (src.ts) {
      src.named('../db', 'sequelize');
      for (const rel of entity.relations) if (rel.target !== entity) src.named(`./${kebab(rel.target.name)}`, rel.target.name);
    } else {
      src.named('../db', 'sequelize');
      for (const rel of entity.relations.filter((x) => x.kind === 'm:1')) if (rel.target !== entity && scope?.includes(rel.target.name)) src.named(`./${kebab(rel.target.name)}`, rel.target.name);
    }
    src.exp(entity.name, classDecl);
    src.add(init);
    if (r.chance(0.1) && entity.relations.some((x) => x.kind === 'm:1')) {
      const rel = entity.relations.find((x) => x.kind === 'm:1');
      src.add(`// Always show the ${rel.name} next to the ${entity.var}.\n${entity.name}.addScope('defaultScope', { include: [{ model: ${rel.target.name}, as: '${rel.name}' }] }, { override: true });`);
      src.named(`./${kebab(rel.target.name)}`, rel.target.name);
    }
  }
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/models/${kebab(entity.name)}.${ext}`, content: src.render() };
}

/** `sequelize.define('Task', attrs, { defaultScope })`, the instance imported or created here. */
export function sequelizeDefine(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const local = r.chance(0.3);
  if (local) {
    src.named('sequelize', 'Sequelize', 'DataTypes');
    src.add(`const sequelize = new Sequelize(process.env.DATABASE_URL${src.ts ? '!' : ''}, { logging: false });`);
  } else {
    src.named('sequelize', 'DataTypes');
    src.named('../db', 'sequelize');
  }
  const scope = defaultScope(r, entity);
  if (scope) for (const rel of entity.relations) if (scope.includes(rel.target.name) && rel.target !== entity) src.named(`./${kebab(rel.target.name)}`, rel.target.name);
  const options = [`tableName: '${entity.table}'`, 'timestamps: true'];
  if (scope) options.push(`defaultScope: ${scope}`);
  if (r.chance(0.3)) options.push(`indexes: [{ fields: ['${entity.fields[0].name}'] }]`);
  src.exp(entity.name, `const ${entity.name} = sequelize.define(\n  '${entity.name}',\n  {\n${indent(entity.fields.map((f) => attribute(r, f)).join('\n'), 4)}\n  },\n  {\n${indent(options.map((o) => `${o},`).join('\n'), 4)}\n  },\n);`);
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/models/${kebab(entity.name)}.${ext}`, content: src.render() };
}

/** The sequelize-cli `models/index.js`: reads the folder, wires `associate`. */
export function sequelizeModelsIndex(r) {
  const src = new Source(r, 'js', 'cjs');
  src.def('fs', 'fs');
  src.def('path', 'path');
  src.def('sequelize', 'Sequelize');
  src.add(`const basename = path.basename(__filename);
const env = process.env.NODE_ENV || 'development';
const config = require(__dirname + '/../config/config.json')[env];
const db = {};

let sequelize;
if (config.use_env_variable) {
  sequelize = new Sequelize(process.env[config.use_env_variable], config);
} else {
  sequelize = new Sequelize(config.database, config.username, config.password, config);
}

fs.readdirSync(__dirname)
  .filter((file) => {
    return file.indexOf('.') !== 0 && file !== basename && file.slice(-3) === '.js' && file.indexOf('.test.js') === -1;
  })
  .forEach((file) => {
    const model = require(path.join(__dirname, file))(sequelize, Sequelize.DataTypes);
    db[model.name] = model;
  });

Object.keys(db).forEach((modelName) => {
  if (db[modelName].associate) {
    db[modelName].associate(db);
  }
});

db.sequelize = sequelize;
db.Sequelize = Sequelize;

module.exports = db;`);
  return { path: 'src/models/index.js', content: src.render() };
}

/** sequelize-typescript: `@Table`, `@DefaultScope(() => ({ include }))`, `@Scopes`, `@BelongsTo`. */
export function sequelizeTypescriptModel(r, app, entity) {
  const src = new Source(r, 'ts');
  src.named('sequelize-typescript', 'Table', 'Column', 'Model', 'DataType');
  const lines = [];
  const scope = defaultScope(r, entity, 'ts-decorator');
  if (scope) {
    src.named('sequelize-typescript', 'DefaultScope');
    lines.push(r.chance(0.85) ? `@DefaultScope(() => (${scope}))` : `@DefaultScope(${scope})`);
  }
  const scopes = namedScopes(r, entity);
  if (scopes) {
    src.named('sequelize-typescript', 'Scopes');
    lines.push(`@Scopes(() => (${scopes}))`);
  }
  lines.push(`@Table({ tableName: '${entity.table}', underscored: true${entity.softDelete ? ', paranoid: true' : ''} })`);
  lines.push(`export class ${entity.name} extends Model {`);
  for (const f of entity.fields) {
    const type = f.type === 'enum' ? `DataType.ENUM(${f.values.map((v) => `'${v}'`).join(', ')})` : `DataType.${DATATYPE[f.type].replace(/\(.*\)/, '')}`;
    if (r.chance(0.3) && !f.nullable && f.type !== 'enum') lines.push('  @Column');
    else lines.push(`  @Column({ type: ${type}, allowNull: ${f.nullable} })`);
    lines.push(`  declare ${f.name}${f.nullable ? '?' : ''}: ${tsType(f)};`, '');
  }
  for (const rel of entity.relations) {
    if (rel.target !== entity) src.named(`./${kebab(rel.target.name)}.model`, rel.target.name);
    if (rel.kind === 'm:1' || rel.kind === '1:1') {
      src.named('sequelize-typescript', 'ForeignKey', 'BelongsTo');
      lines.push(`  @ForeignKey(() => ${rel.target.name})`, '  @Column', `  declare ${rel.name}Id: number;`, '', `  @BelongsTo(() => ${rel.target.name}${rel.onDelete ? `, { onDelete: '${rel.onDelete}' }` : ''})`, `  declare ${rel.name}?: ${rel.target.name};`, '');
    } else if (rel.kind === '1:m') {
      src.named('sequelize-typescript', 'HasMany');
      lines.push(`  @HasMany(() => ${rel.target.name})`, `  declare ${rel.name}?: ${rel.target.name}[];`, '');
    } else {
      src.named('sequelize-typescript', 'BelongsToMany');
      lines.push(`  @BelongsToMany(() => ${rel.target.name}, '${entity.table}_${rel.target.table}', '${entity.var}Id', '${rel.target.var}Id')`, `  declare ${rel.name}?: ${rel.target.name}[];`, '');
    }
  }
  if (r.chance(0.3)) {
    src.named('sequelize-typescript', 'BeforeCreate');
    lines.push('  @BeforeCreate', `  static normalize(instance: ${entity.name}): void {`, `    instance.set('${entity.fields[0].name}', instance.get('${entity.fields[0].name}'));`, '  }');
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('}');
  src.add(lines.join('\n'));
  return { path: `src/models/${kebab(entity.name)}.model.ts`, content: src.render() };
}

export function sequelizeService(r, app, entity, lang, mod) {
  const src = new Source(r, lang, mod);
  const T = (s) => src.T(s);
  const E = entity.name;
  src.named('sequelize', 'QueryTypes', 'Op');
  src.named(app.flavor === 'sequelize-typescript' ? `../models/${kebab(E)}.model` : `../models/${kebab(E)}`, E);
  src.named('../db', 'sequelize');
  const rel = entity.relations.find((x) => x.kind === 'm:1');
  if (rel) src.named(app.flavor === 'sequelize-typescript' ? `../models/${kebab(rel.target.name)}.model` : `../models/${kebab(rel.target.name)}`, rel.target.name);
  const s = entity.fields.find((f) => f.type === 'string') ?? { name: 'name', column: 'name' };
  const fns = [
    () => `async function list${pascal(entity.plural)}({ page = 1, pageSize = 25 }${T(': { page?: number; pageSize?: number }')} = {}) {
  return ${E}.findAndCountAll({
    where: {},${rel ? `\n    include: [{ model: ${rel.target.name}, as: '${rel.name}' }],` : ''}
    order: [['createdAt', 'DESC']],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}`,
    () => `async function get${E}(id${T(': number')}) {
  const row = await ${E}.findByPk(id${rel ? `, { include: ['${rel.name}'] }` : ''});
  if (!row) throw new Error('${E} not found');
  return row;
}`,
    () => `async function search${pascal(entity.plural)}(term${T(': string')}) {
  return ${E}.findAll({ where: { ${s.name}: { [Op.iLike]: \`%\${term}%\` } }, limit: 50 });
}`,
    () => `async function rawSearch${pascal(entity.plural)}(term${T(': string')}) {
  return sequelize.query(\`SELECT * FROM ${entity.table} WHERE ${s.column} ILIKE '%\${term}%'\`, {
    type: QueryTypes.SELECT,
  });
}`,
    () => `async function find${E}ByReplacements(value${T(': string')}) {
  const rows = await sequelize.query('SELECT * FROM ${entity.table} WHERE ${s.column} = :value LIMIT 1', {
    replacements: { value },
    type: QueryTypes.SELECT,
  });
  return rows[0] ?? null;
}`,
    () => `async function update${E}(id${T(': number')}, changes${T(': Record<string, unknown>')}) {
  return sequelize.transaction(async (transaction) => {
    const row = await ${E}.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new Error('not found');
    await row.update(changes, { transaction });
${indent(txSideEffect(r, src, 'row'), 4)}
    return row;
  });
}`,
    () => `async function bulkImport(rows${T(': Array<Record<string, unknown>>')}) {
  const t = await sequelize.transaction();
  try {
    await ${E}.bulkCreate(rows, { transaction: t, validate: true });
    await t.commit();
  } catch (error) {
    await t.rollback();
    throw error;
  }
}`,
    () => `async function orderedBy(column${T(': string')}, direction${T(": 'ASC' | 'DESC'")} = 'ASC') {
  return sequelize.query(\`SELECT id, ${s.column} FROM ${entity.table} ORDER BY \${column} \${direction}\`, { type: QueryTypes.SELECT });
}`,
    () => `async function destroy${E}(id${T(': number')}) {
  return ${E}.destroy({ where: { id } });
}`,
  ];
  const names = [];
  const body = unitsUntil(r, fns, app.target(), 9);
  for (const text of body) {
    const name = /function (\w+)/.exec(text)[1];
    names.push(name);
    src.exp(name, text);
  }
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/services/${kebab(E)}.service.${ext}`, content: src.render() };
}

/** sequelize-cli / umzug migration: `module.exports = { up, down }`, or an umzug `export const up`. */
export function sequelizeMigration(r, app, entities, index, lang, mod) {
  const src = new Source(r, lang, mod);
  const targets = migrationTargets(r, entities, index);
  const e = targets[0];
  const stamp = new Date(app.clock + index * 86_400_000).toISOString().replace(/\D/g, '').slice(0, 14);
  const generic = r.chance(0.1);
  const name = generic ? r.pick(['migration', 'update', 'changes']) : targets.length > 2 ? 'initial-schema' : r.pick([`create-${kebab(e.name)}`, `add-${kebab(e.fields[0].name)}-to-${e.table}`, `add-index-${e.table}`]);
  const upBody = targets
    .map((t) => {
      const cols = t.fields.map((f) => `${f.column}: { type: Sequelize.${f.type === 'enum' ? `ENUM(${f.values.map((v) => `'${v}'`).join(', ')})` : DATATYPE[f.type]}, allowNull: ${f.nullable} },`);
      const fks = t.relations
        .filter((x) => x.kind === 'm:1')
        .map((x) => `${x.name}_id: {\n  type: Sequelize.INTEGER,\n  allowNull: ${x.nullable ? 'true' : 'false'},\n  references: { model: '${x.target.table}', key: 'id' },${x.onDelete ? `\n  onDelete: '${x.onDelete}',` : ''}\n},`);
      return `await queryInterface.createTable('${t.table}', {
  id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
${indent([...cols, ...fks].join('\n'), 2)}
  created_at: { allowNull: false, type: Sequelize.DATE },
  updated_at: { allowNull: false, type: Sequelize.DATE },
});
await queryInterface.addIndex('${t.table}', ['${t.fields[0].column}']);`;
    })
    .join('\n');
  const hasDown = r.chance(0.85);
  const downBody = [...targets].reverse().map((t) => `await queryInterface.dropTable('${t.table}');`).join('\n');
  if (src.cjs) {
    src.add(`/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
${indent(upBody, 4)}
  },${hasDown ? `\n\n  async down(queryInterface, Sequelize) {\n${indent(downBody, 4)}\n  },` : ''}
};`);
  } else {
    src.named('sequelize', 'DataTypes');
    if (src.ts) src.types('umzug', 'MigrationFn');
    if (src.ts) src.types('sequelize', 'QueryInterface');
    const sig = src.ts ? `: MigrationFn<QueryInterface>` : '';
    src.add(`const Sequelize = DataTypes;`);
    src.exp('up', `const up${sig} = async ({ context: queryInterface }) => {\n${indent(upBody, 2)}\n};`);
    if (hasDown) src.exp('down', `const down${sig} = async ({ context: queryInterface }) => {\n${indent(downBody, 2)}\n};`);
  }
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `migrations/${stamp}-${name}.${ext}`, content: src.render() };
}

export function sequelizeDb(r, app, lang, mod) {
  const src = new Source(r, lang, mod);
  src.named('sequelize', 'Sequelize');
  src.exp('sequelize', `const sequelize = new Sequelize(process.env.DATABASE_URL${src.ts ? ' as string' : ''}, {
  dialect: '${r.pick(['postgres', 'mysql', 'postgres', 'mariadb'])}',
  logging: process.env.SQL_LOG === '1' ? console.log : false,
  pool: { max: ${r.int(5, 30)}, min: 0, acquire: 30000, idle: 10000 },
  define: { underscored: true },
});`);
  const ext = src.ts ? 'ts' : app.mjs ? 'mjs' : 'js';
  return { path: `src/db.${ext}`, content: src.render() };
}
