/**
 * The `dbconventions` commands: `lock`, `verify`, `status`, `accept`. Each returns its output and
 * exit code instead of printing, so it is testable and the entry point stays a thin shell.
 *
 * Exit codes: 0 all good; 1 problems found (`verify`), or `lock` met an edited migration; 2 the
 * command could not run (bad arguments, an unreadable manifest, git unavailable). An unreadable
 * manifest is never written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrationConventions } from '../knowledge/migrations';
import { GitUnavailable, filesAtRef, readBlobs, resolveGitRef } from '../analysis/migrations/git';
import { ManifestError, comparePaths, parseManifest, writeManifest, MANIFEST_FILE, type Manifest, type ManifestEntry } from '../analysis/migrations/manifest';
import { saysWhy } from '../analysis/migrations/reasons';
import { defaultCliFolders, isMigrationCandidate } from '../analysis/migrations/files-on-disk';
import { hashMigration, type HashMode } from '../analysis/migrations/hash';
import { tokenizeSql } from '../analysis/migrations/lexer';
import { compareOrder, judgeName, type NameOptions } from '../analysis/migrations/name';
import { classifyRefFiles, discoverMigrations, toPosix, type DiscoveredMigration } from './discover';

export interface CommandResult {
  readonly code: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommonOptions {
  /** The working directory: relative paths in arguments are resolved from it. */
  readonly cwd: string;
  readonly manifest?: string;
  /** The project root to search for migrations (default: the manifest's folder). */
  readonly root?: string;
  readonly folders?: readonly string[];
  readonly json?: boolean;
}

export class UsageError extends Error {}

const marker = new RegExp(migrationConventions.irreversibleMarker, 'i');

interface Context {
  readonly manifestFile: string;
  readonly root: string;
  readonly folders: readonly string[];
  /** Path relative to the manifest's folder (the key) of a path relative to the root. */
  key(relativeToRoot: string): string;
  display(key: string): string;
}

function contextFor(options: CommonOptions): Context {
  const manifestFile = path.resolve(options.cwd, options.manifest ?? MANIFEST_FILE);
  const root = path.resolve(options.cwd, options.root ?? path.dirname(manifestFile));
  const base = path.dirname(manifestFile);
  const folders = options.folders?.length ? options.folders : defaultCliFolders;
  return {
    manifestFile,
    root,
    folders,
    key: (relative) => toPosix(path.relative(base, path.join(root, relative))),
    display: (key) => toPosix(path.relative(options.cwd, path.join(base, key))) || key,
  };
}

/** The manifest, or undefined when there is none. Throws ManifestError when it cannot be trusted. */
function loadManifest(file: string): Manifest | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ManifestError(file, undefined, `cannot be read (${(error as Error).message})`);
  }
  return parseManifest(text, file);
}

function short(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}

function result(code: CommandResult['code'], stdout: string[], stderr: string[] = []): CommandResult {
  return { code, stdout: stdout.length ? `${stdout.join('\n')}\n` : '', stderr: stderr.length ? `${stderr.join('\n')}\n` : '' };
}

function manifestFailure(error: ManifestError, cwd: string): CommandResult {
  const where = toPosix(path.relative(cwd, error.file)) || error.file;
  return result(2, [], [
    `dbconventions: the migrations manifest ${where}${error.line === undefined ? '' : `:${error.line}`} is corrupt: ${error.problem}.`,
    'Nothing was changed. Fix the line (or restore the file from version control: `git checkout -- <manifest>`), then run the command again.',
  ]);
}

function withManifestErrors(options: CommonOptions, run: () => CommandResult): CommandResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof ManifestError) return manifestFailure(error, options.cwd);
    if (error instanceof GitUnavailable) return result(2, [], [`dbconventions: ${error.reason}.`]);
    if (error instanceof UsageError) return result(2, [], [`dbconventions: ${error.message}`]);
    throw error;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// ------------------------------------------------------------------------------------------------ lock

