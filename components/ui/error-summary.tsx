"use client";

import { useEffect, useRef } from "react";

/** GOV.UK error summary: takes focus when it appears, and links each problem to its field. */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: readonly { field: string; message: string }[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
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
            <a href={`#${error.field}`} className="font-semibold text-error">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
