import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  await requireUser("/account/password");
  return (
    <>
      <PageHeading>Change your password</PageHeading>
      <p className="mb-6 max-w-2xl">
        You will be signed out everywhere, on this device and any other, and asked to sign in again with your new password.
      </p>
      <ChangePasswordForm />
    </>
  );
}
