// The ceiling for answer saves: a bare node:http server that reads the JSON body and inserts one row
// per request into a scratch table, through a pg pool of the app's size. Started as its own process
// by the answer-saves section (so it does not share an event loop with the load generator); prints
// "listening <port>" when ready.
import http from "node:http";
import pg from "pg";
import { environment } from "@/lib/config/env";

async function main() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: environment().DATABASE_POOL_SIZE });
  pool.on("error", () => undefined);
  await pool.query("CREATE TABLE IF NOT EXISTS bench_scratch (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      pool.query<{ id: string }>("INSERT INTO bench_scratch (payload) VALUES ($1) RETURNING id", [Buffer.concat(chunks).toString("utf8")]).then(
        (result) => {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ id: result.rows[0]?.id }));
        },
        () => {
          res.writeHead(500, { "Content-Type": "application/json" });
          res.end('{"error":"insert failed"}');
        },
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
  });
  const close = () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
