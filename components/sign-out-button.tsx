"use client";

import { useRef, useState } from "react";
import { unsentChangeCount } from "@/components/case/idb";
import { Button } from "@/components/ui/button";

/**
 * Signing out (sign-out.ts) is loaded when it is chosen: it is in no page's scripts at load. Whether
 * changes wait to be sent is asked first, from IndexedDB (idb.ts), which works without a connection.
 */
export function SignOutButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [unsent, setUnsent] = useState(0);

  async function finish(keepOutbox: boolean) {
    const { signOutForgettingThisDevice } = await import("./sign-out");
    await signOutForgettingThisDevice(keepOutbox);
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
