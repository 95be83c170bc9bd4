"use client";

import { useRef, useState, type ReactNode } from "react";
import { unsentChangeCount } from "@/components/case/idb";
import { Button } from "@/components/ui/button";

/**
 * Signing out (sign-out.ts) is loaded when it is chosen: it is in no page's scripts at load. Whether
 * changes wait to be sent is asked first, from IndexedDB (idb.ts), which works without a connection.
 * Without one, the session cannot end: the dialog says so (and nothing on the device is cleared).
 * The dialogs' fixed text is the layout's, rendered on the server (`stillSignedIn`, `unsentAdvice`):
 * every page's scripts need not carry it (the case page's JavaScript budget, bench/RESULTS.md).
 */
export function SignOutButton({
  stillSignedIn,
  unsentAdvice,
}: {
  /** What the dialog says when the session could not be ended (no connection). */
  stillSignedIn: { title: string; explanation: ReactNode };
  /** What it advises, under its count, when changes wait to be sent. */
  unsentAdvice: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [unsent, setUnsent] = useState(0);
  const [failed, setFailed] = useState(false);
  const close = () => dialog.current?.close();

  async function finish(keepOutbox: boolean) {
    try {
      const { signOutForgettingThisDevice } = await import("./sign-out");
      await signOutForgettingThisDevice(keepOutbox);
    } catch {
      setFailed(true);
      if (!dialog.current?.open) dialog.current?.showModal();
    }
  }

  async function onSignOut() {
    setFailed(false);
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
          {failed ? stillSignedIn.title : `${unsent} ${unsent === 1 ? "change has" : "changes have"} not reached Case Review yet`}
        </h2>
        {failed ? (
          <>
            {stillSignedIn.explanation}
            <Button type="button" onClick={close}>
              Close
            </Button>
          </>
        ) : (
          <>
            {unsentAdvice}
            <div className="flex flex-wrap gap-3">
              <Button type="button" onClick={close}>
                Stay signed in
              </Button>
              <Button type="button" variant="secondary" onClick={() => void finish(true)}>
                Sign out anyway
              </Button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
