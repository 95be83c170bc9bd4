import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { isForm } from "./form-state";
import { readJsonBody } from "./json-response";

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

  it("a JSON body holding NUL, raw or escaped, is a validation error", async () => {
    const post = (body: string) => new Request("http://localhost/x", { method: "POST", body });
    await expect(readJsonBody(post('{"text":"a\\u0000b"}'))).rejects.toBeInstanceOf(ValidationError);
    await expect(readJsonBody(post('{"text":"a\u0000b"}'))).rejects.toBeInstanceOf(ValidationError);
    await expect(readJsonBody(post('{"text":"fine"}'))).resolves.toEqual({ text: "fine" });
  });
});
