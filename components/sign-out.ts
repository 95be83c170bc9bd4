import { deleteOutboxDb } from "@/components/case/idb";
import { forgetOfflineCopies } from "@/components/case/offline-owner";

// Signing out, loaded when the user chooses to (sign-out-button.tsx).

/**
 * Signing out also clears what this device keeps of case content (laptops are shared at times):
 * the offline copies of case pages, and the outbox once nothing in it is waiting. Unsent changes
 * are never thrown away: the inspector is told they stay on the device until the next sign-in.
 */
async function forgetCaseDataOnThisDevice(keepOutbox: boolean): Promise<void> {
  await forgetOfflineCopies();
  if (!keepOutbox) await deleteOutboxDb().catch(() => undefined);
}

/**
 * next-auth's sign-out, as its client's signOut does it: a CSRF token, then the sign-out POST, whose
 * answer names the page to go to. Written out here because next-auth/react, in the layout, was
 * 13 KB of gzipped JavaScript on every page (bench/RESULTS.md, the case page's weight). The app has
 * no SessionProvider, so the client's message to other tabs had no one to tell.
 */
async function endSession(callbackUrl: string): Promise<string> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store", credentials: "same-origin" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    credentials: "same-origin",
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
  });
  if (!response.ok) throw new Error(`The sign-out answered ${response.status}`);
  const { url } = (await response.json()) as { url?: string };
  return url ?? callbackUrl;
}

/**
 * Ends the session, then clears this device's case content (the outbox is kept while changes in it
 * wait) and leaves. In that order: without a connection the session cannot end, and the inspector,
 * still signed in, keeps the cases made available offline; it throws, and nothing is cleared.
 */
export async function signOutForgettingThisDevice(keepOutbox: boolean): Promise<void> {
  const next = await endSession("/sign-in?signedOut=1");
  // Storage that refuses keeps its copies; the next user to sign in here clears them (offline-owner.ts).
  await forgetCaseDataOnThisDevice(keepOutbox).catch(() => undefined);
  window.location.href = next;
}
