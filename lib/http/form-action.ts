import { z } from "zod";
import { requireRole, requireUser, type SessionUser } from "@/lib/auth/session";
import type { GlobalRole } from "@/lib/permissions/table";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "./form-state";

// The one shape of a server action (app/**/actions.ts): require a signed-in user (and a global role
// where the action is for one role), refuse anything that is not a form, read the form's fields
// through a zod schema, then call one lib/ use case, which parses the values, checks the permission
// table and owns its transaction. Its errors become the form's state (field errors, 403, 404).

/** Fields read with every value sent under their name (form.getAll), not only the first. */
const LIST_FIELDS = new WeakSet<z.ZodType>();

/** How a form field is read; none fails, the use case's own schema judges the values. */
export const field = {
  /** The text sent, or "" when the field is missing or not text. */
  text: () => z.unknown().transform((value) => (typeof value === "string" ? value : "")),
  /** The text sent, or null when the field is missing or not text. */
  textOrNull: () => z.unknown().transform((value) => (typeof value === "string" ? value : null)),
  /** Whether a checkbox was ticked. */
  checkbox: () => z.unknown().transform((value) => value === "on"),
  /** The value as sent (text, a file, or null), for use cases whose schema reports a wrong kind. */
  sent: () => z.unknown().transform((value) => value as FormDataEntryValue | null),
  /** Every text value sent under the name (the ticked checkboxes that share it), in order. */
  texts: () => {
    const schema = z.unknown().transform((values) => (values as FormDataEntryValue[]).filter((value) => typeof value === "string"));
    LIST_FIELDS.add(schema);
    return schema;
  },
};

type Fields = Record<string, z.ZodType>;

export interface FormActionSpec<F extends Fields> {
  /** Only users with one of these global roles (others get the 403 page). */
  roles?: readonly GlobalRole[];
  /** Where sign-in returns to, for a signed-out caller. */
  returnTo?: string;
  /** Whether a user who must still replace a temporary password may call it (lib/auth/session.ts). */
  temporaryPasswordAllowed?: boolean;
  fields: F;
  /** Calls one lib/ use case and answers the success message (revalidating or redirecting as needed). */
  call: (actor: SessionUser, input: { [K in keyof F]: z.output<F[K]> }) => Promise<string>;
}

export function formAction<F extends Fields>(spec: FormActionSpec<F>): (state: FormState, form: FormData) => Promise<FormState> {
  const schema = z.object(spec.fields);
  const names = Object.keys(spec.fields);
  const read = (form: FormData, name: string) => (LIST_FIELDS.has(spec.fields[name]!) ? form.getAll(name) : form.get(name));
  return async (_state: FormState, form: FormData) => {
    const actor = spec.roles
      ? await requireRole(spec.roles, spec.returnTo)
      : await requireUser(spec.returnTo, { temporaryPasswordAllowed: spec.temporaryPasswordAllowed ?? false });
    if (!isForm(form)) return NOT_A_FORM;
    const input = schema.parse(Object.fromEntries(names.map((name) => [name, read(form, name)]))) as { [K in keyof F]: z.output<F[K]> };
    return runFormAction(() => spec.call(actor, input));
  };
}
