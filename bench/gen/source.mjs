// A source file under construction: collects imports (rendered as ESM, CommonJS, or TypeScript's
// `import x = require()`), body blocks and exports, so one template serves TS, ESM JS and CJS JS.
import { lineCount } from './random.mjs';

export class Source {
  /**
   * @param r seeded random
   * @param lang 'ts' | 'js'
   * @param mod 'esm' | 'cjs' (TypeScript files are always written with ESM syntax)
   */
  constructor(r, lang, mod = 'esm') {
    this.r = r;
    this.lang = lang;
    this.mod = lang === 'ts' ? 'esm' : mod;
    this.ts = lang === 'ts';
    this.cjs = this.mod === 'cjs';
    this.imports = new Map();
    this.blocks = [];
    this.exported = [];
    this.header = [];
    this.bare = new Set();
    // A few TypeScript files use `import x = require('x')` for their default-style imports.
    this.importEquals = this.ts && r.chance(0.05);
  }

  /** A type annotation, or nothing in JavaScript. */
  T(text) {
    return this.ts ? text : '';
  }

  entry(module) {
    if (!this.imports.has(module)) this.imports.set(module, { def: undefined, ns: undefined, named: new Set(), types: new Set() });
    return this.imports.get(module);
  }
  named(module, ...names) {
    const e = this.entry(module);
    for (const n of names) e.named.add(n);
    return this;
  }
  /** Type-only imports: dropped in JavaScript. */
  types(module, ...names) {
    if (!this.ts) return this;
    const e = this.entry(module);
    for (const n of names) e.types.add(n);
    return this;
  }
  /** `import 'reflect-metadata'` / `require('dotenv/config')`. */
  sideEffect(module) {
    this.bare.add(module);
    return this;
  }
  def(module, name) {
    this.entry(module).def = name;
    return this;
  }
  ns(module, name) {
    this.entry(module).ns = name;
    return this;
  }

  add(text) {
    this.blocks.push(text);
    return this;
  }
  /** `export const …` / `export class …` / `export async function …` — or a CommonJS export. */
  exp(name, text) {
    if (this.cjs) {
      this.exported.push(name);
      this.blocks.push(text);
    } else {
      this.blocks.push(`export ${text}`);
    }
    return this;
  }
  /** `export default x` / `module.exports = x`. */
  expDefault(expression) {
    this.blocks.push(this.cjs ? `module.exports = ${expression};` : `export default ${expression};`);
    return this;
  }

  get lines() {
    return this.blocks.reduce((n, b) => n + lineCount(b) + 1, 0) + this.imports.size + this.header.length;
  }

  renderImports() {
    const out = [];
    for (const module of this.bare) out.push(this.cjs ? `require('${module}');` : `import '${module}';`);
    for (const [module, e] of this.imports) {
      const named = [...e.named].sort();
      const types = [...e.types].filter((t) => !e.named.has(t)).sort();
      if (this.cjs) {
        if (e.def) out.push(`const ${e.def} = require('${module}');`);
        if (e.ns) out.push(`const ${e.ns} = require('${module}');`);
        if (named.length) out.push(`const { ${named.join(', ')} } = require('${module}');`);
        continue;
      }
      if (e.ns) out.push(`import * as ${e.ns} from '${module}';`);
      if (e.def && this.importEquals && !named.length) {
        out.push(`import ${e.def} = require('${module}');`);
      } else if (e.def || named.length) {
        const parts = [];
        if (e.def) parts.push(e.def);
        if (named.length) parts.push(`{ ${named.join(', ')} }`);
        out.push(`import ${parts.join(', ')} from '${module}';`);
      }
      if (types.length) out.push(`import type { ${types.join(', ')} } from '${module}';`);
    }
    return out;
  }

  render() {
    const parts = [];
    if (this.header.length) parts.push(this.header.join('\n'));
    const imports = this.renderImports();
    if (this.cjs && this.r.chance(0.6)) parts.push("'use strict';");
    if (imports.length) parts.push(imports.join('\n'));
    parts.push(...this.blocks);
    if (this.cjs && this.exported.length) {
      parts.push(`module.exports = {\n${this.exported.map((n) => `  ${n},`).join('\n')}\n};`);
    }
    return `${parts.join('\n\n')}\n`;
  }
}

/** Doc comments and license headers that real files carry. */
export function fileHeader(r, src, subject) {
  const kind = r.int(0, 5);
  if (kind === 0) src.header.push('/*', ' * Copyright (c) Acme Corp. All rights reserved.', ' * Licensed under the MIT License.', ' */');
  else if (kind === 1) src.header.push(`/**`, ` * ${subject}`, ` *`, ` * @module ${subject.toLowerCase().replace(/\W+/g, '-')}`, ` */`);
  else if (kind === 2) src.header.push(`// ${subject}`);
}
