// JSON nested thousands deep overflows the stack of any recursive code that walks it (a 30,000-deep
// array to /api/rate was a 500): entry points refuse it before JSON.parse. Pure.

/** Deeper JSON than any entry point takes: nesting is refused before JSON.parse and the code that walks it. */
export const MAX_JSON_DEPTH = 64;

/** How deeply arrays and objects nest in JSON text (brackets inside strings do not count). */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
