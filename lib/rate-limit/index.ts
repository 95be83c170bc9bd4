import "server-only";
import { db } from "@/lib/db/client";

// Fixed-window counters in PostgreSQL, so every app instance shares the same limits.

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  retryAfterSeconds: number;
  /** The window this use was counted in, for refundRateLimit. */
  windowStart: Date;
}

/** Windows older than this are of no use to any limit here (the longest is 15 minutes). */
const KEEP_SECONDS = 86_400;

export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const now = Date.now();
  const windowStartMs = Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000;
  const windowStart = new Date(windowStartMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, window_start, count)
    VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  // Pruning rides on the limiter itself, whenever a use opens a new window: every instance that
  // counts prunes, with no timer, no leader and nothing in process memory, so the tables hold about
  // a day of windows however many instances run. The deletes use indexes on the window's start
  // (and sign_in_failures.updated_at) and usually find nothing.
  if (count === 1) await pruneRateLimits();
  return {
    allowed: count <= limit,
    count,
    limit,
    retryAfterSeconds: Math.ceil((windowStartMs + windowSeconds * 1000 - now) / 1000),
    windowStart,
  };
}

/**
 * Takes back one use counted by consumeRateLimit, for limits that count only failures: the use is
 * counted before the outcome is known (so concurrent attempts cannot all slip under the limit) and
 * refunded when it succeeds.
 */
export async function refundRateLimit(key: string, counted: Pick<RateLimitResult, "windowStart">): Promise<void> {
  await db.$executeRaw`
    UPDATE rate_limit_buckets SET count = count - 1 WHERE key = ${key} AND window_start = ${counted.windowStart} AND count > 0`;
}

/** Old windows, and failed sign-ins no longer locking anything, are of no use; removing them keeps the tables small. */
async function pruneRateLimits(olderThanSeconds = KEEP_SECONDS): Promise<void> {
  const before = new Date(Date.now() - olderThanSeconds * 1000);
  await db.$executeRaw`DELETE FROM rate_limit_buckets WHERE window_start < ${before}`;
  await db.$executeRaw`DELETE FROM sign_in_failures WHERE updated_at < ${before} AND (locked_until IS NULL OR locked_until < now())`;
}
