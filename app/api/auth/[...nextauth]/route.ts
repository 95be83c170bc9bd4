import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { getSignedInUser } from "@/lib/auth/session";
import { SECURE_COOKIES, SESSION_COOKIE_NAME } from "@/lib/auth/session-token";

type Context = { params: Promise<{ nextauth?: string[] }> };

const nextAuth = NextAuth(authOptions) as (request: Request, context: Context) => Promise<Response>;

/**
 * next-auth's session route re-issues a fresh token (the sliding session) for any token it can
 * decrypt. A session that no longer holds (signed out, account disabled, session version bumped)
 * gets what a signed-out browser gets, and its cookie is removed: a copied cookie cannot be renewed.
 */
async function handler(request: Request, context: Context): Promise<Response> {
  const action = (await context.params).nextauth?.[0];
  if (action === "session" && !(await getSignedInUser())) {
    const response = NextResponse.json({}, { headers: { "Cache-Control": "private, no-cache, no-store" } });
    if (request.headers.get("cookie")?.includes(SESSION_COOKIE_NAME)) {
      response.cookies.set(SESSION_COOKIE_NAME, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: SECURE_COOKIES });
    }
    return response;
  }
  return nextAuth(request, context);
}

export { handler as GET, handler as POST };
