"use client";

import { lazy, memo, useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { OnDemand } from "@/components/ui/on-demand";
import { questionBaseId } from "@/lib/cases/field-ids";

// Keyboard shortcuts for the focused key question. They act only while focus is on the question's own
// yes / no / N/A radios or on its card: never on a prompt's marks, a text box or any other control,
// where a letter would change an answer the user is not looking at. Single-key ones can be turned off
// (WCAG 2.1.4).

const ShortcutsTable = lazy(() => import("./shortcuts-help").then((m) => ({ default: m.ShortcutsTable })));

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

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(target.type);
}

/** Any control a key could mean something to (a radio, checkbox, button, link, field, summary). */
function isControl(target: HTMLElement): boolean {
  return target.matches("input, select, textarea, button, a[href], summary, [contenteditable]") || target.isContentEditable;
}

/**
 * The question card the shortcut is for: focus on the card itself or on one of its answer radios.
 * Null elsewhere (a prompt's marks, the rationale, the page's other radios).
 */
function questionInFocus(target: EventTarget | null): Element | null {
  if (!(target instanceof HTMLElement)) return null;
  const card = target.closest("[data-question]");
  if (!card) return null;
  if (target === card) return card;
  return target instanceof HTMLInputElement && answerRadios(card).includes(target) ? card : null;
}

/** The yes / no / N/A radios of a question card (not its prompt marks). */
function answerRadios(card: Element): HTMLInputElement[] {
  const name = questionBaseId(card.getAttribute("data-question") ?? "");
  return [...card.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`)];
}

function focusQuestion(card: Element | null | undefined): void {
  if (!card) return;
  const radios = answerRadios(card).filter((r) => !r.disabled);
  (radios.find((r) => r.checked) ?? radios[0])?.focus();
}

export function useQuestionShortcuts(onAnswer: (questionId: string, value: "yes" | "no" | "na") => void): [boolean, (on: boolean) => void] {
  const enabled = useSyncExternalStore(subscribe, () => window.localStorage.getItem(STORAGE_KEY) !== "off", () => true);
  const toggle = useCallback((on: boolean) => {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey) return;
      const card = questionInFocus(event.target);
      // Moving between questions also works from outside any control (e.g. the page itself);
      // answering needs the question's own radios or card.
      if (!card && event.target instanceof HTMLElement && isControl(event.target)) return;
      const key = event.key.toLowerCase();
      const altMove = event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp");
      const letter = !event.altKey && !event.shiftKey && ["y", "n", "a", "j", "k"].includes(key);
      if (!altMove && !(letter && enabled)) return;
      const cards = [...document.querySelectorAll("[data-question]")];
      if (altMove || key === "j" || key === "k") {
        const forward = event.key === "ArrowDown" || key === "j";
        const index = card ? cards.indexOf(card) : -1;
        const next = cards[index === -1 ? 0 : Math.max(0, Math.min(cards.length - 1, index + (forward ? 1 : -1)))];
        event.preventDefault();
        focusQuestion(next);
        next?.scrollIntoView({ block: "nearest" });
        return;
      }
      if (!card) return;
      const questionId = card.getAttribute("data-question")!;
      const value = key === "y" ? "yes" : key === "n" ? "no" : "na";
      const radio = answerRadios(card).find((r) => r.value === value);
      if (!radio || radio.disabled) return;
      event.preventDefault();
      onAnswer(questionId, value);
      radio.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
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
