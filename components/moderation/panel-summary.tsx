import type { ModerationLine } from "@/lib/moderation/summary";

/** Beside a standard's key question figures: what the moderation dip sample found on each, with warnings. */
export function ModerationSummary({ standardId, lines }: { standardId: string; lines: readonly ModerationLine[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="mb-3 border-l-4 border-link pl-3" aria-labelledby={`moderation-${standardId}`} role="group">
      <p id={`moderation-${standardId}`} className="font-semibold">
        Moderation dip sample
      </p>
      <ul className="text-sm">
        {lines.map((line) => (
          <li key={line.keyQuestionId}>
            {line.text}
            {line.warning ? (
              <strong className="block text-error">
                <span aria-hidden="true">⚠ </span>
                {line.warning}
              </strong>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
