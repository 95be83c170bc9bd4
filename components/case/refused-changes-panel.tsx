"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { changeInWords, changeSubject, type RefusedCase } from "./refused-changes";
import { REFUSED_CHANGES_ID } from "./refused-changes-anchor";

// On My cases: the changes kept in this browser that Case Review refused, by case, with the reason
// and what each one said, so that the inspector can pass it on to the lead; then, once they have, a
// discard that asks first (GOV.UK: confirm before a destructive action, the choice stated plainly).

function RefusedCaseItem({ item, onDiscard }: { item: RefusedCase; onDiscard: (item: RefusedCase) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const name = item.reference ? `case ${item.reference}` : "this case";
  const count = `${item.refused.length} ${item.refused.length === 1 ? "change" : "changes"}`;
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  return (
    <li className="mt-4 border-t border-line pt-3">
      <h3 className="text-lg font-bold">{item.reference ? `Case ${item.reference}` : "A case whose reference this browser did not keep"}</h3>
      <p className="mt-1">
        <span className="font-semibold">Why: </span>
        {item.refused[0]!.rejected!.message}
      </p>
      <ul className="mt-2">
        {item.refused.map((change) => (
          <li key={change.seq} className="mt-2">
            <p className="font-semibold">{changeSubject(change)}</p>
            {change.rejected!.message !== item.refused[0]!.rejected!.message ? <p>Why: {change.rejected!.message}</p> : null}
            <dl className="ml-4">
              {changeInWords(change).map(([label, value]) => (
                <div key={label} className="flex flex-wrap gap-x-2">
                  <dt className="font-semibold">{label}:</dt>
                  <dd className="whitespace-pre-wrap break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      {item.waiting > 0 ? (
        <p className="mt-2">
          {item.waiting} more {item.waiting === 1 ? "change" : "changes"} to {name} {item.waiting === 1 ? "waits" : "wait"} behind {item.refused.length === 1 ? "it" : "them"} and will be sent
          once you discard {item.refused.length === 1 ? "it" : "them"}.
        </p>
      ) : null}
      {confirming ? (
        <div className="mt-3 border-l-8 border-error bg-white p-3">
          <p ref={question} tabIndex={-1} className="font-bold">
            Are you sure you want to discard {count} to {name}? They will be deleted from this browser and cannot be got back. Copy anything you need first.
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button type="button" variant="warning" onClick={() => void onDiscard(item)}>
              Yes, discard {count} to {name}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              No, keep them
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" className="mt-3" onClick={() => setConfirming(true)}>
          Discard {count} to {name}
        </Button>
      )}
    </li>
  );
}

export function RefusedChanges({ cases, onDiscard }: { cases: RefusedCase[]; onDiscard: (item: RefusedCase) => Promise<void> }) {
  if (cases.length === 0) return null;
  return (
    <section id={REFUSED_CHANGES_ID} aria-labelledby={`${REFUSED_CHANGES_ID}-heading`} className="mb-8 max-w-3xl border-l-8 border-error p-4">
      <h2 id={`${REFUSED_CHANGES_ID}-heading`} className="text-xl font-bold">
        Changes that could not be saved
      </h2>
      <p className="mt-1">
        Case Review refused these changes kept in this browser, and will not send them again by itself. Copy what you need and pass it on to your lead inspector, then
        discard them.
      </p>
      <ul>
        {cases.map((item) => (
          <RefusedCaseItem key={item.caseId} item={item} onDiscard={onDiscard} />
        ))}
      </ul>
    </section>
  );
}
