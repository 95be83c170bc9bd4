import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOrigin", () => {
  it("accepts a request whose Origin is this host", () => {
    expect(isSameOrigin(headers({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
  });

  it("refuses another site's Origin, a null Origin and a malformed one", () => {
    expect(isSameOrigin(headers({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "::not a url", host: "localhost:3000" }))).toBe(false);
  });

  it("trusts the proxy's forwarded host", () => {
    expect(isSameOrigin(headers({ origin: "https://case-review.example", host: "10.0.0.5:3000", "x-forwarded-host": "case-review.example" }))).toBe(true);
  });

  it("without Origin, goes by Sec-Fetch-Site", () => {
    expect(isSameOrigin(headers({ host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("lets non-browser clients (no Origin, no Sec-Fetch-Site) through: they carry no victim's cookies", () => {
    expect(isSameOrigin(headers({ host: "localhost:3000" }))).toBe(true);
  });
});
