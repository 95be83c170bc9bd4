"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { field, formAction } from "@/lib/http/form-action";
import { updateInspectionDetails } from "@/lib/inspections/details";
import { startFieldwork } from "@/lib/inspections/fieldwork";
import { addMember, removeMember, setMemberRole } from "@/lib/inspections/team";
import { allocateBalanced, reassignCase } from "@/lib/sampling/allocation-service";
import { addCaseToSample, drawSample, removeCaseFromSample } from "@/lib/sampling/draw-service";

// Set-up's server actions: each calls one lib/ use case and refreshes the set-up pages. Rights are
// checked by the use case (403 page for people who may not change set-up).

const inspection = { inspectionId: field.textOrNull() };

/** A set-up action: its use case, then the inspection's pages refreshed. */
function setupAction<F extends Record<string, z.ZodType>>(
  fields: F,
  change: (actor: SessionUser, input: { inspectionId: string | null } & { [K in keyof F]: z.output<F[K]> }) => Promise<string>,
) {
  return formAction({
    fields: { ...inspection, ...fields },
    async call(actor, input) {
      const message = await change(actor, input as Parameters<typeof change>[1]);
      if (input.inspectionId) revalidatePath(`/inspections/${input.inspectionId}`, "layout");
      return message;
    },
  });
}

export const updateDetailsAction = setupAction(
  {
    yjsName: field.textOrNull(),
    frameworkVersion: field.textOrNull(),
    fieldworkStart: field.textOrNull(),
    windowStart: field.text(),
    windowEnd: field.text(),
    oocWindowStart: field.text(),
    oocWindowEnd: field.text(),
  },
  async (actor, input) => {
    await updateInspectionDetails(actor, input);
    return "Inspection details saved.";
  },
);

export const startFieldworkAction = setupAction({}, async (actor, { inspectionId }) => {
  await startFieldwork(actor, { inspectionId });
  return "Fieldwork has started. Inspectors can now record their cases.";
});

const member = { userId: field.textOrNull(), role: field.textOrNull() };

export const addMemberAction = setupAction(member, (actor, input) => addMember(actor, input));

export const setMemberRoleAction = setupAction(member, (actor, input) => setMemberRole(actor, input));

export const removeMemberAction = setupAction({ userId: field.textOrNull() }, (actor, input) => removeMember(actor, input));

export const drawSampleAction = setupAction({ stream: field.textOrNull(), size: field.textOrNull(), seed: field.text(), confirmRedraw: field.checkbox() }, async (actor, input) => {
  const result = await drawSample(actor, input);
  return result.message;
});

export const addCaseAction = setupAction({ reference: field.textOrNull(), reason: field.textOrNull() }, (actor, input) => addCaseToSample(actor, input));

export const removeCaseAction = setupAction({ caseId: field.textOrNull(), reason: field.textOrNull() }, (actor, input) =>
  removeCaseFromSample(actor, input),
);

export const allocateBalancedAction = setupAction({ includeLead: field.textOrNull(), keepExisting: field.textOrNull() }, (actor, input) =>
  allocateBalanced(actor, input),
);

export const reassignCaseAction = setupAction(
  { caseId: field.textOrNull(), userId: field.text(), expectedUserId: field.text() },
  (actor, input) => reassignCase(actor, input),
);
