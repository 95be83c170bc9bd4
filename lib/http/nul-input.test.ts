import { describe, expect, it } from "vitest";
import { isForm } from "./form-state";
import { parseJsonText } from "./request-body";

// PostgreSQL cannot store NUL in text; found by fuzzing as a 500 on write. Both entry guards refuse it.
describe("NUL characters in input", () => {
  it("a form holding NUL is not read as a form", () => {
    const ok = new FormData();
    ok.set("reference", "AB-1");
    expect(isForm(ok)).toBe(true);
    const bad = new FormData();
    bad.set("reference", "AB\u00001");
    expect(isForm(bad)).toBe(false);
    expect(isForm("not a form")).toBe(false);
  });

  it("a JSON body holding NUL, raw or escaped, is refused", () => {
    expect(parseJsonText('{"text":"a\\u0000b"}')).toEqual({ ok: false, message: "Text may not contain the NUL character (\\u0000)." });
    expect(parseJsonText('{"text":"a\u0000b"}').ok).toBe(false);
    expect(parseJsonText('{"text":"fine"}')).toEqual({ ok: true, value: { text: "fine" } });
  });
});