export interface LockOptions extends CommonOptions {
  /** Files to record (paths relative to `cwd`); all migrations when empty. */
  readonly files: readonly string[];
  readonly hash?: HashMode;
}

export function lock(options: LockOptions): CommandResult {
  return withManifestErrors(options, () => {
    const context = contextFor(options);
    const existing = loadManifest(context.manifestFile);
    if (existing && options.hash && options.hash !== existing.hash) {
      throw new UsageError(
        `the manifest records "${existing.hash}" hashes; it cannot switch to "${options.hash}" without re-recording every migration. Keep "${existing.hash}", or start a new manifest after reviewing that no applied migration was edited.`,
      );
    }
    const mode = existing?.hash ?? options.hash ?? 'tokens';
    const entries = new Map<string, ManifestEntry>(existing?.entries ?? []);

    let targets: { key: string; absolute: string; text: string }[];
    if (options.files.length > 0) {
      targets = options.files.map((file) => {
        const absolute = path.resolve(options.cwd, file);
        let text: string;
        try {
          text = fs.readFileSync(absolute, 'utf8');
        } catch {
          throw new UsageError(`${file}: no such file. Nothing was recorded.`);
        }
        return { key: toPosix(path.relative(path.dirname(context.manifestFile), absolute)), absolute, text };
      });
    } else {
      targets = discoverMigrations(context.root, context.folders).map((migration) => ({
        key: context.key(migration.path),
        absolute: path.join(context.root, migration.path),
        text: migration.text,
      }));
    }

    const added: string[] = [];
    const unchanged: string[] = [];
    const conflicts: string[] = [];
    for (const target of targets) {
      const hash = hashMigration(target.text, target.absolute, mode);
      const entry = entries.get(target.key);
      if (!entry) {
        entries.set(target.key, { path: target.key, hash });
        added.push(target.key);
      } else if (entry.deleted) {
        conflicts.push(`${context.display(target.key)}: recorded as deleted ("${entry.deleted.reason}"), yet it is here. Remove it, or give it a new name if it is a new migration.`);
      } else if (entry.hash === hash) {
        unchanged.push(target.key);
      } else {
        conflicts.push(
          `${context.display(target.key)}: edited since it was recorded (recorded ${short(entry.hash)}, now ${short(hash)}). Not re-recorded: revert the edit and write a new migration, or accept it with \`dbconventions accept ${context.display(target.key)} --reason "…"\`.`,
        );
      }
    }
    const targetKeys = new Set(targets.map((target) => target.key));
    const missing = [...entries.values()]
      .filter((entry) => !entry.deleted && !targetKeys.has(entry.path) && !fs.existsSync(path.join(path.dirname(context.manifestFile), entry.path)))
      .map((entry) => entry.path)
      .sort(comparePaths);

    const stdout: string[] = [];
    const stderr: string[] = [];
    if (added.length > 0 || !existing) writeManifest(context.manifestFile, { hash: mode, entries });
    const where = toPosix(path.relative(options.cwd, context.manifestFile)) || MANIFEST_FILE;
    if (added.length > 0) {
      stdout.push(`Recorded ${plural(added.length, 'migration')} as applied in ${where}:`);
      for (const key of added.sort(comparePaths)) stdout.push(`  + ${context.display(key)}`);
    } else {
      stdout.push(`Nothing new to record in ${where}${existing ? '' : ' (created it)'}.`);
    }
    if (unchanged.length > 0) stdout.push(`${plural(unchanged.length, 'migration')} already recorded, unchanged.`);
    for (const key of missing) {
      stderr.push(
        `warning: ${context.display(key)} is recorded but missing. Its entry is kept; if it was deleted or renamed on purpose, record why with \`dbconventions accept ${context.display(key)} --reason "…"\`.`,
      );
    }
    for (const conflict of conflicts) stderr.push(`error: ${conflict}`);
    return result(conflicts.length > 0 ? 1 : 0, stdout, stderr);
  });
}

// ------------------------------------------------------------------------------------------------ verify

