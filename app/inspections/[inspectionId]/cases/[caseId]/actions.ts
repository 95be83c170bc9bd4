"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { approveCase, closeQuery, completeCase, raiseQuery, reopenCase, replyToQuery, returnCase } from "@/lib/cases/workflow";

// Server actions of the case page: each parses the form and calls one lib/cases use case, which
// checks the rights. Answers themselves are saved through the outbox (app/api/cases/[caseId]/changes).

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function refresh(form: FormData): void {
  revalidatePath(`/inspections/${text(form, "inspectionId")}/cases/${text(form, "caseId")}`);
  revalidatePath(`/inspections/${text(form, "inspectionId")}/cases`);
}

export async function completeAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    const { scope } = await completeCase(user, { caseId: text(form, "caseId"), scope: text(form, "scope") });
    refresh(form);
    return scope === "case" ? "The case is marked as complete. The lead inspector can now review it." : `Section ${scope} is marked as complete.`;
  });
}

export async function raiseQueryAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await raiseQuery(user, { caseId: text(form, "caseId"), questionId: text(form, "questionId"), body: text(form, "body") });
    refresh(form);
    return "Comment added.";
  });
}

export async function replyQueryAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await replyToQuery(user, { queryId: text(form, "queryId"), body: text(form, "body") });
    refresh(form);
    return "Reply sent.";
  });
}

export async function closeQueryAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await closeQuery(user, { queryId: text(form, "queryId") });
    refresh(form);
    return "Comment closed.";
  });
}

export async function returnCaseAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await returnCase(user, { caseId: text(form, "caseId") });
    refresh(form);
    return "The case is returned to its inspector with your comments.";
  });
}

export async function approveCaseAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await approveCase(user, { caseId: text(form, "caseId") });
    refresh(form);
    return "The case is approved and locked.";
  });
}

export async function reopenCaseAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await reopenCase(user, { caseId: text(form, "caseId"), reason: text(form, "reason") });
    refresh(form);
    return "The case is reopened. Its inspector can change it again.";
  });
}
