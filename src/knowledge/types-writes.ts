/**
 * What writes, per library: the facts `require-multi-write-transaction` reads (through
 * `src/analysis/transactions/writes.ts`) to find two writes in one function that no transaction holds together.
 */
export interface WriteSpec {
  /** Methods that write, anywhere in an awaited call chain on one of the library's objects (`db.insert(t).values(v)`). */
  readonly methods: readonly string[];
  /** Methods that send SQL text: a write when the text starts with `INSERT`, `UPDATE`, `DELETE` or `MERGE`. */
  readonly sqlMethods?: readonly string[];
  /** Object kinds that are pools: `BEGIN` sent through one opens no transaction for the next query (another connection may run it). */
  readonly pools?: readonly string[];
  /**
   * Which writes go to the same database: those through the same client (`client`, the default: two
   * `PrismaClient`s may be two databases), or any of the library's objects (`library`: TypeORM repositories,
   * Sequelize models and MikroORM entity managers share their data source).
   */
  readonly sameDatabase?: 'client' | 'library';
  /** How to hold writes together in this library, for the message. */
  readonly wrapIn: string;
}
