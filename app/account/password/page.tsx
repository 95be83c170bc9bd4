import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeading } from "@/components/ui/notice";
import { getSignedInAccount, requireUser } from "@/lib/auth/session";
import { changePasswordAction } from "@/app/account/password/actions";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  await requireUser("/account/password", { temporaryPasswordAllowed: true });
  const temporary = (await getSignedInAccount())?.passwordIsTemporary ?? false;
  return (
    <>
      <PageHeading>Change your password</PageHeading>
      {temporary ? (
        <p className="mb-4 max-w-2xl border-l-8 border-link bg-[#e8f1f8] p-3 font-semibold">
          The password you signed in with was set by an administrator. Choose your own password to continue.
        </p>
      ) : null}
      <p className="mb-6 max-w-2xl">
        You will be signed out everywhere, on this device and any other, and asked to sign in again with your new password.
      </p>
      <ChangePasswordForm changePasswordAction={changePasswordAction} />
    </>
  );
}
