"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { field, formAction } from "@/lib/http/form-action";

export const createApiTokenAction = formAction({
  roles: ["admin"],
  fields: { name: field.sent() },
  async call(actor, input) {
    const created = await createApiToken(actor, input);
    revalidatePath("/admin/api-tokens");
    // The token itself travels once, in this answer; components/admin/api-token-forms.tsx shows it.
    return created.token;
  },
});

export const revokeApiTokenAction = formAction({
  roles: ["admin"],
  fields: { tokenId: field.sent() },
  async call(actor, input) {
    const { name } = await revokeApiToken(actor, input);
    revalidatePath("/admin/api-tokens");
    return `${name} is revoked: scripts using it are refused from now on.`;
  },
});
