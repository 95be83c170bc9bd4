// Where the browser goes after sign-in (?callbackUrl=…): a path on this site, or home. Browsers read
// a URL more loosely than a string test does: they turn "\" into "/", drop TAB and newlines, and
// trim leading spaces and control characters, so "/\evil.test" and "/<TAB>/evil.test" both became
// "//evil.test", another host. Anything that is not plainly a path on this site is refused, in any
// percent-encoded form too. Pure.

const HOME = "/";
const MAX_LENGTH = 2048;
/** Control characters (TAB, CR, LF included), spaces, DEL and the backslash: never in a path we send people to. */
const UNSAFE = /[\u0000-\u0020\u007f-\u00a0\\\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** Once percent-decoded, a path may hold spaces ("%20"), but never controls or a backslash. */
const UNSAFE_DECODED = /[\u0000-\u001f\u007f\\]/;
const PROBE_ORIGIN = "http://case-review.invalid";

function isLocalPath(path: string, unsafe: RegExp): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !unsafe.test(path);
}

/** `url` when it is a same-site path, as given and in every percent-decoded form; "/" otherwise. */
export function safeCallbackPath(url: unknown): string {
  if (typeof url !== "string" || url.length === 0 || url.length > MAX_LENGTH || !isLocalPath(url, UNSAFE)) return HOME;
  let decoded = url;
  for (let round = 0; ; round++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return HOME; // malformed escapes (%c0%ae): not a path we made
    }
    if (next === decoded) break;
    if (round === 3 || !isLocalPath(next, UNSAFE_DECODED)) return HOME; // encoded again and again: refused
    decoded = next;
  }
  // The browser's own reading must land on this site, at this path.
  const resolved = new URL(url, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return HOME;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * For next-auth's redirect callback: `url` is a path or an absolute URL on `baseUrl`; the answer
 * is always an absolute URL on `baseUrl`.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url === baseUrl ? HOME : url;
  return `${baseUrl}${safeCallbackPath(path)}`;
}
