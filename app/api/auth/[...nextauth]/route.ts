import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { getSignedInAccount } from "@/lib/auth/session";
import { SECURE_COOKIES, SESSION_COOKIE_NAME } from "@/lib/auth/session-token";
import { publicRouteHandler } from "@/lib/http/route-handler";

type Context = { params: Promise<{ nextauth?: string[] }> };

const nextAuth = NextAuth(authOptions) as (request: Request, context: Context) => Promise<Response>;

/**
 * next-auth reads a POST's body whole (request.text()), before any check: a 200 MB upload to the
 * sign-in or sign-out endpoint ran the server out of memory. Its forms hold an email, a password,
 * a CSRF token and a callback URL, well under this cap, which is enforced while the body streams in.
 */
const AUTH_BODY_BYTES = 16 * 1024;

/**
 * next-auth's session route re-issues a fresh token (the sliding session) for any token it can
 * decrypt. A session that no longer holds (signed out, account disabled, session version bumped)
 * gets what a signed-out browser gets, and its cookie is removed: a copied cookie cannot be renewed.
 */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const action = (await context.params).nextauth?.[0];
  if (action === "session" && !(await getSignedInAccount())) {
    const response = NextResponse.json({}, { headers: { "Cache-Control": "private, no-cache, no-store" } });
    if (request.headers.get("cookie")?.includes(SESSION_COOKIE_NAME)) {
      response.cookies.set(SESSION_COOKIE_NAME, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: SECURE_COOKIES });
    }
    return response;
  }
  return nextAuth(request, context);
}

const capped = publicRouteHandler({ maxBodyBytes: AUTH_BODY_BYTES }, handler);
export { capped as GET, capped as POST };
