"use client";

import { createContext, startTransition, use, useActionState, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Scalar } from "@/lib/flat-fields";
import { fieldIds } from "@/lib/cases/field-ids";
import type { CasePageModel } from "@/lib/cases/queries";
import { IDLE, type FormState } from "@/lib/http/form-state";
import { useCaseActions } from "./case-actions";
import { casesPath } from "./offline-cache-names";
import type { LocalState } from "./outbox-logic";
import { questionApplicability } from "./question-card";
import { SaveStatus } from "./save-status";
import { useCaseStore, type CaseStore } from "./use-case-store";

// The case page's live state, shared by its interactive parts (case-page-parts.tsx): the store of
// answers (use-case-store), the completion's result and the errors still open. The page's fixed text
// and structure are rendered on the server (case-workspace.tsx) around those parts, so the browser
// neither loads nor runs code for what never changes (issue 12, bench/RESULTS.md).

/**
 * The completion errors still true of the page as it is now: an error about a question that no longer
 * applies, or one the inspector has since fixed, leaves the summary (and its link, whose control may
 * be gone). Errors the page cannot judge (a lead's comment) stay until the next attempt.
 */
function stillOpen(model: CasePageModel, local: LocalState, errors: Readonly<Record<string, string>>): Record<string, string> {
  const fields = local.caseFields;
  const open: Record<string, string> = {};
  const byField = new Map<string, { question: CasePageModel["sections"][number]["questions"][number]; kind: "answer" | "rationale" | "naReason" }>();
  for (const section of model.sections) {
    for (const question of section.questions) {
      byField.set(fieldIds.answer(question.id), { question, kind: "answer" });
      byField.set(fieldIds.rationale(question.id), { question, kind: "rationale" });
      byField.set(fieldIds.naReason(question.id), { question, kind: "naReason" });
    }
  }
  for (const [field, message] of Object.entries(errors)) {
    const target = byField.get(field);
    let stays = true;
    if (target) {
      const answer = local.answers[target.question.id] ?? {};
      const blank = (v: Scalar | undefined) => typeof v !== "string" || v.trim() === "";
      stays =
        questionApplicability(target.question, model.case.stream, fields).applies &&
        (target.kind === "answer"
          ? answer.value == null || (answer.value === "na" && !target.question.notApplicableAllowed)
          : target.kind === "rationale"
            ? answer.value === "no" && blank(answer.rationale)
            : answer.value === "na" && blank(answer.naReason));
    } else if (field === fieldIds.harmFactors) stays = fields.harmFactors == null;
    else if (field === fieldIds.safetyWellbeingFactors) stays = fields.safetyWellbeingFactors == null;
    else if (field === fieldIds.interviewed) stays = fields.caseManagerInterviewed == null;
    else if (field === fieldIds.interviewDate) stays = fields.caseManagerInterviewed === true && !fields.caseManagerInterviewDate;
    if (stays) open[field] = message;
  }
  return open;
}

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
  const { flushNow } = store;
  const submitCompletion = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      setUnsent(null);
      const waiting = await flushNow();
      if (waiting > 0) {
        setUnsent(
          `${waiting} ${waiting === 1 ? "change has" : "changes have"} not reached the server yet. They are kept in this browser; mark complete once they are saved.`,
        );
        return;
      }
      startTransition(() => complete(form));
    },
    [complete, flushNow],
  );
  const errors = completion.status === "error" ? stillOpen(model, store.local, completion.fieldErrors) : {};
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
