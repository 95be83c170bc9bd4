import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { authorizeGlobal, isUuid, type Actor } from "@/lib/permissions/access";
import { GLOBAL_ROLES } from "@/lib/permissions/table";

// Managing user accounts: administrators only. Every change is audited; a change of role, a reset
// password or disabling ends the user's existing sessions (session version bump).

/** A new password, set by an administrator or by its owner. */
export const passwordSchema = z
  .string({ message: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Enter a password of at most 200 characters");

export const newUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name").max(120, "Enter a name of at most 120 characters"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address")
    .max(320, "Enter an email address of at most 320 characters")
    .pipe(z.email({ message: "Enter an email address in the right format, like name@example.gov.uk" })),
  role: z.enum(GLOBAL_ROLES, { message: "Choose a role" }),
  password: passwordSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userChangeSchema = z.object({
  userId: z.string().refine(isUuid, "Unknown user"),
  role: z.enum(GLOBAL_ROLES, { message: "Choose a role" }),
  active: z.boolean(),
});

export const passwordResetSchema = z.object({
  userId: z.string().refine(isUuid, "Unknown user"),
  password: passwordSchema,
});

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError("There is a problem with what you entered.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

export async function listUsers(actor: Actor) {
  authorizeGlobal(actor, "users.manage");
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, createdAt: true },
  });
}

export async function createUser(actor: Actor, input: unknown) {
  authorizeGlobal(actor, "users.manage");
  const data = parse(newUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw new ValidationError("There is a problem with what you entered.", { email: "A user with this email address already exists" });
    }
    const user = await tx.user.create({
      data: { name: data.name, email: data.email, role: data.role, passwordHash },
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.created", entityType: "user", entityId: user.id, after: { role: user.role, active: true } });
    return user;
  });
}

export async function changeUser(actor: Actor, input: unknown) {
  authorizeGlobal(actor, "users.manage");
  const data = parse(userChangeSchema, input);
  if (data.userId === actor.id && (!data.active || data.role !== "admin")) {
    throw new ValidationError("You cannot remove your own administrator rights or disable your own account.", {
      form: "You cannot remove your own administrator rights or disable your own account.",
    });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: data.userId }, select: { role: true, active: true } });
    if (!before) throw new NotFoundError("There is no such user.");
    if (before.role === data.role && before.active === data.active) return;
    await tx.user.update({
      where: { id: data.userId },
      data: { role: data.role, active: data.active, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.rights_changed",
      entityType: "user",
      entityId: data.userId,
      before,
      after: { role: data.role, active: data.active },
    });
  });
}

export async function resetPassword(actor: Actor, input: unknown) {
  authorizeGlobal(actor, "users.manage");
  const data = parse(passwordResetSchema, input);
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true } });
    if (!found) throw new NotFoundError("There is no such user.");
    await tx.user.update({
      where: { id: data.userId },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entityType: "user", entityId: data.userId });
  });
}
