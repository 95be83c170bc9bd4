import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { callAction, serverActions, type ServerActionRef } from "./entry-point-calls";
import { createInspectionWithCases, expect, storageStateOf, test } from "./fixtures";
import { DEEP_JSON } from "./fuzz-values";

// Issue 11: odd input the review answered with a 500. Each gets a 4xx with a message.

const origin = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000").origin;

let inspector: APIRequestContext;
let manager: APIRequestContext;
let action: ServerActionRef;

test.beforeAll(async () => {
  inspector = await playwrightRequest.newContext({ baseURL: origin, storageState: storageStateOf("inspector") });
  manager = await playwrightRequest.newContext({ baseURL: origin, storageState: storageStateOf("manager") });
  action = serverActions().find((a) => a.name === "createInspectionAction")!;
});

test.afterAll(async () => {
  await inspector.dispose();
  await manager.dispose();
});

test("a lone surrogate in a rationale is a 400 naming it, not PostgreSQL's 22P02 as a 500", async () => {
  const { cases } = await createInspectionWithCases("Odd input", [{ stream: "court", allocatedTo: "inspector" }]);
  // The escape stays in the JSON text, as a client would send it.
  const change = `{"changeId":"${randomUUID()}","target":"answer","questionId":"2.1.1","baseVersion":0,"from":{"rationale":""},"to":{"rationale":"before \\ud800 after"}}`;
  const response = await inspector.post(`/api/cases/${cases[0]!.id}/changes`, {
    headers: { "Content-Type": "application/json", Origin: origin },
    data: `{"changes":[${change}]}`,
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatchObject({ code: "invalid_input", message: expect.stringContaining("lone UTF-16 surrogate") });
});

test("JSON nested 30,000 deep to the rating service is a 400 in the contract's shape", async () => {
  const response = await inspector.post("/api/rate", { headers: { "Content-Type": "application/json" }, data: DEEP_JSON });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatchObject({ code: "invalid_json", message: expect.stringContaining("deeper than 64 levels") });
});

test("bad UTF-8 in a path is a 4xx, never a 500", async () => {
  for (const path of ["/inspections/%c0%ae", "/inspections/%c0%ae/cases/%c0%ae", "/inspections/%ff/panel", "/api/inspections/%c0%ae/panel", "/%c0%ae%c0%ae/"]) {
    const response = await inspector.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(500);
  }
  const post = await inspector.post("/api/cases/%c0%ae/changes", { headers: { "Content-Type": "application/json", Origin: origin }, data: '{"changes":[]}' });
  expect(post.status()).toBeLessThan(500);
});

test("a server action given a reference React cannot resolve ($Q1) is a 400", async () => {
  for (const args of [["$Q1"], [{ status: "idle" }, "$Q1"], [{ status: "idle" }, "$W2"], ["$@1"], [{ a: ["$F1"] }]]) {
    const response = await callAction(manager, action, action.page, { raw: JSON.stringify(args) });
    expect(response.status(), JSON.stringify(args)).toBe(400);
    expect((await response.json()).error.message).toContain("The request is malformed");
  }
});

test("a server action from another site is a 403", async () => {
  const response = await manager.post(action.page, {
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: "https://evil.example" },
    multipart: { "0": JSON.stringify([{ status: "idle" }, "$K1"]) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe("Cross-site requests are refused.");
});
