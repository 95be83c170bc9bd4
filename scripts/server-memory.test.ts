import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions } from "./server-memory";

describe("the server's NODE_OPTIONS", () => {
  it("adds the heap cap to whatever the caller set", () => {
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`);
  });

  it("leaves a caller's own heap size alone", () => {
    expect(serverNodeOptions("--max-old-space-size=1024")).toBe("--max-old-space-size=1024");
  });
});
