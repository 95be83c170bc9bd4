"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { markNotificationsSeen } from "@/lib/notifications";

export async function markNotificationsSeenAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await markNotificationsSeen(user, { upTo: form.get("upTo") });
    // The header's count is on every page.
    revalidatePath("/", "layout");
    return "Your notifications are marked as seen.";
  });
}
