"use client";

import { Component, lazy, Suspense, useSyncExternalStore, type ReactNode } from "react";
import { loadingPart, partFailureMessage } from "./on-demand-failure";

// A part of a page whose script is loaded only when the part is shown (React.lazy), so that pages
// that never show it do not load it (the case page's JavaScript budget, bench/RESULTS.md). It is
// rendered in the browser only: the server's HTML and the first render say it is loading, so nothing
// is on screen that would not work until its script arrives (a click on a form that React has not
// hydrated is lost). Without a connection, a page kept offline has the part's script (the cases'
// service worker keeps it); any other page says the part could not be loaded, and the rest works on.
// A part that fails as it is drawn says so instead (on-demand-failure.ts): a connection would not help.

const noSubscription = () => () => {};

/** React.lazy for a part shown in OnDemand, so that a script that could not be fetched is told apart from a fault in the part. */
export const lazyPart: typeof lazy = (load) => lazy(loadingPart(load));

class NotShown extends Component<{ what: string; children: ReactNode }, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" className="my-3 font-semibold text-error">
        {partFailureMessage(this.props.what, this.state.error)}
      </p>
    );
  }
}

export function OnDemand({ what, children }: { what: string; children: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const loading = <p className="text-muted my-3">Loading {what}…</p>;
  return inBrowser ? (
    <NotShown what={what}>
      <Suspense fallback={loading}>{children}</Suspense>
    </NotShown>
  ) : (
    loading
  );
}
