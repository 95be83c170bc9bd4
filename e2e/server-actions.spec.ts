import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { actionState, callAction, serverActions, type ServerActionRef } from "./entry-point-calls";
import { expect, storageStateOf, test } from "./fixtures";

// A server action request whose body is not an argument list Next can use (not a JSON array, more
// than 1,000 arguments, no field "0" in a multipart body) is refused by proxy.ts with a 400 and a
// JSON message, where Next itself would answer 500 before any of the app's code runs. Real
// requests (Next's client, forms) still reach the action.

const origin = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000").origin;
const args = (n: number) => JSON.stringify([{ status: "idle" }, ...Array.from({ length: n - 1 }, () => "x")]);

let api: APIRequestContext;
let action: ServerActionRef;

test.beforeAll(async () => {
  // An action the manager may call, so only the body can stop these requests.
  action = serverActions().find((a) => a.name === "createInspectionAction")!;
  api = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: storageStateOf("manager") });
});

test.afterAll(() => api.dispose());

function post(data: string | FormData, contentType?: string) {
  const headers: Record<string, string> = { "Next-Action": action.id, Accept: "text/x-component", Origin: origin };
  if (contentType) headers["Content-Type"] = contentType;
  return api.post(action.page, { headers, ...(typeof data === "string" ? { data } : { multipart: data }), maxRedirects: 0, failOnStatusCode: false });
}

const textBodies: Record<string, string> = {
  "an object": '{"status":"idle"}',
  "a string": '"$K1"',
  "a number": "1",
  null: "null",
  "not JSON": "[{not json",
  "an empty body": "",
  "1,001 arguments": args(1001),
};

for (const [what, body] of Object.entries(textBodies)) {
  test(`an argument list that is ${what} is refused with 400, not Next's 500`, async () => {
    for (const contentType of [undefined, "text/plain;charset=UTF-8", "application/json"]) {
      const response = await post(body, contentType);
      expect(response.status(), `${what} as ${contentType ?? "no content type"}`).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error).toMatchObject({ code: "invalid_input", message: expect.stringContaining("The request is malformed") });
    }
  });
}

test("a multipart body whose field 0 is not an argument list, or that has none, is refused with 400", async () => {
  const bodies: [string, FormData][] = [];
  for (const [what, root] of [["an object", '{"status":"idle"}'], ["not JSON", "{"], ["1,001 arguments", args(1001)]]) {
    const form = new FormData();
    form.append("_1_yjsName", "Proxy test");
    form.append("0", root!);
    bodies.push([what!, form]);
  }
  const noRoot = new FormData();
  noRoot.append("_1_yjsName", "Proxy test");
  bodies.push(["no field 0", noRoot]);
  const twoRoots = new FormData();
  twoRoots.append("0", "[]");
  twoRoots.append("0", "[]");
  bodies.push(["two fields 0", twoRoots]);
  for (const [what, form] of bodies) {
    const response = await post(form);
    expect(response.status(), what).toBe(400);
    expect(await response.text()).toContain("The request is malformed");
  }
  const broken = await post("--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[]", "multipart/form-data; boundary=x");
  expect(broken.status(), "a multipart body without its closing boundary").toBe(400);
});

test("well-formed action requests still reach the action: a form, an argument list, and exactly 1,000 arguments", async () => {
  const form = await callAction(api, action, action.page, { form: { yjsName: "", frameworkVersion: "", fieldworkStart: "" } });
  expect(form.status()).toBe(200);
  expect(actionState(await form.text())).toMatchObject({ status: "error" });

  for (const body of ['[{"status":"idle"}]', args(1000)]) {
    const response = await post(body, "text/plain;charset=UTF-8");
    expect(response.status(), `${body.slice(0, 40)}…`).toBeLessThan(500);
    expect(response.status()).not.toBe(400);
  }
});

test("requests that are not action calls are not the proxy's business", async () => {
  const withoutHeader = await api.post(action.page, { data: '{"status":"idle"}', maxRedirects: 0, failOnStatusCode: false });
  expect(await withoutHeader.text()).not.toContain("The request is malformed");
  // Next answers these itself (a GET is no action call; it does not run url-encoded bodies).
  const get = await api.get(action.page, { headers: { "Next-Action": action.id }, failOnStatusCode: false });
  const urlEncoded = await post("yjsName=x", "application/x-www-form-urlencoded");
  for (const response of [get, urlEncoded]) {
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toContain("The request is malformed");
  }
});
