import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";
import { goOffline, keptOffline, saveStatus } from "./offline-page";

// The case page's session timeout warning (components/case/session-warning.tsx, WCAG 2.2.1): two
// minutes before the session's end a dialog says so and offers to stay signed in; once it has ended,
// it says so and links to sign in again, back to the case. Sessions last 10 hours
// (lib/auth/session-token.ts), so the page's clock is moved on, not waited for. The dialog's script
// loads when it is due (components/ui/on-demand.tsx): a page kept for offline use has it without a
// connection too.

test("two minutes before the session ends the case page warns, 'Stay signed in' renews it, and an ended session says how to sign in again", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Session warning", [{ stream: "court", allocatedTo: "inspector" }]);
  const casePath = `/inspections/${inspectionId}/cases/${cases[0]!.id}`;
  const page = await pageAs(browser, "inspector");
  await page.clock.install();
  await page.goto(casePath);
  await expect(saveStatus(page)).toHaveText("All changes saved");

  await page.clock.fastForward("09:58:30");
  const warning = page.getByRole("alertdialog", { name: "You will be signed out soon" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/For your security we will sign you out in [01] minutes? \d+ seconds\./);
  await expect(warning.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await warning.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();

  // The session renewed from the server's clock, which did not move: on the page's it now ends in
  // about two minutes, so five more minutes end it.
  await page.clock.fastForward("05:00");
  const ended = page.getByRole("alertdialog", { name: "You have been signed out" });
  await expect(ended).toBeVisible();
  await expect(ended).toContainText("Your answers and anything you typed are kept in this browser.");
  await expect(ended.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(casePath)}`);
});

test("offline, a case page kept on the device still warns that the session is ending", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Session warning offline", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  await page.clock.install();
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await keptOffline(page);
  await goOffline(page);
  // Every script fetch fails now, the worker's too; the dialog's comes from what the worker kept.
  await page.context().route("**/_next/static/chunks/**", (route) => route.abort("internetdisconnected"));
  await page.clock.fastForward("09:58:30");
  await expect(page.getByRole("alertdialog", { name: "You will be signed out soon" })).toBeVisible();
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
});
