"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { addMember, removeMember, setMemberRole, startFieldwork, updateInspectionDetails } from "@/lib/inspections/setup";
import { allocateBalanced, reassignCase } from "@/lib/sampling/allocation-service";
import { addCaseToSample, drawSample, removeCaseFromSample } from "@/lib/sampling/draw-service";

// Set-up's server actions: each reads its form, calls one lib/ use case, and refreshes the set-up
// pages. Rights are checked by the use case (403 page for people who may not change set-up).

function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
}

async function run(form: FormData, change: (actor: Awaited<ReturnType<typeof requireUser>>, inspectionId: string | null) => Promise<string>): Promise<FormState> {
  const actor = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    const message = await change(actor, inspectionId);
    if (inspectionId) revalidatePath(`/inspections/${inspectionId}`, "layout");
    return message;
  });
}

export async function updateDetailsAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, async (actor, inspectionId) => {
    await updateInspectionDetails(actor, {
      inspectionId,
      yjsName: text(form, "yjsName"),
      frameworkVersion: text(form, "frameworkVersion"),
      fieldworkStart: text(form, "fieldworkStart"),
      windowStart: text(form, "windowStart") ?? "",
      windowEnd: text(form, "windowEnd") ?? "",
      oocWindowStart: text(form, "oocWindowStart") ?? "",
      oocWindowEnd: text(form, "oocWindowEnd") ?? "",
    });
    return "Inspection details saved.";
  });
}

export async function startFieldworkAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, async (actor, inspectionId) => {
    await startFieldwork(actor, { inspectionId });
    return "Fieldwork has started. Inspectors can now record their cases.";
  });
}

export async function addMemberAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) => addMember(actor, { inspectionId, userId: text(form, "userId"), role: text(form, "role") }));
}

export async function setMemberRoleAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) => setMemberRole(actor, { inspectionId, userId: text(form, "userId"), role: text(form, "role") }));
}

export async function removeMemberAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) => removeMember(actor, { inspectionId, userId: text(form, "userId") }));
}

export async function drawSampleAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, async (actor, inspectionId) => {
    const result = await drawSample(actor, { inspectionId, stream: text(form, "stream"), size: text(form, "size"), seed: text(form, "seed") ?? "" });
    return result.message;
  });
}

export async function addCaseAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) => addCaseToSample(actor, { inspectionId, reference: text(form, "reference"), reason: text(form, "reason") }));
}

export async function removeCaseAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) => removeCaseFromSample(actor, { inspectionId, caseId: text(form, "caseId"), reason: text(form, "reason") }));
}

export async function allocateBalancedAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) =>
    allocateBalanced(actor, { inspectionId, includeLead: text(form, "includeLead"), keepExisting: text(form, "keepExisting") }),
  );
}

export async function reassignCaseAction(_: FormState, form: FormData): Promise<FormState> {
  return run(form, (actor, inspectionId) =>
    reassignCase(actor, {
      inspectionId,
      caseId: text(form, "caseId"),
      userId: text(form, "userId") ?? "",
      expectedUserId: text(form, "expectedUserId") ?? "",
    }),
  );
}
