import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DisableUserForm } from "@/components/admin/user-forms";
import { PageHeading } from "@/components/ui/notice";
import { requireRole } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { findUser } from "@/lib/users";
import { disableUserAction } from "@/app/admin/users/actions";

export const metadata: Metadata = { title: "Disable an account" };

// The confirmation step before disabling an account: a page of its own, so it works without
// JavaScript, says what will happen, and offers a way back.
export default async function DisableUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requireRole(["admin"], `/admin/users/${encodeURIComponent(userId)}/disable`);
  const user = await findUser(actor, userId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (!user.active || user.id === actor.id) {
    return (
      <>
        <PageHeading caption="Administration">{user.active ? "You cannot disable your own account" : `${user.name}’s account is already disabled`}</PageHeading>
        <Link href="/admin/users" className="text-link underline">
          Back to users
        </Link>
      </>
    );
  }
  return (
    <>
      <PageHeading caption="Administration">Disable {user.name}’s account?</PageHeading>
      <p className="mb-4">{user.email}</p>
      <div className="mb-6 max-w-2xl border-l-8 border-error p-3">
        <p className="font-semibold">They are signed out everywhere at once and cannot sign in until an administrator re-enables the account.</p>
        <p className="mt-2">
          Everything they recorded is kept, and their places on inspection teams and their allocated cases stay as they are: ask the
          lead inspectors to reallocate cases that still need work.
        </p>
      </div>
      <DisableUserForm disableUserAction={disableUserAction} user={user} />
    </>
  );
}
