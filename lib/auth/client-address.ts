// The address a request came from, for the per-address sign-in limit. X-Forwarded-For is written
// by whoever sends the request: its first entry is whatever the client chose (the limit was
// bypassed by changing it, and anyone could get another address blocked). Only the entries added
// by proxies we run can be trusted, counted from the right: TRUSTED_PROXY_HOPS (lib/config/env.ts).
//   0 (default): no proxy; the TCP peer's address.
//   N: the Nth entry from the right of X-Forwarded-For, the address our outermost proxy saw.
// Next never tells a handler the TCP peer's address (it only fills X-Forwarded-For with it when the
// client sent none), so scripts/socket-address.cjs, loaded into the server with --require, writes it
// into SOCKET_ADDRESS_HEADER on every request, replacing any value a client sent. Pure.

export const SOCKET_ADDRESS_HEADER = "x-case-review-socket-address";
/** Set by scripts/socket-address.cjs in the server process, so the header is trusted only when that script wrote it. */
export const SOCKET_ADDRESS_MARKER = "CASE_REVIEW_SOCKET_ADDRESS_HEADER";

type HeaderSource = Headers | Readonly<Record<string, unknown>> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === "string" ? value : undefined;
}

const ADDRESS = /^[0-9A-Fa-f:.[\]%a-z]{2,64}$/;

function forwardedEntries(headers: HeaderSource): string[] {
  return (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** The TCP peer: from the header the socket-address script writes, or else Next's own X-Forwarded-For. */
function socketAddress(headers: HeaderSource, env: Readonly<Record<string, string | undefined>>): string {
  if (env[SOCKET_ADDRESS_MARKER] === "1") return header(headers, SOCKET_ADDRESS_HEADER) || "unknown";
  // Without the script (next dev): Next appends nothing, it only fills an absent header with the
  // peer's address, so this is right unless the client sent X-Forwarded-For itself.
  return forwardedEntries(headers).at(-1) ?? "unknown";
}

/** The client's address after `trustedHops` proxies of ours. */
export function clientAddress(headers: HeaderSource, trustedHops: number, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const socket = socketAddress(headers, env);
  if (trustedHops === 0) return socket;
  const entries = forwardedEntries(headers);
  // Fewer entries than proxies: the request did not come through them all; the peer is what we know.
  const entry = entries.length >= trustedHops ? entries[entries.length - trustedHops] : undefined;
  return entry && ADDRESS.test(entry) ? entry : socket;
}
