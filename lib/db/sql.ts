import type pg from "pg";
import { connectionPool, type Tx } from "./client";

// Plain SQL in a transaction, for the autosave path, where Prisma's interactive transaction cost
// more CPU than the database work itself. Statements that a Prisma use case and the autosave share
// (the audit insert, the case's status moves) are written once against `SqlRunner` and run in either
// kind of transaction through `sqlRunner`.

export interface SqlRunner {
  /** Runs one parameterised statement; its rows (none for a statement without RETURNING). */
  rows<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
}

/**
 * Collects the parameters of a statement built from parts (e.g. a write, its audit event and its
 * change record as steps of one WITH statement): each `add` returns the placeholder of its value.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type?: string): string {
    this.values.push(value);
    return `$${this.values.length}${type ? `::${type}` : ""}`;
  }
}

/** A transaction on one pooled connection (see `withSqlTransaction`). */
class PgTransaction implements SqlRunner {
  constructor(private readonly client: pg.PoolClient) {}

  async rows<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
    const result = await this.client.query(text, values as unknown[]);
    return result.rows as Row[];
  }
}

/** Either kind of transaction. */
export type AnyTx = Tx | SqlRunner;

export function sqlRunner(tx: AnyTx): SqlRunner {
  if (tx instanceof PgTransaction) return tx;
  const prisma = tx as Tx;
  return { rows: <Row>(text: string, values: readonly unknown[]) => prisma.$queryRawUnsafe<Row[]>(text, ...values) };
}

/**
 * Runs `work` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it
 * throws. A connection that cannot even roll back (the server went away) is destroyed, not reused.
 */
export async function withSqlTransaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const client = await connectionPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(new PgTransaction(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error("ROLLBACK failed");
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
