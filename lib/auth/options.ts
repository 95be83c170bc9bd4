import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { environment } from "@/lib/config/env";
import { safeRedirectUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { authenticate } from "./authenticate";
import { revokeSession } from "./revocation";
import { SECURE_COOKIES, SESSION_COOKIE_NAME, SESSION_MAX_AGE_SECONDS } from "./session-token";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const authOptions: NextAuthOptions = {
  secret: environment().NEXTAUTH_SECRET,
  // Behind HTTPS the session cookie is Secure (and __Secure- prefixed); it is always HttpOnly and
  // SameSite=Lax: next-auth's defaults, spelled out because lib/auth/session.ts reads the cookie itself.
  useSecureCookies: SECURE_COOKIES,
  cookies: {
    sessionToken: { name: SESSION_COOKIE_NAME, options: { httpOnly: true, sameSite: "lax", path: "/", secure: SECURE_COOKIES } },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email address and password.");
        const result = await authenticate(parsed.data.email, parsed.data.password, clientAddress(request?.headers, environment().TRUSTED_PROXY_HOPS));
        // next-auth passes the thrown message to the sign-in form as its error.
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only paths on this site (lib/auth/callback-url.ts); next-auth's default also throws (a 500) on
    // a callbackUrl that is not a URL.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user }) {
      // At sign-in only: `sid` names this session for sign-out's revocation, and stays in every token
      // next-auth re-issues for it (each of which gets a new jti).
      if (user && "sessionVersion" in user) {
        token.sessionVersion = user.sessionVersion as number;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
  events: {
    // Runs after next-auth has checked the sign-out form's CSRF token, with the decoded session token.
    signOut: ({ token }) => revokeSession(token),
  },
};
