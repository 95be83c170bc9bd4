import type { Page } from "@playwright/test";
import { ENTRY_POINTS, type CallerKey, type EntryPoint } from "@/tests/entry-points";
import { concrete, connect } from "./entry-point-calls";
import { expect, pageAs, test } from "./fixtures";

// Every page each role can reach. WCAG 1.4.10 reflow: at 320 CSS pixels wide it scrolls only
// vertically, and no text is cut short with an ellipsis (the panel's bands were "Inaded…"). And no
// password hash or server secret is in its HTML (this sweep replaced a link crawl per role). Pages
// come from the entry-point table (tests/entry-points.ts), so a new page is swept without editing
// this file; they are filled with the demo data: Demoshire (ratings panel, 33 answered cases) and,
// for set-up, Eastmere (set-up, 2018 framework) and Northbridge (fieldwork).

type Role = Exclude<CallerKey, "inspector2" | "otherLead">;
const ROLES: readonly Role[] = ["signedOut", "admin", "manager", "lead", "inspector", "qualityAssurer"];
const pages = ENTRY_POINTS.filter((e): e is Extract<EntryPoint, { kind: "page" }> => e.kind === "page");

interface DemoIds {
  inspections: string[];
  caseOf: Record<string, string>;
  userId: string;
}

async function demoIds(): Promise<DemoIds> {
  const client = await connect();
  try {
    const inspections = await client.query<{ id: string; case_id: string | null }>(
      `SELECT i.id, (SELECT c.id FROM cases c JOIN users u ON u.id = c.allocated_to WHERE c.inspection_id = i.id AND u.email = 'inspector@case-review.test' ORDER BY c.reference LIMIT 1) AS case_id
         FROM inspections i WHERE i.yjs_name IN ('Demoshire Youth Justice Service', 'Eastmere Youth Offending Team', 'Northbridge Youth Justice Service') ORDER BY i.yjs_name`,
    );
    const user = await client.query<{ id: string }>("SELECT id FROM users WHERE email = 'inspector2@case-review.test'");
    return {
      inspections: inspections.rows.map((r) => r.id),
      caseOf: Object.fromEntries(inspections.rows.filter((r) => r.case_id).map((r) => [r.id, r.case_id!])),
      userId: user.rows[0]!.id,
    };
  } finally {
    await client.end();
  }
}

/** How the page at 320 px fails reflow: wider than the viewport, or text cut with an ellipsis. */
async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.scrollWidth;
    if (width > 320) {
      const widest = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > 321)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").slice(0, 3).join(".")}` : ""}`)
        .slice(0, 3);
      problems.push(`scrollWidth ${width} (${widest.join(", ")})`);
    }
    for (const el of document.querySelectorAll("body *")) {
      if (getComputedStyle(el).textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth) problems.push(`cut short: “${el.textContent?.trim().slice(0, 40)}”`);
    }
    return problems;
  });
}

test.describe("every page: 320 px and secrets", () => {
  for (const role of ROLES) {
    test(`${role}: no horizontal scrolling, no text cut short, no secret`, async ({ browser }) => {
      test.setTimeout(240_000);
      const ids = await demoIds();
      const page = role === "signedOut" ? await (await browser.newContext()).newPage() : await pageAs(browser, role);
      await page.setViewportSize({ width: 320, height: 640 });
      const failures: string[] = [];
      let visited = 0;
      for (const entry of pages) {
        if (entry.expect[role] !== "ok") continue;
        const inspections = entry.route.includes("[inspectionId]") ? ids.inspections : [""];
        for (const inspectionId of inspections) {
          const caseId = ids.caseOf[inspectionId];
          if (entry.route.includes("[caseId]") && !caseId) continue;
          const url = concrete(entry.route, { inspectionId, caseId: caseId ?? "", userId: ids.userId, questionId: "2.1.1", standardId: "1.1" });
          const response = await page.goto(url);
          // The inspections a role is not on (a lead on another lead's) answer 404: not this test's concern.
          if (!response || response.status() >= 400 || page.url().includes("/sign-in") !== url.startsWith("/sign-in")) continue;
          visited += 1;
          for (const problem of await reflowProblems(page)) failures.push(`${url}: ${problem}`);
          const html = await response.text();
          if (html.includes("$argon2") || /password_?hash/i.test(html) || html.includes("e2e-secret-not-for-production")) failures.push(`${url}: a password hash or secret in the HTML`);
        }
      }
      expect(visited, "pages visited").toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  }
});
