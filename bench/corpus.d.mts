// Types for bench/corpus.mjs, so TypeScript tests (tests/robustness) can import the builder.

export interface CorpusFile {
  /** Relative to CORPUS_DIR, with forward slashes: `gen/…` or `real/<package>/…`. */
  readonly path: string;
  readonly lang: 'ts' | 'js';
  readonly sourceType: 'module' | 'commonjs';
  /** `generated:<flavour>` or the npm package name. */
  readonly origin: string;
  readonly lines: number;
}

export interface CorpusManifest {
  readonly stamp: string;
  readonly seed: number;
  readonly counts: {
    readonly generated: number;
    readonly generatedTs: number;
    readonly generatedJs: number;
    readonly real: number;
    readonly realTs: number;
    readonly total: number;
    readonly ts: number;
    readonly js: number;
    readonly lines: number;
    readonly migrationManifests: number;
    /** `tsconfig.json` of generated apps that import through a `@app/*` alias. */
    readonly appTsconfigs: number;
    /** Generated multi-module apps (bench/gen/modules.mjs). */
    readonly moduleApps: number;
  };
  /** Non-code files: for rules that read side files (`migrations.manifest.jsonl`), app `tsconfig.json`s. */
  readonly dataFiles: readonly string[];
  readonly real: Readonly<Record<string, { readonly version: string; readonly files: number; readonly ts: number; readonly skipped: Readonly<Record<string, number>> }>>;
  /** Globs (relative to CORPUS_DIR) of the `.js` files that are CommonJS. */
  readonly commonjsGlobs: readonly string[];
  readonly files: readonly CorpusFile[];
}

export declare const BENCH_DIR: string;
export declare const CORPUS_DIR: string;
export declare const CACHE_DIR: string;
export declare const MANIFEST: string;
export declare const REAL_PACKAGES: ReadonlyArray<{ readonly name: string; readonly version: string; readonly skip?: RegExp }>;
export declare function readManifest(): CorpusManifest;
export declare function buildCorpus(options?: { force?: boolean; quiet?: boolean }): Promise<CorpusManifest>;