export type FindingKind = 'edited' | 'deleted' | 'renamed' | 'out-of-order' | 'name' | 'missing-down';

export interface Finding {
  readonly kind: FindingKind;
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly [detail: string]: unknown;
}

export interface VerifyOptions extends CommonOptions {
  readonly gitRef?: string;
  /** Hash mode for the git-ref source. */
  readonly hash?: HashMode;
  readonly allowOutOfOrder?: boolean;
  readonly names?: NameOptions;
}

interface Recorded {
  /** Manifest keys (or ref paths, as keys) → entry. */
  readonly entries: ReadonlyMap<string, ManifestEntry>;
  readonly mode: HashMode;
  readonly source: { readonly kind: 'manifest'; readonly path: string } | { readonly kind: 'git'; readonly ref: string; readonly commit: string } | { readonly kind: 'none'; readonly path: string };
  /** Classified migrations at the ref (git source), for ordering. */
  readonly names?: ReadonlyMap<string, DiscoveredMigration>;
}

function recordedFromGit(context: Context, ref: string, mode: HashMode): Recorded {
  const resolved = resolveGitRef(fs.realpathSync(context.root), ref);
  const realRoot = fs.realpathSync(context.root);
  const prefix = toPosix(path.relative(resolved.top, realRoot));
  const tree = filesAtRef(resolved);
  const oids = new Map<string, string>();
  for (const [topRelative, oid] of tree) {
    if (prefix && !topRelative.startsWith(`${prefix}/`)) continue;
    oids.set(prefix ? topRelative.slice(prefix.length + 1) : topRelative, oid);
  }
  const paths = new Set(oids.keys());
  const probe = { exists: (relative: string) => paths.has(relative) };
  const wanted = [...paths].filter((relative) => isMigrationCandidate(relative, context.folders, probe));
  const texts = readBlobs(resolved.top, wanted.map((relative) => oids.get(relative)!));
  const migrations = classifyRefFiles(new Set(wanted), (relative) => texts.get(oids.get(relative)!), context.folders);
  const entries = new Map<string, ManifestEntry>();
  const names = new Map<string, DiscoveredMigration>();
  for (const migration of migrations) {
    const key = context.key(migration.path);
    entries.set(key, { path: key, hash: hashMigration(migration.text, migration.path, mode) });
    names.set(key, migration);
  }
  return { entries, mode, source: { kind: 'git', ref, commit: resolved.commit }, names };
}

