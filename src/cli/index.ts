#!/usr/bin/env node
/**
 * `dbconventions`: the migrations manifest tool (the package's bin). See docs/cli.md.
 *
 * Never touches the network, never runs the project's code: it reads files, hashes them, and runs
 * local read-only git commands for `--git-ref`.
 */
import { HASH_MODES, type HashMode } from '../analysis/migrations/hash';
import { accept, lock, status, verify, type CommandResult } from './commands';

const USAGE = `Usage: dbconventions <command> [options]

Commands:
  lock [files…]            Record migrations as applied, with a hash of their content: every
                           migration found (default) or the files named. Never re-records an
                           edited one and never drops an entry.
  verify                   Exit 1 if an applied migration was edited, deleted or renamed, or a new
                           one sorts before the newest applied one; also checks the names and down
                           files of new SQL migrations. For CI.
  status                   Show every migration and its state (applied, edited, deleted, new…).
  accept <file> --reason <text>
                           Record a deliberate edit, rename or deletion of an applied migration,
                           with the reason, for review.

Options:
  --manifest <path>        The manifest (default: ./migrations.manifest.jsonl)
  --root <dir>             Where to look for migrations (default: the manifest's folder)
  --folders <glob>         A migrations folder glob, relative to the root; repeat for more
                           (default: **/migrations/**, **/migration/**, **/db/migrate/**, …)
  --json                   Machine-readable output (verify, status)
  --hash <tokens|exact>    lock: the hash mode of a new manifest (default tokens: formatting-only
                           changes do not count); verify --git-ref: how to compare
  --git-ref <ref>          verify, status: compare with a git ref (origin/main) instead of the manifest
  --allow-out-of-order     verify: report migrations added out of order as warnings
  --accept-generated-names verify: accept made-up names of SQL migrations (drizzle-kit's)
  --renamed-from <path>    accept: the recorded path of a migration that was renamed and edited
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 fine, 1 problems found, 2 the command could not run (bad arguments, a corrupt manifest).`;

interface Parsed {
  command: string | undefined;
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

const VALUE_OPTIONS = new Set(['manifest', 'root', 'folders', 'hash', 'git-ref', 'reason', 'renamed-from']);
const FLAG_OPTIONS = new Set(['json', 'allow-out-of-order', 'accept-generated-names', 'help', 'version']);
const SHORT: Record<string, string> = { h: 'help', v: 'version' };

class ArgumentError extends Error {}

function parse(argv: readonly string[]): Parsed {
  const parsed: Parsed = { command: undefined, positionals: [], values: new Map(), flags: new Set() };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      if (parsed.command === undefined) parsed.command = arg;
      else parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inline = equals === -1 ? undefined : arg.slice(equals + 1);
    } else {
      name = SHORT[arg.slice(1)] ?? '';
      if (!name) throw new ArgumentError(`unknown option ${arg}`);
    }
    if (FLAG_OPTIONS.has(name)) {
      if (inline !== undefined) throw new ArgumentError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ArgumentError(`--${name} needs a value`);
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
    } else {
      throw new ArgumentError(`unknown option --${name}`);
    }
  }
  return parsed;
}

function single(parsed: Parsed, name: string): string | undefined {
  const values = parsed.values.get(name);
  if (values && values.length > 1) throw new ArgumentError(`--${name} was given more than once`);
  return values?.[0];
}

function hashOption(parsed: Parsed): HashMode | undefined {
  const value = single(parsed, 'hash');
  if (value === undefined) return undefined;
  if (!(HASH_MODES as readonly string[]).includes(value)) throw new ArgumentError(`--hash must be ${HASH_MODES.join(' or ')}, not "${value}"`);
  return value as HashMode;
}

function allowOnly(parsed: Parsed, command: string, allowed: readonly string[]): void {
  for (const name of [...parsed.values.keys(), ...parsed.flags]) {
    if (!allowed.includes(name)) throw new ArgumentError(`--${name} does not apply to \`${command}\``);
  }
}

const COMMON = ['manifest', 'root', 'folders'];

/** Runs the CLI with `argv` (without `node` and the script). */
export function run(argv: readonly string[], cwd = process.cwd()): CommandResult {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
    if (parsed.flags.has('help') || parsed.command === 'help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (parsed.flags.has('version')) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { version } = require('../../package.json') as { version: string };
      return { code: 0, stdout: `${version}\n`, stderr: '' };
    }
    const common = {
      cwd,
      manifest: single(parsed, 'manifest'),
      root: single(parsed, 'root'),
      folders: parsed.values.get('folders'),
      json: parsed.flags.has('json'),
    };
    switch (parsed.command) {
      case 'lock':
        allowOnly(parsed, 'lock', [...COMMON, 'hash']);
        return lock({ ...common, files: parsed.positionals, hash: hashOption(parsed) });
      case 'verify':
        allowOnly(parsed, 'verify', [...COMMON, 'json', 'hash', 'git-ref', 'allow-out-of-order', 'accept-generated-names']);
        if (parsed.positionals.length > 0) throw new ArgumentError('verify takes no file arguments');
        return verify({
          ...common,
          gitRef: single(parsed, 'git-ref'),
          hash: hashOption(parsed),
          allowOutOfOrder: parsed.flags.has('allow-out-of-order'),
          names: { acceptGeneratedNames: parsed.flags.has('accept-generated-names') },
        });
      case 'status':
        allowOnly(parsed, 'status', [...COMMON, 'json', 'git-ref', 'hash']);
        if (parsed.positionals.length > 0) throw new ArgumentError('status takes no file arguments');
        return status({ ...common, gitRef: single(parsed, 'git-ref'), hash: hashOption(parsed) });
      case 'accept': {
        allowOnly(parsed, 'accept', [...COMMON, 'reason', 'renamed-from']);
        if (parsed.positionals.length !== 1) throw new ArgumentError('accept takes exactly one file: dbconventions accept <file> --reason "…"');
        const reason = single(parsed, 'reason');
        if (reason === undefined) throw new ArgumentError('accept needs --reason "why this change to an applied migration is safe" (it is recorded for review)');
        return accept({ ...common, file: parsed.positionals[0]!, reason, renamedFrom: single(parsed, 'renamed-from') });
      }
      case undefined:
        return { code: 2, stdout: '', stderr: `${USAGE}\n` };
      default:
        throw new ArgumentError(`unknown command "${parsed.command}"`);
    }
  } catch (error) {
    if (error instanceof ArgumentError) return { code: 2, stdout: '', stderr: `dbconventions: ${error.message}. Run \`dbconventions --help\` for usage.\n` };
    throw error;
  }
}

if (require.main === module) {
  let outcome: CommandResult;
  try {
    outcome = run(process.argv.slice(2));
  } catch (error) {
    outcome = { code: 2, stdout: '', stderr: `dbconventions: unexpected error: ${(error as Error).stack ?? String(error)}\n` };
  }
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
