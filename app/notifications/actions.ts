"use server";

import { revalidatePath } from "next/cache";
import { field, formAction } from "@/lib/http/form-action";
import { markNotificationsSeen } from "@/lib/notifications";

export const markNotificationsSeenAction = formAction({
  fields: { upTo: field.sent() },
  async call(user, { upTo }) {
    await markNotificationsSeen(user, { upTo });
    // The header's count is on every page.
    revalidatePath("/", "layout");
    return "Your notifications are marked as seen.";
  },
});