function sqlChecks(migration: DiscoveredMigration, all: ReadonlyMap<string, DiscoveredMigration>, context: Context, names: NameOptions | undefined): Finding[] {
  const findings: Finding[] = [];
  const key = context.key(migration.path);
  const shown = context.display(key);
  const tool = migration.tool;
  if (migration.pair?.role !== 'down') {
    const verdict = judgeName(migration.name, names, tool, migration.text);
    if (verdict.kind !== 'ok') {
      const what =
        verdict.kind === 'empty'
          ? 'is only a timestamp or sequence: nothing says what it does'
          : verdict.kind === 'generic'
            ? 'says nothing about what it does: every word in it is generic'
            : verdict.kind === 'generated'
              ? `is ${verdict.description}: it says nothing about what it does. ${verdict.hint}`
              : `matches the disallowed name pattern ${verdict.pattern}`;
      findings.push({ kind: 'name', path: shown, severity: 'error', name: migration.name.base, message: `the name \`${migration.name.base}\` ${what}. Name it for the change it makes (add_orders_table) before it is applied.` });
    }
  }
  const sql = tool?.sql;
  if (!sql?.hasDown) return findings;
  const documented = (text: string): boolean => {
    const comments = text.match(/--[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
    return comments.some((comment) => marker.test(comment) && saysWhy(comment, marker));
  };
  if (sql.layout === 'pair' && migration.pair?.role === 'up') {
    const partnerKey = context.key(migration.pair.partner);
    const partner = all.get(partnerKey);
    if (!partner) {
      if (!documented(migration.text)) {
        findings.push({ kind: 'missing-down', path: shown, severity: 'error', message: `has no down migration: ${context.display(partnerKey)} does not exist. Write it (undo the up migration in reverse order), or, if it cannot be undone, say why in a comment such as \`-- Irreversible: <why>\`.` });
      }
    } else if (tokenizeSql(partner.text).length === 0 && !documented(partner.text) && !documented(migration.text)) {
      findings.push({ kind: 'missing-down', path: shown, severity: 'error', message: `its down migration ${context.display(partnerKey)} does nothing (no SQL in it). Make it undo the up migration, or say why it cannot in a comment such as \`-- Irreversible: <why>\`.` });
    }
  } else if (sql.layout === 'sections' && sql.sections) {
    const downAt = new RegExp(sql.sections.down, 'im').exec(migration.text);
    const downText = downAt ? migration.text.slice(downAt.index + downAt[0].length) : '';
    if (tokenizeSql(downText).length === 0 && !documented(migration.text)) {
      findings.push({ kind: 'missing-down', path: shown, severity: 'error', message: `${downAt ? 'its `-- Down Migration` section is empty' : 'has no `-- Down Migration` section'}. Write SQL that undoes the up section, or say why it cannot be undone in a comment such as \`-- Irreversible: <why>\`.` });
    }
  }
  return findings;
}

const KIND_ORDER: readonly FindingKind[] = ['edited', 'deleted', 'renamed', 'out-of-order', 'name', 'missing-down'];

interface Analysis {
  readonly context: Context;
  readonly recorded: Recorded;
  readonly current: ReadonlyMap<string, DiscoveredMigration & { readonly hash: string }>;
  readonly findings: Finding[];
  /** Keys of recorded entries by state. */
  readonly states: Map<string, 'applied' | 'edited' | 'deleted' | 'deleted-accepted' | 'renamed' | 'repeatable' | 'new'>;
}

function analyse(options: VerifyOptions): Analysis {
  const context = contextFor(options);
  let recorded: Recorded;
  if (options.gitRef) {
    recorded = recordedFromGit(context, options.gitRef, options.hash ?? 'tokens');
  } else {
    const manifest = loadManifest(context.manifestFile);
    const where = toPosix(path.relative(options.cwd, context.manifestFile)) || MANIFEST_FILE;
    recorded = manifest
      ? { entries: manifest.entries, mode: manifest.hash, source: { kind: 'manifest', path: where } }
      : { entries: new Map(), mode: 'tokens', source: { kind: 'none', path: where } };
  }
  const current = new Map<string, DiscoveredMigration & { hash: string }>();
  for (const migration of discoverMigrations(context.root, context.folders)) {
    current.set(context.key(migration.path), { ...migration, hash: hashMigration(migration.text, migration.path, recorded.mode) });
  }
  const base = path.dirname(context.manifestFile);
  // A recorded file the discovery does not see (locked by name, outside the folders) is still checked.
  for (const entry of recorded.entries.values()) {
    if (current.has(entry.path) || entry.deleted || recorded.source.kind === 'git') continue;
    const absolute = path.join(base, entry.path);
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch {
      continue;
    }
    const relative = toPosix(path.relative(context.root, absolute));
    current.set(entry.path, {
      path: relative,
      kind: absolute.endsWith('.sql') ? 'sql' : 'script',
      tool: undefined,
      name: { base: path.basename(absolute), scheme: undefined, order: undefined, meaning: '', words: [] },
      group: toPosix(path.dirname(relative)),
      text,
      hash: hashMigration(text, absolute, recorded.mode),
    });
  }

  const findings: Finding[] = [];
  const states: Analysis['states'] = new Map();
  const missing: ManifestEntry[] = [];
  for (const entry of recorded.entries.values()) {
    const now = current.get(entry.path);
    if (entry.deleted) {
      states.set(entry.path, 'deleted-accepted');
      continue;
    }
    if (!now) {
      missing.push(entry);
      continue;
    }
    if (now.name.scheme?.repeatable) {
      states.set(entry.path, 'repeatable');
      continue;
    }
    if (now.hash === entry.hash) {
      states.set(entry.path, 'applied');
      continue;
    }
    states.set(entry.path, 'edited');
    const shown = context.display(entry.path);
    findings.push({
      kind: 'edited',
      path: shown,
      severity: 'error',
      recorded: entry.hash,
      current: now.hash,
      message:
        recorded.source.kind === 'git'
          ? `was applied (it is on ${options.gitRef}) and has been edited since. Revert the edit and write a new migration that makes the correction.`
          : `was applied and has been edited since it was recorded (recorded ${short(entry.hash)}, now ${short(now.hash)}). Revert the edit and write a new migration that makes the correction; if the edit is deliberate and changes nothing any database needs, run \`dbconventions accept ${shown} --reason "…"\`.`,
    });
  }
  const unrecorded = [...current.keys()].filter((key) => !recorded.entries.has(key));
  const claimed = new Set<string>();
  for (const entry of missing) {
    const shown = context.display(entry.path);
    const twin = unrecorded.find((key) => !claimed.has(key) && current.get(key)!.hash === entry.hash);
    if (twin) {
      claimed.add(twin);
      states.set(entry.path, 'renamed');
      findings.push({
        kind: 'renamed',
        path: shown,
        severity: 'error',
        to: context.display(twin),
        message: `was applied and has been renamed to ${context.display(twin)}: the migration tool will see a new migration and run it again. Rename it back; if the rename is deliberate, run \`dbconventions accept ${context.display(twin)} --reason "…"\`.`,
      });
    } else {
      states.set(entry.path, 'deleted');
      findings.push({
        kind: 'deleted',
        path: shown,
        severity: 'error',
        message: `was applied and has been deleted: databases that ran it keep its changes, and new environments will not get them. Restore it; if the deletion is deliberate (squashed migrations, say), run \`dbconventions accept ${shown} --reason "…"\`.`,
      });
    }
  }

  // New migrations: ordering against the applied ones of the same folder, and SQL conventions.
  const recordedInfo = (key: string): DiscoveredMigration | undefined => recorded.names?.get(key) ?? current.get(key);
  for (const key of unrecorded) {
    if (claimed.has(key)) continue;
    const migration = current.get(key)!;
    states.set(key, 'new');
    if (migration.pair?.role === 'down') continue;
    let newest: DiscoveredMigration | undefined;
    for (const entryKey of recorded.entries.keys()) {
      const applied = recordedInfo(entryKey);
      if (!applied || recorded.entries.get(entryKey)!.deleted || applied.group !== migration.group || applied.pair?.role === 'down') continue;
      const order = compareOrder(migration.name, applied.name);
      if (order !== undefined && order < 0 && (!newest || (compareOrder(applied.name, newest.name) ?? 0) > 0)) newest = applied;
    }
    if (newest) {
      findings.push({
        kind: 'out-of-order',
        path: context.display(key),
        severity: options.allowOutOfOrder ? 'warning' : 'error',
        newest: context.display(context.key(newest.path)),
        message: `is new, but sorts before ${context.display(context.key(newest.path))}, which is already applied: most tools will skip it or refuse to run (often it comes from a long-lived branch). Give it a new timestamp or sequence number, after the newest applied migration, before it is applied.`,
      });
    }
    if (migration.kind === 'sql') findings.push(...sqlChecks(migration, current, context, options.names));
  }
  findings.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || comparePaths(a.path, b.path));
  return { context, recorded, current, findings, states };
}

function sourceLabel(recorded: Recorded): string {
  switch (recorded.source.kind) {
    case 'manifest':
      return recorded.source.path;
    case 'git':
      return `git ref ${recorded.source.ref} (${recorded.source.commit.slice(0, 12)})`;
    default:
      return `${recorded.source.path} (not found: nothing is recorded yet; run \`dbconventions lock\` where migrations are applied)`;
  }
}

export function verify(options: VerifyOptions): CommandResult {
  return withManifestErrors(options, () => {
    const { recorded, current, findings, states } = analyse(options);
    const errors = findings.filter((finding) => finding.severity === 'error');
    const recordedCount = [...recorded.entries.values()].filter((entry) => !entry.deleted).length;
    const newCount = [...states.values()].filter((state) => state === 'new').length;
    if (options.json) {
      const report = {
        ok: errors.length === 0,
        source:
          recorded.source.kind === 'git'
            ? { kind: 'git', ref: recorded.source.ref, commit: recorded.source.commit }
            : { kind: 'manifest', path: recorded.source.path, found: recorded.source.kind === 'manifest' },
        hash: recorded.mode,
        counts: { recorded: recordedCount, current: current.size, new: newCount, errors: errors.length, warnings: findings.length - errors.length },
        findings,
      };
      return result(errors.length > 0 ? 1 : 0, [JSON.stringify(report, null, 2)]);
    }
    const lines: string[] = [];
    lines.push(
      `dbconventions verify: ${plural(recordedCount, 'applied migration')} in ${sourceLabel(recorded)}, ${plural(current.size, 'migration')} on disk, ${newCount} new.`,
    );
    for (const finding of findings) lines.push(`  ${finding.severity === 'error' ? 'error  ' : 'warning'} ${finding.kind.padEnd(13)} ${finding.path} ${finding.message}`);
    lines.push(errors.length === 0 ? (findings.length ? 'OK (with warnings).' : 'OK.') : `${plural(errors.length, 'problem')}.`);
    return result(errors.length > 0 ? 1 : 0, lines);
  });
}

// ------------------------------------------------------------------------------------------------ status

export function status(options: VerifyOptions): CommandResult {
  return withManifestErrors(options, () => {
    const { context, recorded, states, findings } = analyse(options);
    const renamedTo = new Map(findings.filter((finding) => finding.kind === 'renamed').map((finding) => [finding.path, String(finding.to)]));
    const rows = [...states.entries()]
      .map(([key, state]) => ({ key, path: context.display(key), state, entry: recorded.entries.get(key) }))
      .sort((a, b) => comparePaths(a.path, b.path));
    if (options.json) {
      const migrations = rows.map(({ path: shown, state, entry }) => ({
        path: shown,
        state,
        ...(entry ? { hash: entry.hash } : {}),
        ...(renamedTo.has(shown) ? { renamedTo: renamedTo.get(shown) } : {}),
        ...(entry?.accepted?.length ? { accepted: entry.accepted } : {}),
        ...(entry?.renamed?.length ? { renamed: entry.renamed } : {}),
        ...(entry?.deleted ? { deleted: entry.deleted } : {}),
      }));
      return result(0, [JSON.stringify({ source: sourceLabel(recorded), hash: recorded.mode, migrations }, null, 2)]);
    }
    const lines = [`${sourceLabel(recorded)} (${recorded.mode} hashes):`];
    const width = Math.max(...rows.map((row) => row.state.length), 7);
    for (const { path: shown, state, entry } of rows) {
      const notes: string[] = [];
      if (renamedTo.has(shown)) notes.push(`now ${renamedTo.get(shown)}`);
      if (entry?.accepted?.length) notes.push(`accepted: ${entry.accepted.map((item) => `"${item.reason}"`).join(', ')}`);
      if (entry?.renamed?.length) notes.push(`renamed from ${entry.renamed.map((item) => `${item.from} ("${item.reason}")`).join(', ')}`);
      if (entry?.deleted) notes.push(`"${entry.deleted.reason}"`);
      lines.push(`  ${state.padEnd(width)}  ${shown}${entry ? `  ${short(entry.hash)}` : ''}${notes.length ? `  ${notes.join('; ')}` : ''}`);
    }
    if (rows.length === 0) lines.push('  (no migrations)');
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
    lines.push([...counts].sort(([a], [b]) => comparePaths(a, b)).map(([state, count]) => `${count} ${state}`).join(', ') || '0 migrations');
    return result(0, lines);
  });
}

// ------------------------------------------------------------------------------------------------ accept

export interface AcceptOptions extends CommonOptions {
  readonly file: string;
  readonly reason: string;
  /** For a rename with edits: the recorded path the file was renamed from. */
  readonly renamedFrom?: string;
}

export function accept(options: AcceptOptions): CommandResult {
  return withManifestErrors(options, () => {
    const context = contextFor(options);
    const reason = options.reason.trim();
    if (!reason) throw new UsageError('accept needs a reason: `--reason "why this change to an applied migration is safe"`. It is recorded in the manifest for review.');
    const manifest = loadManifest(context.manifestFile);
    if (!manifest) throw new UsageError(`no manifest at ${context.display(MANIFEST_FILE)}: nothing is recorded, so there is nothing to accept. \`dbconventions lock\` records migrations.`);
    const base = path.dirname(context.manifestFile);
    const absolute = path.resolve(options.cwd, options.file);
    const key = toPosix(path.relative(base, absolute));
    const shown = context.display(key);
    const entries = new Map(manifest.entries);
    const entry = entries.get(key);
    const exists = fs.existsSync(absolute);
    const save = (message: string): CommandResult => {
      writeManifest(context.manifestFile, { hash: manifest.hash, entries });
      return result(0, [message]);
    };
    if (!exists) {
      if (!entry) throw new UsageError(`${shown} is neither on disk nor recorded: nothing to accept.`);
      if (entry.deleted) throw new UsageError(`${shown} is already recorded as deleted ("${entry.deleted.reason}").`);
      entries.set(key, { ...entry, deleted: { reason } });
      return save(`Recorded the deletion of ${shown}: "${reason}".`);
    }
    const hash = hashMigration(fs.readFileSync(absolute, 'utf8'), absolute, manifest.hash);
    if (entry) {
      if (entry.deleted) throw new UsageError(`${shown} is recorded as deleted ("${entry.deleted.reason}"); a file by that name should not come back. Give a new migration a new name.`);
      if (entry.hash === hash) throw new UsageError(`${shown} matches its record: nothing to accept.`);
      entries.set(key, { ...entry, hash, accepted: [...(entry.accepted ?? []), { from: entry.hash, to: hash, reason }] });
      return save(`Accepted the edit of ${shown} (${short(entry.hash)} → ${short(hash)}): "${reason}".`);
    }
    // Not recorded under this name: a rename of a recorded migration whose file is gone.
    const gone = [...entries.values()].filter((candidate) => !candidate.deleted && !fs.existsSync(path.join(base, candidate.path)));
    let from: ManifestEntry | undefined;
    if (options.renamedFrom) {
      const fromKey = toPosix(path.relative(base, path.resolve(options.cwd, options.renamedFrom)));
      from = gone.find((candidate) => candidate.path === fromKey);
      if (!from) throw new UsageError(`${context.display(fromKey)} is not a recorded migration whose file is gone: cannot record a rename from it.`);
    } else {
      const twins = gone.filter((candidate) => candidate.hash === hash);
      if (twins.length > 1) throw new UsageError(`${shown} has the content of several recorded migrations that are gone (${twins.map((twin) => context.display(twin.path)).join(', ')}): say which with --renamed-from.`);
      from = twins[0];
      if (!from) {
        throw new UsageError(
          `${shown} is not recorded, and no recorded migration that is gone has its content: there is nothing to accept. A new migration is recorded by \`dbconventions lock\`; a renamed and edited one needs --renamed-from <old path>.`,
        );
      }
    }
    entries.delete(from.path);
    const accepted = from.hash === hash ? from.accepted ?? [] : [...(from.accepted ?? []), { from: from.hash, to: hash, reason }];
    entries.set(key, {
      path: key,
      hash,
      ...(accepted.length ? { accepted } : {}),
      renamed: [...(from.renamed ?? []), { from: from.path, reason }],
    });
    return save(`Recorded the rename of ${context.display(from.path)} to ${shown}: "${reason}".`);
  });
}
