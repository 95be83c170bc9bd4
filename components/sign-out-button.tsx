"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in?signedOut=1" })} className="underline underline-offset-2">
      Sign out
    </button>
  );
}
