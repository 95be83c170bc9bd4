"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, type FormState } from "@/lib/http/form-state";
import { useCaseActions } from "./case-actions";
import { dayAndTime } from "@/lib/dates";
import { fieldIds } from "@/lib/cases/field-ids";
import type { CasePageModel } from "@/lib/cases/queries";

// The per-answer comment threads between the lead and the inspector (REDCap data queries: open →
// answered → closed). The lead's approve / return / reopen panel is in ./qa-panel.tsx.

type Query = CasePageModel["queries"][number];

const QUERY_STATUS: Record<string, { label: string; className: string }> = {
  open: { label: "Open", className: "bg-[#fcd6c3] text-[#6e3619]" },
  answered: { label: "Answered", className: "bg-[#bbd4ea] text-[#0c2d4a]" },
  closed: { label: "Closed", className: "bg-panel text-ink" },
};

export const textareaClass = "mt-1 block w-full max-w-2xl border-2 border-ink px-2 py-1.5 aria-[invalid=true]:border-error";

function InlineResult({ state, field }: { state: FormState; field?: string }) {
  if (state.status === "success") return <p role="status" className="text-success">{state.message}</p>;
  if (state.status === "error") {
    return (
      <p role="alert" className="font-semibold text-error">
        <span className="sr-only">Error:</span> {(field && fieldError(state, field)) ?? state.message}
      </p>
    );
  }
  return null;
}

export function QueryThreads({
  queries,
  questionId,
  ids,
  canQualityAssure,
  canReply,
}: {
  queries: readonly Query[];
  questionId: string;
  ids: { inspectionId: string; caseId: string };
  canQualityAssure: boolean;
  canReply: boolean;
}) {
  const mine = queries.filter((q) => q.questionId === questionId);
  return (
    <div className="mt-3 space-y-3">
      {mine.map((query) => (
        <QueryThread key={query.id} query={query} ids={ids} canQualityAssure={canQualityAssure} canReply={canReply} />
      ))}
      {canQualityAssure ? <NewComment questionId={questionId} ids={ids} /> : null}
    </div>
  );
}

function QueryThread({ query, ids, canQualityAssure, canReply }: { query: Query; ids: { inspectionId: string; caseId: string }; canQualityAssure: boolean; canReply: boolean }) {
  const { replyQueryAction, closeQueryAction } = useCaseActions();
  // Typed replies and comments survive a refusal (useFormAction) and clear once sent.
  const { state: replyState, pending: replying, formRef: replyForm, onSubmit: reply } = useFormAction(replyQueryAction, { resetOnSuccess: true });
  const [closeState, close, closing] = useActionState(closeQueryAction, IDLE);
  const status = QUERY_STATUS[query.status] ?? QUERY_STATUS.open!;
  const replyId = fieldIds.queryReply(query.id);
  const inspectorMayReply = canReply && !canQualityAssure && query.status === "open";
  const leadMayAct = canQualityAssure && query.status !== "closed";
  return (
    <section aria-label={`Lead inspector's comment on key question ${query.questionId}`} className="border-l-4 border-link bg-[#f4f8fb] p-3">
      <p className="text-sm">
        <span className={`mr-2 inline-block px-2 py-0.5 text-sm font-semibold ${status.className}`}>{status.label}</span>
        Comment on key question {query.questionId}
      </p>
      <ol className="mt-2 space-y-2">
        {query.messages.map((message) => (
          <li key={message.id}>
            <p className="text-muted text-sm">
              {message.authorName}, {dayAndTime(new Date(message.createdAt))}
            </p>
            <p className="whitespace-pre-wrap">{message.body}</p>
          </li>
        ))}
      </ol>
      {inspectorMayReply || leadMayAct ? (
        <form method="post" ref={replyForm} onSubmit={reply} className="mt-3">
          <HiddenFields values={{ ...ids, queryId: query.id }} />
          <label htmlFor={replyId} className="block font-semibold">
            {canQualityAssure ? "Follow-up for the inspector" : "Your reply to the lead inspector"}
          </label>
          <textarea id={replyId} name="body" rows={2} className={textareaClass} aria-invalid={replyState.status === "error" ? true : undefined} />
          <InlineResult state={replyState} field="body" />
          <div className="mt-2 flex flex-wrap gap-3">
            <Button variant="secondary" disabled={replying}>
              {canQualityAssure ? "Send follow-up" : "Send reply"}
            </Button>
          </div>
        </form>
      ) : null}
      {leadMayAct ? (
        <form action={close} className="mt-2">
          <HiddenFields values={{ ...ids, queryId: query.id }} />
          <Button variant="secondary" disabled={closing}>
            Close comment<span className="sr-only"> on key question {query.questionId}</span>
          </Button>
          <InlineResult state={closeState} />
        </form>
      ) : null}
    </section>
  );
}

function NewComment({ questionId, ids }: { questionId: string; ids: { inspectionId: string; caseId: string } }) {
  const { raiseQueryAction } = useCaseActions();
  const { state, pending, formRef, onSubmit } = useFormAction(raiseQueryAction, { resetOnSuccess: true });
  const id = `comment-${questionId.replaceAll(".", "-")}`;
  return (
    <details>
      <summary className="cursor-pointer text-link underline">Comment on this answer<span className="sr-only"> (key question {questionId})</span></summary>
      <form method="post" ref={formRef} onSubmit={onSubmit} className="mt-2">
        <HiddenFields values={{ ...ids, questionId }} />
        <label htmlFor={id} className="block font-semibold">
          Comment for the inspector on key question {questionId}
        </label>
        <textarea id={id} name="body" rows={2} className={textareaClass} aria-invalid={state.status === "error" ? true : undefined} />
        <InlineResult state={state} field="body" />
        <Button variant="secondary" disabled={pending} className="mt-2">
          Add comment
        </Button>
      </form>
    </details>
  );
}
