import { db } from "@/lib/db/client";

// Fixed-window counters in PostgreSQL, so every app instance shares the same limits.

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  retryAfterSeconds: number;
}

export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const now = Date.now();
  const windowStartMs = Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, window_start, count)
    VALUES (${key}, ${new Date(windowStartMs)}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  return {
    allowed: count <= limit,
    count,
    limit,
    retryAfterSeconds: Math.ceil((windowStartMs + windowSeconds * 1000 - now) / 1000),
  };
}

/** Old windows are of no use; removing them keeps the table small. */
export async function pruneRateLimits(olderThanSeconds = 86_400): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limit_buckets WHERE window_start < ${new Date(Date.now() - olderThanSeconds * 1000)}`;
}
