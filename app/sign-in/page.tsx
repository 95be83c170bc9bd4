import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { StatusNotice, PageHeading } from "@/components/ui/notice";
import { getSignedInAccount } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(url: string | undefined): string {
  // Only same-site paths: never send a user on to another site after sign-in.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
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
