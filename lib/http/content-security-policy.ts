// The Content-Security-Policy of every response, set per request by proxy.ts. Scripts run only
// from this site and, inline, under the request's nonce: Next reads the nonce from the policy on the
// request and puts it on every script and style tag it renders (every page is rendered per request:
// the root layout reads the session), so no script needs 'unsafe-inline'. Pure.

/** 128 random bits, base64: a nonce for one response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks; production never does.
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    // The case pages' service worker (app/inspections/[inspectionId]/cases/sw.js).
    "worker-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    // A style attribute cannot carry a nonce; the proportion bars set their widths with one
    // (components/setup/proportions.tsx). An attribute cannot load or run anything.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
