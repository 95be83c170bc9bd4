import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions, SOCKET_ADDRESS_SCRIPT } from "./server-memory";

const requireScript = `--require ${JSON.stringify(SOCKET_ADDRESS_SCRIPT)}`;

describe("the server's NODE_OPTIONS", () => {
  it("adds the heap cap and the socket-address script to whatever the caller set", () => {
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB} ${requireScript}`);
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB} ${requireScript}`);
  });

  it("leaves a caller's own heap size alone, and adds the script once", () => {
    expect(serverNodeOptions("--max-old-space-size=1024")).toBe(`--max-old-space-size=1024 ${requireScript}`);
    expect(serverNodeOptions(serverNodeOptions(""))).toBe(serverNodeOptions(""));
  });
});
