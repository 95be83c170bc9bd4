"use client";

import ErrorPage from "./error";
import "./globals.css";

// The root layout itself failed (its session or notifications query, e.g. while the database is
// unreachable), so this replaces the whole document.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, there is a problem with the service – Case Review</title>
      </head>
      <body className="min-h-screen font-sans">
        <main id="main-content" className="mx-auto max-w-7xl px-4 py-6">
          <ErrorPage error={error} reset={reset} />
        </main>
      </body>
    </html>
  );
}
