// A closed-loop HTTP load generator on loopback: `concurrency` clients, each with its own keep-alive
// connection, send one request, wait for the answer, then send the next, for a fixed time (and never
// more than `maxRequests`). Latency is measured per request from the first byte written to the last
// byte read. The same generator drives the app and the bare pg ceiling, so their numbers compare.
import http from "node:http";
import { percentile } from "./measure";

export interface LoadRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Sent with POST (the default method). */
  body?: string;
}

export interface LoadOutcome {
  /** Counted as an error even with a 2xx (e.g. a save refused as a conflict). */
  error?: string;
}

export interface LoadResult {
  concurrency: number;
  seconds: number;
  requests: number;
  throughput: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Non-2xx answers by status, network failures as "network", and outcomes flagged by `check`. */
  errors: Record<string, number>;
}

export async function runLoad(options: {
  baseUrl: string;
  concurrency: number;
  durationMs: number;
  maxRequests?: number;
  /** Builds client `client`'s next request (called again only after its previous answer). */
  next(client: number): LoadRequest;
  /** Reads a 2xx answer; may flag it as an error. */
  check?(client: number, status: number, body: string): LoadOutcome;
  timeoutMs?: number;
}): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const count = (key: string) => (errors[key] = (errors[key] ?? 0) + 1);
  const maxRequests = options.maxRequests ?? 1_000_000;
  let sent = 0;
  const started = Date.now();
  const deadline = started + options.durationMs;

  const send = (request: LoadRequest) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: request.path,
          method: request.method ?? "POST",
          agent,
          timeout: options.timeoutMs ?? 30_000,
          headers: request.body === undefined ? request.headers : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(request.body), ...request.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      req.end(request.body);
    });

  const client = async (index: number) => {
    while (Date.now() < deadline && sent < maxRequests) {
      sent += 1;
      const request = options.next(index);
      const t0 = process.hrtime.bigint();
      try {
        const { status, body } = await send(request);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status < 200 || status >= 300) count(String(status));
        else {
          const outcome = options.check?.(index, status, body);
          if (outcome?.error) count(outcome.error);
        }
      } catch {
        count("network");
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => client(i)));
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency: options.concurrency,
    seconds,
    requests: latencies.length,
    throughput: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    errors,
  };
}

export const errorCount = (result: LoadResult) => Object.values(result.errors).reduce((a, b) => a + b, 0);
