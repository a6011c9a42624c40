// Growing a file to its length target with the code that sits around database calls in real
// back ends: DTO mappers, input validation, sort parsing, permission checks, cache keys, event
// payloads, CSV rows, test factories. Import-free, named per entity so names never collide.
import { tsType } from './domain.mjs';
import { lineCount, snake } from './random.mjs';

function units(r, e, ts, exp) {
  const T = (s) => (ts ? s : '');
  const E = e.name;
  const v = e.var;
  const F = e.fields;
  const str = F.filter((f) => f.type === 'string');
  const en = F.find((f) => f.type === 'enum');
  const list = [];
  if (ts) {
    list.push(() => `${exp}interface ${E}Dto {\n  id: ${e.uuid ? 'string' : 'number'};\n${F.map((f) => `  ${f.name}${f.nullable ? '?' : ''}: ${tsType(f)}${f.nullable ? ' | null' : ''};`).join('\n')}\n  createdAt: string;\n}`);
  }
  list.push(
    () => `${exp}function to${E}Dto(row${T(': any')})${T(`: ${E}Dto`)} {\n  return {\n    id: row.id,\n${F.map((f) => `    ${f.name}: row.${f.name} ?? row.${f.column}${f.nullable ? ' ?? null' : ''},`).join('\n')}\n    createdAt: new Date(row.createdAt ?? row.created_at).toISOString(),\n  };\n}`,
    () => {
      const checks = F.map((f) => {
        if (f.type === 'string' || f.type === 'text')
          return `  if (${f.nullable ? `data.${f.name} !== undefined && ` : ''}(typeof data.${f.name} !== 'string'${f.length ? ` || data.${f.name}.length > ${f.length}` : ''})) {\n    errors.push('${f.name} must be a string${f.length ? ` of at most ${f.length} characters` : ''}');\n  }`;
        if (f.type === 'int' || f.type === 'decimal') return `  if (${f.nullable ? `data.${f.name} != null && ` : ''}!Number.isFinite(Number(data.${f.name}))) {\n    errors.push('${f.name} must be a number');\n  }`;
        if (f.type === 'bool') return `  if (data.${f.name} !== undefined && typeof data.${f.name} !== 'boolean') errors.push('${f.name} must be a boolean');`;
        if (f.type === 'enum') return `  if (!${JSON.stringify(f.values).replace(/"/g, "'")}.includes(String(data.${f.name}))) errors.push('${f.name} is not a known value');`;
        if (f.type === 'date') return `  if (data.${f.name} !== undefined && Number.isNaN(Date.parse(String(data.${f.name})))) errors.push('${f.name} must be a date');`;
        return `  // ${f.name}: free-form ${f.type}`;
      });
      return `${exp}function validate${E}Input(input${T(': unknown')})${T(': { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] }')} {\n  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['body must be an object'] };\n  const data = input${T(' as Record<string, any>')};\n  const errors${T(': string[]')} = [];\n${checks.join('\n')}\n  return errors.length ? { ok: false, errors } : { ok: true, value: data };\n}`;
    },
    () => `${exp}const ${snake(E).toUpperCase()}_SORTABLE = ['created_at', ${F.slice(0, 3).map((f) => `'${f.column}'`).join(', ')}]${T(' as const')};\n\n${exp}function parse${E}Sort(input${T('?: string')})${T(": { column: string; direction: 'ASC' | 'DESC' }")} {\n  const [raw = 'created_at', dir = 'desc'] = String(input ?? '').split(':');\n  const column = (${snake(E).toUpperCase()}_SORTABLE${T(' as readonly string[]')}).includes(raw) ? raw : 'created_at';\n  return { column, direction: dir.toLowerCase() === 'asc' ? 'ASC' : 'DESC' };\n}`,
    () => `${exp}function canEdit${E}(user${T(': { id: number; roles: string[] }')}, record${T(': { ownerId?: number | null }')})${T(': boolean')} {\n  if (user.roles.includes('admin')) return true;\n  if (user.roles.includes('${snake(E)}:write')) return true;\n  return record.ownerId != null && record.ownerId === user.id;\n}`,
    () => `${exp}const ${v}CacheKeys = {\n  byId: (id${T(': number | string')}) => \`${e.table}:\${id}\`,\n  list: (page${T(': number')}, limit${T(': number')}) => \`${e.table}:list:\${page}:\${limit}\`,\n  count: () => '${e.table}:count',\n};`,
    () => `${exp}function ${v}ChangedEvent(before${T(': Record<string, unknown>')}, after${T(': Record<string, unknown>')}) {\n  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));\n  return {\n    type: '${e.table}.changed',\n    id: after.id,\n    changed,\n    at: new Date().toISOString(),\n  };\n}`,
    () => `${exp}function ${v}ToCsvRow(row${T(': Record<string, unknown>')})${T(': string')} {\n  const cell = (value${T(': unknown')}) => {\n    const text = value == null ? '' : String(value);\n    return /[",\\n]/.test(text) ? \`"\${text.replace(/"/g, '""')}"\` : text;\n  };\n  return [row.id, ${F.slice(0, 4).map((f) => `row.${f.name}`).join(', ')}].map(cell).join(',');\n}`,
    () => `${exp}function compare${E}s(a${T(': any')}, b${T(': any')})${T(': number')} {\n${str.length ? `  const byName = String(a.${str[0].name} ?? '').localeCompare(String(b.${str[0].name} ?? ''));\n  if (byName !== 0) return byName;\n` : ''}  return Number(a.id) - Number(b.id);\n}`,
    () => `${exp}function normalize${E}Input(input${T(': Record<string, any>')}) {\n  return {\n    ...input,\n${str.map((f) => `    ${f.name}: typeof input.${f.name} === 'string' ? input.${f.name}.trim()${f.name === 'email' ? '.toLowerCase()' : ''} : input.${f.name},`).join('\n') || '    // nothing to normalise'}\n  };\n}`,
    () => `${exp}function build${E}Filter(query${T(': Record<string, string | undefined>')}) {\n  const where${T(': Record<string, unknown>')} = {};\n${F.slice(0, 5).map((f) => `  if (query.${f.name} !== undefined) where.${f.name} = ${f.type === 'int' || f.type === 'decimal' ? `Number(query.${f.name})` : f.type === 'bool' ? `query.${f.name} === 'true'` : `query.${f.name}`};`).join('\n')}\n  return where;\n}`,
    () => `${exp}function make${E}(overrides${T(': Record<string, unknown>')} = {}) {\n  return {\n    id: ${e.uuid ? "'00000000-0000-4000-8000-000000000001'" : r.int(1, 999)},\n${F.map((f) => `    ${f.name}: ${f.type === 'int' ? r.int(0, 9) : f.type === 'decimal' ? `'${r.int(1, 99)}.00'` : f.type === 'bool' ? 'false' : f.type === 'date' ? "new Date('2024-01-01T00:00:00Z')" : f.type === 'json' ? '{}' : f.type === 'enum' ? `'${f.values[0]}'` : `'${f.name}-1'`},`).join('\n')}\n    createdAt: new Date('2024-01-01T00:00:00Z'),\n    ...overrides,\n  };\n}`,
    () => `${exp}function summarize${E}s(rows${T(': Array<Record<string, any>>')}) {\n  return rows.reduce(\n    (acc, row) => {\n      acc.count += 1;\n      acc.latest = !acc.latest || row.createdAt > acc.latest ? row.createdAt : acc.latest;\n${F.filter((f) => f.type === 'decimal' || f.type === 'int').slice(0, 2).map((f) => `      acc.${f.name} += Number(row.${f.name} ?? 0);`).join('\n')}\n      return acc;\n    },\n    { count: 0, latest: undefined${F.filter((f) => f.type === 'decimal' || f.type === 'int').slice(0, 2).map((f) => `, ${f.name}: 0`).join('')} }${T(' as any')},\n  );\n}`,
    () => `/**\n * A short human label for a ${v}, used in audit entries and notifications.\n */\n${exp}function ${v}Label(row${T(': Record<string, any>')})${T(': string')} {\n  ${str.length ? `return row.${str[0].name} ? \`${E} \${row.${str[0].name}}\` : \`${E} #\${row.id}\`;` : `return \`${E} #\${row.id}\`;`}\n}`,
  );
  if (en) {
    list.push(
      () => `${exp}const ${snake(E).toUpperCase()}_TRANSITIONS${T(': Record<string, string[]>')} = {\n${en.values.map((val, i) => `  ${val}: [${en.values.slice(i + 1, i + 3).map((x) => `'${x}'`).join(', ')}],`).join('\n')}\n};\n\n${exp}function canMove${E}(from${T(': string')}, to${T(': string')})${T(': boolean')} {\n  return (${snake(E).toUpperCase()}_TRANSITIONS[from] ?? []).includes(to);\n}`,
    );
  }
  return list;
}

/**
 * Append filler units to `content` until it reaches `target` lines (never past 400).
 * @param entities the file's own entity first, then the rest of the domain
 */
export function grow(r, content, { target, entities, ts, cjs }) {
  let lines = lineCount(content);
  if (lines >= target) return content;
  const exp = cjs ? '' : 'export ';
  const parts = [content.trimEnd()];
  const exported = [];
  outer: for (const e of entities) {
    for (const unit of r.shuffle(units(r, e, ts, exp))) {
      const text = unit();
      const n = lineCount(text) + 1;
      if (lines + n + (cjs ? exported.length + 2 : 0) > 400) continue;
      parts.push(text);
      lines += n;
      if (cjs) {
        const m = /^(?:\/\*\*[\s\S]*?\*\/\n)?(?:function|const) (\w+)/.exec(text);
        if (m) exported.push(m[1]);
      }
      if (lines >= target) break outer;
    }
  }
  if (cjs && exported.length) parts.push(exported.map((n) => `module.exports.${n} = ${n};`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}
