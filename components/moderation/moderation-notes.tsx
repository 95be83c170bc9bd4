import type { ServerFormAction } from "@/lib/http/form-state";
import { formatDate } from "@/lib/dates";
import type { CaseModerationNote } from "@/lib/moderation/response";
import { RespondForm } from "./case-page-forms";

/** The moderator's outcomes on this case, on its page: the inspector reads the notes and responds. */
export function ModerationNotes({ inspectionId, caseId, notes, respondToOutcomeAction }: { inspectionId: string; caseId: string; notes: readonly CaseModerationNote[]; respondToOutcomeAction: ServerFormAction }) {
  if (notes.length === 0) return null;
  const waiting = notes.filter((n) => n.outcome === "inspector_to_review" && n.response === null).length;
  return (
    <section aria-labelledby="moderation-notes-heading" className="no-print mb-6 border-4 border-link p-4">
      <h2 id="moderation-notes-heading" className="text-xl font-bold">
        Moderation{waiting > 0 ? `: ${waiting} answer${waiting === 1 ? "" : "s"} to review` : ""}
      </h2>
      <p className="mb-2 text-sm">A quality assurer second-assessed this case. Only you (or the lead inspector) can change your answers.</p>
      <ul className="space-y-4">
        {notes.map((n) => (
          <li key={n.questionId}>
            <p>
              <strong>
                {n.questionId}: {n.outcomeLabel}
              </strong>{" "}
              ({n.decidedBy}, {formatDate(n.decidedAt)}) — {n.note}
            </p>
            {n.response ? (
              <p>
                Response: {n.response === "changed" ? "answer changed after moderation" : "answer kept"}
                {n.reply ? ` — ${n.reply}` : ""}
              </p>
            ) : null}
            {n.canRespond ? <RespondForm respondToOutcomeAction={respondToOutcomeAction} inspectionId={inspectionId} caseId={caseId} questionId={n.questionId} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
