"use client";

import { useRef, useState } from "react";
import { deleteOutboxDb, unsentChangeCount } from "@/components/case/idb";
import { forgetOfflineCopies } from "@/components/case/offline-owner";
import { Button } from "@/components/ui/button";

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
async function signOut(callbackUrl: string): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store", credentials: "same-origin" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    credentials: "same-origin",
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

export function SignOutButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [unsent, setUnsent] = useState(0);

  async function finish(keepOutbox: boolean) {
    await forgetCaseDataOnThisDevice(keepOutbox);
    await signOut("/sign-in?signedOut=1");
  }

  async function onSignOut() {
    const waiting = await unsentChangeCount().catch(() => 0);
    if (waiting === 0) return finish(false);
    setUnsent(waiting);
    dialog.current?.showModal();
  }

  return (
    <>
      <button type="button" onClick={() => void onSignOut()} className="underline underline-offset-2">
        Sign out
      </button>
      <dialog ref={dialog} aria-labelledby="sign-out-title" className="m-auto max-w-lg border-4 border-ink p-6 text-ink backdrop:bg-black/50">
        <h2 id="sign-out-title" className="mb-2 text-xl font-bold">
          {unsent} {unsent === 1 ? "change has" : "changes have"} not reached Case Review yet
        </h2>
        <p className="mb-4">They stay on this computer and are sent when you next sign in here. Stay signed in until they are saved if you can.</p>
        <div className="flex flex-wrap gap-3">
          <Button type="button" onClick={() => dialog.current?.close()}>
            Stay signed in
          </Button>
          <Button type="button" variant="secondary" onClick={() => void finish(true)}>
            Sign out anyway
          </Button>
        </div>
      </dialog>
    </>
  );
}
