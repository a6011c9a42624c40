/**
 * Naming schemes shared by several migration tools, as plain data: which part of a name carries
 * order (a timestamp, a sequence, a version) and which part meaning. A tool's file lists the
 * schemes it uses, most specific first; `genericSchemes` is the order tried for a file whose tool
 * is unknown.
 *
 * `(?!\d)` after a run of digits keeps a 14-digit date-time from being read as a 13-digit epoch
 * followed by a name that starts with a digit.
 */
import type { NameSchemeSpec } from '../types-migrations';

/** `1700000000000-AddOrders` (TypeORM, node-pg-migrate's default, kysely-ctl): `Date.now()`. */
export const epochMs = {
  id: 'epoch-ms',
  pattern: '^(?<order>\\d{13})(?!\\d)[-_.]?(?<name>.*)$',
  orderKind: 'epoch-ms',
  example: '1700000000000-AddOrders',
} as const satisfies NameSchemeSpec;

/** `1700000000_add_orders` (drizzle-kit's `unix` prefix, golang-migrate's `-format unix`): seconds. */
export const epochS = {
  id: 'epoch-s',
  pattern: '^(?<order>\\d{10})(?!\\d)[-_.]?(?<name>.*)$',
  orderKind: 'epoch-s',
  example: '1700000000_add_orders',
} as const satisfies NameSchemeSpec;

/** `20240101120000000_add-orders`: node-pg-migrate's `utc` prefix (date-time with milliseconds). */
export const datetime17 = {
  id: 'datetime17',
  pattern: '^(?<order>\\d{17})(?!\\d)[-_.]?(?<name>.*)$',
  orderKind: 'datetime',
  example: '20240101120000000_add-orders',
} as const satisfies NameSchemeSpec;

/** `20240101120000_add_orders` (knex, Sequelize CLI, db-migrate, Prisma, golang-migrate, drizzle-kit `timestamp`). */
export const datetime14 = {
  id: 'datetime14',
  pattern: '^(?<order>\\d{14})(?!\\d)[-_.]?(?<name>.*)$',
  orderKind: 'datetime',
  example: '20240101120000_add_orders',
} as const satisfies NameSchemeSpec;

/** `202401011200_add_orders`: a date-time to the minute, common in hand-rolled runners. */
export const datetime12 = {
  id: 'datetime12',
  pattern: '^(?<order>\\d{12})(?!\\d)[-_.]?(?<name>.*)$',
  orderKind: 'datetime',
  example: '202401011200_add_orders',
} as const satisfies NameSchemeSpec;

/**
 * A calendar date with separators, optionally a time: `2024_01_01_add_orders`,
 * `2024-01-01-add-orders`, umzug's `2024.01.01T12.00.00.add-orders`, `2024-02-07T21.30.40Z_add_orders`,
 * `2024_01_01_120000_add_orders`.
 */
export const datedParts = {
  id: 'dated',
  pattern:
    '^(?<order>\\d{4}[-_.]\\d{1,2}[-_.]\\d{1,2}(?:[-_.T ]\\d{1,2}[-_.:]?\\d{2}(?:[-_.:]?\\d{2}(?:[.]\\d{3})?)?Z?)?)(?!\\d)[-_.]+(?<name>.*)$',
  orderKind: 'datetime',
  example: '2024_01_01_add_orders',
} as const satisfies NameSchemeSpec;

/** `0003_add_orders`, `001-add-orders`, `000001_create_users` (drizzle-kit's default, golang-migrate `-seq`). */
export const sequence = {
  id: 'sequence',
  pattern: '^(?<order>\\d{1,9})(?!\\d)[-_.]+(?<name>.*)$',
  orderKind: 'sequence',
  example: '0003_add_orders',
} as const satisfies NameSchemeSpec;

/** A bare number with nothing after it: `1700000000000`, `0004`. */
export const numberOnly = {
  id: 'number',
  pattern: '^(?<order>\\d+)(?<name>)$',
  orderKind: 'sequence',
  example: '0004',
} as const satisfies NameSchemeSpec;

/** Flyway versioned (`V12__add_orders`, `V1_2__x`, `V1.2.3__x`), undo (`U12__`) and baseline (`B12__`) scripts. */
export const flywayVersioned = {
  id: 'flyway-versioned',
  pattern: '^[VUB](?<order>\\d+(?:[._]\\d+)*)__(?<name>.*)$',
  orderKind: 'version',
  example: 'V12__add_orders',
} as const satisfies NameSchemeSpec;

/** Flyway repeatable scripts (`R__refresh_reporting_views`): re-applied whenever their checksum changes. */
export const flywayRepeatable = {
  id: 'flyway-repeatable',
  pattern: '^R__(?<name>.*)$',
  orderKind: 'none',
  repeatable: true,
  example: 'R__refresh_reporting_views',
} as const satisfies NameSchemeSpec;

/** MikroORM's `Migration20240101120000` (default) or `Migration20240101120000_add_orders` (with `--name`). */
export const mikroOrmClass = {
  id: 'mikro-orm',
  pattern: '^Migration(?<order>\\d{14}|\\d{12})(?!\\d)(?:_(?<name>.*))?$',
  orderKind: 'datetime',
  example: 'Migration20240101120000_add_orders',
} as const satisfies NameSchemeSpec;

/** TypeORM's class names: the name in PascalCase, then the 13-digit timestamp (`AddOrders1700000000000`). */
export const epochMsSuffix = {
  id: 'epoch-ms-suffix',
  pattern: '^(?<name>.*?)(?<order>\\d{13})$',
  orderKind: 'epoch-ms',
  example: 'AddOrders1700000000000',
} as const satisfies NameSchemeSpec;

/** The order in which schemes are tried for a name whose tool is unknown: most specific first. */
export const genericSchemes: readonly NameSchemeSpec[] = [
  mikroOrmClass,
  flywayVersioned,
  flywayRepeatable,
  datedParts,
  datetime17,
  datetime14,
  epochMs,
  datetime12,
  epochS,
  sequence,
  numberOnly,
];
