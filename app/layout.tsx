import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { getSignedInAccount } from "@/lib/auth/session";
import { unseenNotificationCount } from "@/lib/notifications";
import { GLOBAL_ROLE_LABELS, type GlobalRole } from "@/lib/permissions/table";
import "./globals.css";

/** The programme in the header for those who compare inspections (an inspector's would list only their own, as the home page does). */
const PROGRAMME_IN_NAVIGATION: readonly GlobalRole[] = ["admin", "manager", "lead_inspector"];

export const metadata: Metadata = {
  title: { default: "Case Review", template: "%s – Case Review" },
  description: "Case assessment and ratings for youth justice inspections",
  // Installable on a laptop (public/manifest.webmanifest); the PNG icons are public/icons/icon.svg rendered at each size.
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInAccount();
  // A user who must first choose their own password sees no navigation, nor notifications.
  const unseen = user && !user.passwordIsTemporary ? await unseenNotificationCount(user) : 0;
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans">
        <a href="#main-content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-focus focus:p-2 focus:text-ink">
          Skip to main content
        </a>
        {/* The header's links are plain links, not next/link: Next's Link (about 3 KB gzipped) would be in
            the scripts of every page, the case page's among them (bench/RESULTS.md, issue 12), and its
            prefetching made every page fetch and process up to six others as it loaded. */}
        <header className="no-print border-b-8 border-link bg-ink text-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
            <a href="/" className="text-xl font-bold text-white no-underline">
              Case Review
            </a>
            {user ? (
              <nav aria-label="Account" className="flex flex-wrap items-center gap-4 text-sm [&>a]:text-white [&>button]:text-white">
                {user.passwordIsTemporary ? null : <a href="/">Inspections</a>}
                {!user.passwordIsTemporary && PROGRAMME_IN_NAVIGATION.includes(user.role) ? <a href="/programme">Programme</a> : null}
                {user.passwordIsTemporary ? null : (
                  // MoJ notification badge: the count is part of the link's name, not colour alone.
                  <a href="/notifications" className="inline-flex items-center gap-1" aria-label={unseen > 0 ? `Notifications, ${unseen > 99 ? "more than 99" : unseen} new` : undefined}>
                    Notifications
                    {unseen > 0 ? (
                      <span className="inline-block min-w-6 rounded-full bg-[#d4351c] px-1.5 text-center text-xs leading-6 font-bold text-white">{unseen > 99 ? "99+" : unseen}</span>
                    ) : null}
                  </a>
                )}
                {user.role === "admin" && !user.passwordIsTemporary ? <a href="/admin/users">Users</a> : null}
                <span>
                  {user.name} <span className="text-[#b1b4b6]">({GLOBAL_ROLE_LABELS[user.role]})</span>
                </span>
                <a href="/account/password">Change password</a>
                <SignOutButton
                  stillSignedIn={{
                    title: "You are still signed in",
                    explanation: (
                      <p className="mb-4">
                        Case Review could not be reached, so your session has not ended and nothing on this computer was removed. Sign out again when you
                        have a connection.
                      </p>
                    ),
                  }}
                  unsentAdvice={
                    <p className="mb-4">They stay on this computer and are sent when you next sign in here. Stay signed in until they are saved if you can.</p>
                  }
                />
              </nav>
            ) : null}
          </div>
        </header>
        <main id="main-content" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
