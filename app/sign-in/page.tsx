import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { StatusNotice, PageHeading } from "@/components/ui/notice";
import { getSignedInAccount } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths: never send a user on to another site after sign-in.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSignedInAccount()) redirect(callbackUrl);
  return (
    <div className="max-w-xl">
      <PageHeading>Sign in to Case Review</PageHeading>
      {params.signedOut ? <StatusNotice>You have been signed out.</StatusNotice> : null}
      {params.passwordChanged ? <StatusNotice>Your password has been changed. Sign in with your new password.</StatusNotice> : null}
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
