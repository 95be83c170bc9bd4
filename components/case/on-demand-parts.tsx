import type { ComponentProps } from "react";
import { lazyPart } from "@/components/ui/on-demand";
import type { ConflictPanel as Panel } from "./conflict-panel";

// Parts of the case page loaded only when shown (components/ui/on-demand.tsx): a conflict, the
// comment threads of an answer that has any (or for the lead, who may add one), the lead's quality
// assurance, the corrections to the case's details once opened, the list of problems a completion
// or a wait for unsent changes brings. An inspector's page usually shows none of them at load. Not
// the interview's date: it must be there for the Tab that follows a "yes" to the interview
// (e2e/case-assessment.spec.ts, by keyboard only).

export const ConflictPanel = lazyPart(() => import("./conflict-panel").then((m) => ({ default: m.ConflictPanel })));

/** A conflict on the case's details, its fields named as the case's history names them. */
export const CaseConflictPanel = lazyPart(() =>
  Promise.all([import("./conflict-panel"), import("@/lib/cases/case-fields")]).then(([{ ConflictPanel }, { caseFieldLabel }]) => ({
    default: function CaseConflictPanel(props: Omit<ComponentProps<typeof Panel>, "labelOf">) {
      return <ConflictPanel {...props} labelOf={caseFieldLabel} />;
    },
  })),
);

export const QueryThreads = lazyPart(() => import("./qa").then((m) => ({ default: m.QueryThreads })));
export const QaPanel = lazyPart(() => import("./qa-panel").then((m) => ({ default: m.QaPanel })));
export const CaseCorrections = lazyPart(() => import("./case-corrections").then((m) => ({ default: m.CaseCorrections })));
export const ErrorSummary = lazyPart(() => import("@/components/ui/error-summary").then((m) => ({ default: m.ErrorSummary })));
