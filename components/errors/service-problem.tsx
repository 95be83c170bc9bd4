// What a page that failed on the server says (app/error.tsx, app/global-error.tsx). The case page's
// changes live in the browser's outbox (components/case/outbox.ts) until the server acknowledges
// them, so a failed page loses nothing the inspector typed. Loaded only when a page fails (app/error.tsx).

import { ProblemHeading } from "./problem-heading";

export function ServiceProblem({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <>
      <ProblemHeading />
      <p className="mb-4">
        Your typed work is safe. Answers and rationales you entered in a case are kept in this browser&apos;s outbox and are sent as soon as the
        service answers again: do not clear your browser data.
      </p>
      <p className="mb-4">Try again in a moment. If the problem continues, tell your system administrator{digest ? ", quoting the reference below" : ""}.</p>
      {digest ? <p className="mb-4 text-sm">Reference: {digest}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={onRetry} className="button button-primary">
          Try again
        </button>
        {/* A plain link: a full page load, as the app may need one to recover. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to your home page</a>
      </div>
    </>
  );
}
