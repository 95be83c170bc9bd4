"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";

type Errors = { email?: string; password?: string; form?: string };

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: Errors = {};
    if (!email) found.email = "Enter your email address";
    if (!password) found.password = "Enter your password";
    setErrors(found);
    if (found.email || found.password) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setErrors({ form: result?.error && result.error !== "CredentialsSignin" ? result.error : "The email address or password is not right. Check them and try again." });
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setErrors({ form: "Case Review could not be reached. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  const summary = [
    ...(errors.form ? [{ field: "email", message: errors.form }] : []),
    ...(errors.email ? [{ field: "email", message: errors.email }] : []),
    ...(errors.password ? [{ field: "password", message: errors.password }] : []),
  ];

  return (
    // Posted, never a GET: submitted before the page's JavaScript runs (slow laptop, JavaScript off),
    // a form without a method would put the password in the URL. next-auth then answers without
    // signing in (its CSRF token comes from JavaScript) and sends the browser back here.
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <noscript>
        <p className="border-link mb-4 border-l-8 bg-[#e8f1f8] p-3">Case Review needs JavaScript to sign you in. Turn JavaScript on in your browser, then reload this page.</p>
      </noscript>
      <ErrorSummary errors={summary} />
      <TextField name="email" label="Email" type="email" autoComplete="username" error={errors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
      <Button disabled={pending} aria-busy={pending}>
        Sign in
      </Button>
    </form>
  );
}
