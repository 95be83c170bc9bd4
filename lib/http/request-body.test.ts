import { describe, expect, it } from "vitest";
import { jsonNestingDepth } from "@/lib/json-nesting";
import { parseJsonText, PayloadTooLargeError, readCappedBody } from "./request-body";

/** A request whose body arrives in `chunks` pieces of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readCappedBody", () => {
  it("reads a body within the cap whole", async () => {
    const { request } = streamed(4, 1000);
    expect((await readCappedBody(request, 4000)).byteLength).toBe(4000);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { request, pulled } = streamed(10_000, 64 * 1024); // 640 MB if read whole
    await expect(readCappedBody(request, 1024 * 1024)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the cap without reading a byte", async () => {
    const { request, pulled } = streamed(10, 10, { "content-length": "209715200" });
    await expect(readCappedBody(request, 1024)).rejects.toThrow("The request body is larger than 1 KB");
    expect(pulled()).toBeLessThanOrEqual(1); // a stream pulls its first chunk when it is made
  });
});

describe("parseJsonText", () => {
  it("refuses JSON nested 30,000 deep before parsing it", () => {
    const deep = "[".repeat(30_000) + "]".repeat(30_000);
    expect(parseJsonText(deep)).toEqual({ ok: false, message: "The JSON nests deeper than 64 levels." });
  });

  it("counts nesting outside strings only", () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[{{"}]}')).toBe(3);
    expect(jsonNestingDepth('["\\"[["]')).toBe(1);
  });

  it("refuses a lone surrogate, escaped or raw, in a value or a key, and keeps real pairs", () => {
    expect(parseJsonText('{"rationale":"a\\ud800b"}').ok).toBe(false);
    expect(parseJsonText('{"rationale":"\\udc00"}').ok).toBe(false);
    expect(parseJsonText('{"\\ud800":1}').ok).toBe(false);
    expect(parseJsonText('["ok","x\\ud83d"]').ok).toBe(false);
    expect(parseJsonText('{"rationale":"\\ud83d\\ude00 fine"}')).toEqual({ ok: true, value: { rationale: "😀 fine" } });
  });

  it("says what is wrong with text that is not JSON", () => {
    expect(parseJsonText("{")).toEqual({ ok: false, message: "The request body is not valid JSON." });
  });
});
