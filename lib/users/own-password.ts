import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions/access";
import { consumeRateLimit } from "@/lib/rate-limit";
import { parse } from "@/lib/validation";
import { checkPasswordFor, passwordSchema } from "./index";

// A user changes their own password (an administrator only sets the first one, or resets it). They
// prove the current one; afterwards every session of theirs ends, this one included (session version
// bump), so a session someone else may hold on an old password does not outlive the change.

/** Guessing the current password through this form is bounded like signing off: 10 tries per 15 minutes. */
const ATTEMPTS = { limit: 10, windowSeconds: 900 };

const ownPasswordSchema = z
  .object({
    currentPassword: z.string({ message: "Enter your current password" }).min(1, "Enter your current password").max(1024, "Enter your current password"),
    newPassword: passwordSchema,
    confirmPassword: z.string({ message: "Enter your new password again" }).max(1024),
  })
  .superRefine((data, ctx) => {
    if (data.confirmPassword !== data.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Enter the same new password twice" });
    } else if (data.newPassword === data.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a new password that is different from your current one" });
    }
  });

export async function changeOwnPassword(actor: Actor, input: unknown): Promise<void> {
  const data = parse(ownPasswordSchema, input);
  const attempt = await consumeRateLimit(`password-change:${actor.id}`, ATTEMPTS.limit, ATTEMPTS.windowSeconds);
  if (!attempt.allowed) {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    throw new ValidationError("Too many attempts.", { currentPassword: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}` });
  }
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, name: true, email: true } });
  if (!user || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new ValidationError("Your current password is not right.", { currentPassword: "Your current password is not right" });
  }
  checkPasswordFor(data.newPassword, { name: user.name, email: user.email, whose: "your" }, "newPassword");
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordIsTemporary: false, sessionVersion: { increment: 1 } } });
    await tx.signInFailure.deleteMany({ where: { email: user.email } });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_changed", entityType: "user", entityId: actor.id });
  });
}
