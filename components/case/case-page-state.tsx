"use client";

import { createContext, startTransition, use, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { CasePageModel } from "@/lib/cases/queries";
import { IDLE, type FormState } from "@/lib/http/form-state";
import { useCaseActions } from "./case-actions";
import { casesPath } from "./offline-cache-names";
import { SaveStatus } from "./save-status";
import { useCaseStore, type CaseStore } from "./use-case-store";

// The case page's live state, shared by its interactive parts (case-page-parts.tsx): the store of
// answers (use-case-store), the completion's result and the errors still open. The page's fixed text
// and structure are rendered on the server (case-workspace.tsx) around those parts, so the browser
// neither loads nor runs code for what never changes (issue 12, bench/RESULTS.md).

type StillOpen = (typeof import("./completion-errors"))["stillOpen"];

export interface CasePageState {
  model: CasePageModel;
  store: CaseStore;
  /** The last completion attempt's result. */
  completion: FormState;
  completing: boolean;
  /** Its field errors that are still true of the page. */
  errors: Readonly<Record<string, string>>;
  /** Why the last completion was not sent: changes still waiting for the server. */
  unsent: string | null;
  submitCompletion: (event: FormEvent<HTMLFormElement>) => void;
}

const CasePageContext = createContext<CasePageState | null>(null);

export function useCasePage(): CasePageState {
  const state = use(CasePageContext);
  if (!state) throw new Error("useCasePage is used outside CasePageProvider.");
  return state;
}

/** The page's state, its sticky save bar, and `children`: the page, rendered on the server with its interactive parts in it. */
export function CasePageProvider({ model, children }: { model: CasePageModel; children: ReactNode }) {
  const store = useCaseStore(model);
  const { completeAction } = useCaseActions();
  const [completion, complete, completing] = useActionState(completeAction, IDLE);
  const [unsent, setUnsent] = useState<string | null>(null);
  // What the browser scrolls into view (an error-summary link's field, a focused control) stops below
  // the sticky save bar, however tall it has wrapped (320 px, a conflict message): its height + a gap.
  // Set on the element itself, not through state: a re-render of the whole page for a CSS variable
  // was one of the long tasks after the page loaded.
  const page = useRef<HTMLDivElement>(null);
  const saveBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = saveBar.current;
    if (!bar || !page.current || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => page.current?.style.setProperty("--save-bar-offset", `${Math.ceil(bar.getBoundingClientRect().height) + 16}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  // Which of a failed completion's errors still hold (completion-errors.ts), loaded with the first
  // attempt rather than with the page; should it fail to load, every error the server gave is shown.
  const [stillOpen, setStillOpen] = useState<StillOpen | null>(null);
  const { flushNow } = store;
  async function submitCompletion(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setUnsent(null);
    const [waiting] = await Promise.all([
      flushNow(),
      import("./completion-errors").then(
        (m) => setStillOpen(() => m.stillOpen),
        () => undefined,
      ),
    ]);
    if (waiting > 0) {
      setUnsent(`${waiting} ${waiting === 1 ? "change has" : "changes have"} not reached the server yet. They are kept in this browser; mark complete once they are saved.`);
      return;
    }
    startTransition(() => complete(form));
  }
  const errors = completion.status !== "error" ? {} : stillOpen ? stillOpen(model, store.local, completion.fieldErrors) : completion.fieldErrors;
  const state: CasePageState = { model, store, completion, completing, errors, unsent, submitCompletion: (event) => void submitCompletion(event) };
  return (
    <div ref={page} className="[&_:is(input,textarea,select,button,a,summary,label,legend,h2,h3)]:scroll-mt-[var(--save-bar-offset,6rem)]">
      {/* Sticky here, not inside SaveStatus: a sticky element only sticks within its parent. */}
      <div ref={saveBar} id="save-status" tabIndex={-1} className="no-print sticky top-0 z-20">
        <SaveStatus store={store} conflictCount={Object.keys(store.conflicts).length} listPath={casesPath(model.inspection.id)} />
      </div>
      <CasePageContext value={state}>{children}</CasePageContext>
    </div>
  );
}
