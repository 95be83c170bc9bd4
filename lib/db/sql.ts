import "server-only";
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

/** How long one statement may run (a lock wait included) before PostgreSQL cancels it. */
const STATEMENT_TIMEOUT_MS = 10_000;

/**
 * Runs `work` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it
 * throws. A connection that cannot even roll back (the server went away) is destroyed, not reused.
 * Each statement is bounded, so a stuck lock can never hold a pooled connection indefinitely.
 */
export async function withSqlTransaction<T>(work: (sql: SqlRunner) => Promise<T>, options: { statementTimeoutMs?: number } = {}): Promise<T> {
  const timeout = Math.trunc(options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS);
  if (!(timeout > 0)) throw new RangeError("statementTimeoutMs must be a positive number of milliseconds");
  const client = await connectionPool().connect();
  let broken: Error | undefined;
  // The pool listens for errors only on idle connections: a connection the server drops while it is
  // checked out here would otherwise emit an unhandled 'error' and take the process down.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    // One round trip: a simple query may hold several statements (the timeout is a checked integer).
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${timeout}`);
    const result = await work(new PgTransaction(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error("ROLLBACK failed");
    });
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
