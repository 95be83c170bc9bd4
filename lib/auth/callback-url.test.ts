import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./callback-url";

// Known open-redirect bypasses (OWASP's cheat sheet, PayloadsAllTheThings' list, and the two the
// review found): each must fall back to home.
const BYPASSES = [
  "/\\evil.test",
  "/\tevil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r\n/evil.test",
  "//evil.test",
  "///evil.test",
  "////evil.test/",
  "/\\/evil.test",
  "\\/evil.test",
  "\\\\evil.test",
  " //evil.test",
  "\u0000//evil.test",
  "/%09/evil.test",
  "/%2F/evil.test",
  "/%2f%2fevil.test",
  "%2F%2Fevil.test",
  "/%5Cevil.test",
  "/%5cevil.test",
  "/%252F%252Fevil.test",
  "/%25252F/evil.test",
  "/%c0%ae",
  "/%",
  "https://evil.test",
  "http:evil.test",
  "//evil.test/%2F..",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.test",
  "@evil.test",
  "/\u3000/evil.test",
  "/\u2028/evil.test",
  "/\ufeff/evil.test",
  "",
];

describe("safeCallbackPath", () => {
  it.each(BYPASSES)("sends %j home", (url) => {
    expect(safeCallbackPath(url)).toBe("/");
  });

  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackPath("/inspections/abc/cases")).toBe("/inspections/abc/cases");
    expect(safeCallbackPath("/inspections?status=fieldwork#list")).toBe("/inspections?status=fieldwork#list");
    expect(safeCallbackPath("/evidence/1.1%20notes")).toBe("/evidence/1.1%20notes");
  });

  it("refuses what is not a string, and very long URLs", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a"])).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(5000)}`)).toBe("/");
  });
});

describe("safeRedirectUrl", () => {
  const base = "http://localhost:3000";
  it("keeps this site's URLs and paths, and sends everything else home", () => {
    expect(safeRedirectUrl("/inspections", base)).toBe(`${base}/inspections`);
    expect(safeRedirectUrl(`${base}/inspections`, base)).toBe(`${base}/inspections`);
    expect(safeRedirectUrl(base, base)).toBe(`${base}/`);
    expect(safeRedirectUrl("http://localhost:3000.evil.test/x", base)).toBe(`${base}/`);
    expect(safeRedirectUrl(`${base}//evil.test`, base)).toBe(`${base}/`);
    expect(safeRedirectUrl("/\\evil.test", base)).toBe(`${base}/`);
    expect(safeRedirectUrl("https://evil.test", base)).toBe(`${base}/`);
  });
});
