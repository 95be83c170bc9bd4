import { questionBaseId } from "@/lib/cases/field-ids";

// What a key does on the case page (shortcuts.tsx): loaded when focus first reaches a key question,
// as the keys act only there, and not with the page (its JavaScript budget, bench/RESULTS.md).

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

/**
 * A key pressed on the case page: answers the focused key question (y, n, a; when single-key
 * shortcuts are on) or moves between key questions (j, k; Alt+Down, Alt+Up).
 */
export function onShortcutKey(event: KeyboardEvent, singleKeys: boolean, onAnswer: (questionId: string, value: "yes" | "no" | "na") => void): void {
  if (isTyping(event.target) || event.ctrlKey || event.metaKey) return;
  const card = questionInFocus(event.target);
  // Moving between questions also works from outside any control (e.g. the page itself);
  // answering needs the question's own radios or card.
  if (!card && event.target instanceof HTMLElement && isControl(event.target)) return;
  const key = event.key.toLowerCase();
  const altMove = event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp");
  const letter = !event.altKey && !event.shiftKey && ["y", "n", "a", "j", "k"].includes(key);
  if (!altMove && !(letter && singleKeys)) return;
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
}
