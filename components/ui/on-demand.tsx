"use client";

import { Component, Suspense, useSyncExternalStore, type ReactNode } from "react";

// A part of a page whose script is loaded only when the part is shown (React.lazy), so that pages
// that never show it do not load it (the case page's JavaScript budget, bench/RESULTS.md). It is
// rendered in the browser only: the server's HTML and the first render say it is loading, so nothing
// is on screen that would not work until its script arrives (a click on a form that React has not
// hydrated is lost). Without a connection, a page kept offline has the part's script (the cases'
// service worker keeps it); any other page says the part could not be loaded, and the rest works on.

const noSubscription = () => () => {};

class NotLoaded extends Component<{ what: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" className="my-3 font-semibold text-error">
        {`${this.props.what[0]!.toUpperCase()}${this.props.what.slice(1)}`} could not be loaded. Reload the page when you have a connection.
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
    <NotLoaded what={what}>
      <Suspense fallback={loading}>{children}</Suspense>
    </NotLoaded>
  ) : (
    loading
  );
}
