import { sqlQuery } from "./client";

// Whether this instance can reach its database: what a load balancer asks before sending it work.

const TIMEOUT_MS = 2_000;

export async function databaseIsReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
  });
  try {
    return await Promise.race([sqlQuery("SELECT 1", []).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
