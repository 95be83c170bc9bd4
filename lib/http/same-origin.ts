import { ForbiddenError } from "@/lib/errors";

// CSRF defence for route handlers that change data (server actions get Next's own Origin check).
// Browsers send Origin on every cross-site POST, and Sec-Fetch-Site on every request; a request
// with neither comes from a non-browser client, which cannot ride a victim's cookies.

export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  if (origin === "null") return false;
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request.headers)) throw new ForbiddenError("Cross-site requests are refused.");
}
