"use client";

import { useEffect, useRef, type MouseEvent } from "react";

/**
 * As GOV.UK Frontend's error summary does: a link to a field brings its label (or a radio or
 * checkbox group's legend) into view with it, then focuses the field. The scroll margin the page sets
 * (for example below the case page's sticky save bar) applies to the label.
 */
function followToField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(new URL(event.currentTarget.href).hash.slice(1));
  const field = document.getElementById(id);
  if (!field) return;
  const inGroup = field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox");
  const legend = inGroup ? field.closest("fieldset")?.querySelector("legend") : null;
  const label = legend ?? (field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null);
  event.preventDefault();
  (label ?? field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

/** GOV.UK error summary: takes focus when it appears, and links each problem to its field. */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: readonly { field: string; message: string }[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (!signature) return;
    // Focus alone scrolls a summary taller than the screen (a long list at 320 px) to wherever is
    // nearest, which can leave its title out of view: its title comes into view instead, below any
    // sticky bar the page sets a scroll margin for.
    ref.current?.focus({ preventScroll: true });
    ref.current?.querySelector("h2")?.scrollIntoView({ block: "start" });
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 border-4 border-error p-4">
      <h2 id="error-summary-title" className="text-xl font-bold">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {errors.map((error) => (
          <li key={`${error.field}-${error.message}`}>
            <a href={`#${error.field}`} className="font-semibold text-error" onClick={followToField}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
