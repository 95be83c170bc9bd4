// What a page that failed on the server says (app/error.tsx, app/global-error.tsx). The case page's
// changes live in the browser's outbox (components/case/outbox.ts) until the server acknowledges
// them, so a failed page loses nothing the inspector typed.

export function ServiceProblem({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Sorry, there is a problem with the service</h1>
      <p className="mb-4">
        Your typed work is safe. Answers and rationales you entered in a case are kept in this browser&apos;s outbox and are sent as soon as the
        service answers again: do not clear your browser data.
      </p>
      <p className="mb-4">Try again in a moment. If the problem continues, tell your system administrator{digest ? ", quoting the reference below" : ""}.</p>
      {digest ? <p className="mb-4 text-sm">Reference: {digest}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={onRetry} className="inline-block bg-success px-3 py-1.5 font-semibold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
          Try again
        </button>
        {/* A plain link: a full page load, as the app may need one to recover. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to your home page</a>
      </div>
    </>
  );
}
