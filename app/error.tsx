"use client";

import { lazy, Suspense } from "react";
import { ProblemHeading } from "@/components/errors/problem-heading";

// Next loads this file with every page, the case page's among them (its JavaScript budget, issue 12),
// so the explanation is loaded when a page fails: the heading shows until it arrives, and alone if it
// cannot be fetched.
const ServiceProblem = lazy(() =>
  import("@/components/errors/service-problem").then(
    (m) => ({ default: m.ServiceProblem }),
    () => ({ default: ProblemHeading }),
  ),
);

// A page that failed on the server, inside the app's layout. The digest matches the server's log
// entry (instrumentation.ts) without revealing the error itself.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Suspense fallback={<ProblemHeading />}>
      <ServiceProblem digest={error.digest} onRetry={reset} />
    </Suspense>
  );
}
