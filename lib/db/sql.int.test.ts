import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, connectionPool, sqlQuery } from "./client";
import { withSqlTransaction } from "./sql";

afterAll(() => closeDatabase());

describe("plain SQL transactions", () => {
  it("commit what the work wrote when it resolves, and roll it all back when it throws", async () => {
    // A scratch table of this test's own in the throwaway integration database.
    await sqlQuery("CREATE TABLE IF NOT EXISTS sql_tx_probe (tag text, n int)", []);
    const tag = `t-${Date.now()}-${Math.random()}`;
    await withSqlTransaction(async (sql) => {
      await sql.rows("INSERT INTO sql_tx_probe (tag, n) VALUES ($1, 1)", [tag]);
    });
    await expect(
      withSqlTransaction(async (sql) => {
        await sql.rows("INSERT INTO sql_tx_probe (tag, n) VALUES ($1, 2)", [tag]);
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    const rows = (await sqlQuery<{ n: number }>("SELECT n FROM sql_tx_probe WHERE tag = $1 ORDER BY n", [tag])).rows;
    expect(rows.map((r) => r.n)).toEqual([1]);
  });

  it("cancel a statement that runs past the timeout, and the pool keeps working", async () => {
    const started = Date.now();
    await expect(withSqlTransaction((sql) => sql.rows("SELECT pg_sleep(5)", []), { statementTimeoutMs: 200 })).rejects.toMatchObject({ code: "57014" });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(await withSqlTransaction((sql) => sql.rows<{ one: number }>("SELECT 1 AS one", []))).toEqual([{ one: 1 }]);
  });

  it("destroy a connection the server dropped mid-transaction instead of returning it to the pool", async () => {
    const pool = connectionPool();
    await expect(withSqlTransaction((sql) => sql.rows("SELECT pg_terminate_backend(pg_backend_pid())", []))).rejects.toMatchObject({ code: "57P01" });
    // The dead connection was not handed back: the next transactions get working ones.
    for (let i = 0; i < pool.options.max! + 1; i += 1) {
      expect(await withSqlTransaction((sql) => sql.rows<{ one: number }>("SELECT 1 AS one", []))).toEqual([{ one: 1 }]);
    }
  });

  it("refuses a timeout that is not a positive number", async () => {
    await expect(withSqlTransaction((sql) => sql.rows("SELECT 1", []), { statementTimeoutMs: Number.NaN })).rejects.toBeInstanceOf(RangeError);
  });
});
