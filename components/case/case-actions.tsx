"use client";

import { createContext, use, type ReactNode } from "react";
import type { ServerFormAction } from "@/lib/http/form-state";

/**
 * The case page's server actions (app/inspections/[inspectionId]/cases/[caseId]/actions.ts), given
 * by the page around CaseWorkspace to the forms deep inside it (completion, comments, QA).
 */
export interface CaseActions {
  completeAction: ServerFormAction;
  approveCaseAction: ServerFormAction;
  returnCaseAction: ServerFormAction;
  reopenCaseAction: ServerFormAction;
  raiseQueryAction: ServerFormAction;
  replyQueryAction: ServerFormAction;
  closeQueryAction: ServerFormAction;
}

const CaseActionsContext = createContext<CaseActions | null>(null);

export function CaseActionsProvider({ actions, children }: { actions: CaseActions; children: ReactNode }) {
  return <CaseActionsContext value={actions}>{children}</CaseActionsContext>;
}

export function useCaseActions(): CaseActions {
  const actions = use(CaseActionsContext);
  if (!actions) throw new Error("useCaseActions is used outside CaseActionsProvider.");
  return actions;
}
