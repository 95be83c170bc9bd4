"use client";

import { memo, useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { lazyPart, OnDemand } from "@/components/ui/on-demand";

// Keyboard shortcuts for the focused key question. They act only while focus is on the question's own
// yes / no / N/A radios or on its card: never on a prompt's marks, a text box or any other control,
// where a letter would change an answer the user is not looking at. Single-key ones can be turned off
// (WCAG 2.1.4).

const ShortcutsTable = lazyPart(() => import("./shortcuts-help").then((m) => ({ default: m.ShortcutsTable })));

const STORAGE_KEY = "case-review-shortcuts";

const CHANGED = "case-review-shortcuts-changed";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

type OnShortcutKey = (typeof import("./shortcut-keys"))["onShortcutKey"];

/** The keys' handler once loaded; a load that failed (no connection) is tried again at the next key. */
let loaded: OnShortcutKey | null = null;
let loading: Promise<OnShortcutKey> | null = null;
function loadShortcutKeys(): Promise<OnShortcutKey> {
  loading ??= import("./shortcut-keys").then(
    (m) => (loaded = m.onShortcutKey),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function useQuestionShortcuts(onAnswer: (questionId: string, value: "yes" | "no" | "na") => void): [boolean, (on: boolean) => void] {
  const enabled = useSyncExternalStore(subscribe, () => window.localStorage.getItem(STORAGE_KEY) !== "off", () => true);
  const toggle = useCallback((on: boolean) => {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  useEffect(() => {
    // Loaded when focus first reaches a key question, where the keys act; a key pressed before it has
    // arrived (the first, or j / k from outside any question) is handled once it has.
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Element && event.target.closest("[data-question]")) void loadShortcutKeys().catch(() => undefined);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (loaded) loaded(event, enabled, onAnswer);
      else void loadShortcutKeys().then((onKey) => onKey(event, enabled, onAnswer), () => undefined);
    };
    document.addEventListener("focusin", onFocus);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("focusin", onFocus);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [enabled, onAnswer]);
  return [enabled, toggle];
}

/**
 * The shortcuts' help, and the switch for the single-key ones: its table is loaded when it is opened
 * (shortcuts-help.tsx). Memoised: it need not be rendered again with every change on the case page.
 */
export const ShortcutsHelp = memo(function ShortcutsHelp({ enabled, onToggle }: { enabled: boolean; onToggle: (on: boolean) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="no-print mb-6 max-w-3xl border border-line p-3" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold text-link underline">Keyboard shortcuts</summary>
      {open ? (
        <OnDemand what="the keyboard shortcuts">
          <ShortcutsTable enabled={enabled} onToggle={onToggle} />
        </OnDemand>
      ) : null}
    </details>
  );
});
