"use client";

import { memo, Suspense, useState, type ComponentProps } from "react";
import { fieldIds, questionBaseId } from "@/lib/cases/field-ids";
import { promptHint, shortRationaleHint } from "@/lib/cases/consistency";
import type { CasePageModel } from "@/lib/cases/queries";
import { keyQuestionApplicability } from "@/lib/framework/applicability";
import { clockTime } from "@/lib/dates";
import { promptIndexOf, promptKey, type Scalar } from "@/lib/flat-fields";
import { describedBy as fieldDescribedBy, FieldError, FieldHint } from "@/components/ui/field-parts";
import { ChoiceGroup, type Choice } from "./choice-group";
import { OnDemand } from "@/components/ui/on-demand";
import { ConflictPanel, QueryThreads } from "./on-demand-parts";
import type { ConflictRecord } from "./idb";
import type { CaseStore, RemoteChange } from "./use-case-store";

// One key question: exact wording as the legend, prompts as guidance with optional met / not met
// marks, yes / no (/ not applicable with a reason), and a rationale. Questions that do not apply to
// this case say why instead of asking.

type Question = CasePageModel["sections"][number]["questions"][number];

/** Whether the question applies to the case as the page shows it now (its unsaved corrections too). */
export function questionApplicability(question: Pick<Question, "id" | "standardId" | "appliesTo">, stream: CasePageModel["case"]["stream"], fields: Record<string, Scalar>) {
  return keyQuestionApplicability(question, {
    stream,
    disposalType: String(fields.disposalType ?? ""),
    harmFactors: typeof fields.harmFactors === "boolean" ? fields.harmFactors : null,
    safetyWellbeingFactors: typeof fields.safetyWellbeingFactors === "boolean" ? fields.safetyWellbeingFactors : null,
  });
}

const PROMPT_CHOICES: readonly Choice[] = [
  { value: "met", label: "Met" },
  { value: "not_met", label: "Not met" },
  { value: "none", label: "No mark" },
];

const textareaClass = "mt-1 block w-full max-w-3xl border-2 border-ink px-2 py-1.5 aria-[invalid=true]:border-error";

/** The rationale, or the reason for "not applicable": saved as typed, its error announced with it. */
function AnswerText({
  id,
  label,
  hint,
  rows,
  value,
  error,
  describedBy,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  value: string;
  error?: string;
  /** Further text about the field (the consistency hints under it). */
  describedBy?: string;
  onChange: (text: string) => void;
  disabled: boolean;
}) {
  return (
    <div className={`mt-3 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[fieldDescribedBy(id, hint, error), describedBy].filter(Boolean).join(" ") || undefined}
        className={textareaClass}
      />
    </div>
  );
}

/**
 * A question's prompts, each with optional met / not met marks. The marks are rendered only while the
 * prompts are open: most stay closed, and their radios were most of the page's elements (95 prompts
 * on a court case, twelve elements each) for the browser to build and hydrate. Closed, the prompts'
 * text is still there, so the browser's find-in-page finds it and opens them.
 */
function PromptMarks({
  questionId,
  prompts,
  marks,
  disabled,
  onMark,
}: {
  questionId: string;
  prompts: readonly string[];
  marks: Readonly<Record<string, string | null>>;
  disabled: boolean;
  onMark: (index: number, mark: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const base = questionBaseId(questionId);
  const marked = Object.values(marks).filter(Boolean).length;
  return (
    <details className="mt-3" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-link underline">
        Prompts for {questionId} ({prompts.length}
        {marked > 0 ? `, ${marked} marked` : ""})
      </summary>
      <p className="text-muted mt-1 text-sm">Guidance on what to look for. Marking a prompt is optional and is not scored.</p>
      <ul className="mt-2 space-y-2">
        {prompts.map((prompt, i) => (
          <li key={prompt}>
            {open ? (
              <ChoiceGroup
                id={`${base}-prompt-${i}`}
                name={`${base}-prompt-${i}`}
                legend={prompt}
                legendClassName="font-normal"
                choices={PROMPT_CHOICES}
                value={marks[String(i)] ?? "none"}
                onChange={(next) => onMark(i, next)}
                disabled={disabled}
              />
            ) : (
              prompt
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What QuestionCard shows. */
function QuestionCardContent({
  question,
  answer,
  applies,
  notApplyingReason,
  pendingJudgement,
  conflict,
  remote,
  disabled,
  canEdit,
  errors,
  rationaleNorm,
  edit,
  resolveConflict,
  queries,
  inspectionId,
  caseId,
  canQualityAssure,
}: {
  question: Question;
  answer: Readonly<Record<string, Scalar>> | undefined;
  /** Whether the question applies to the case as shown (questionApplicability), and why not or why only provisionally. */
  applies: boolean;
  notApplyingReason?: string;
  pendingJudgement?: string;
  conflict: ConflictRecord | undefined;
  remote: RemoteChange | undefined;
  /** The page cannot take answers (read only, or a conflict waiting). */
  disabled: boolean;
  canEdit: boolean;
  errors: { answer?: string; rationale?: string; naReason?: string };
  rationaleNorm: number | null;
  edit: CaseStore["edit"];
  resolveConflict: CaseStore["resolveConflict"];
  queries: CasePageModel["queries"];
  inspectionId: string;
  caseId: string;
  canQualityAssure: boolean;
}) {
  const base = questionBaseId(question.id);
  if (!applies) {
    return (
      <article id={`${base}-card`} className="border-t border-line py-4">
        <h4 className="font-semibold">
          {question.id} {question.text}
        </h4>
        <p className="text-muted mt-1">
          <strong>Does not apply to this case.</strong> {notApplyingReason}
        </p>
      </article>
    );
  }
  const local = answer ?? {};
  const value = (local.value as string | null) ?? null;
  const rationale = (local.rationale as string | null) ?? "";
  const naReason = (local.naReason as string | null) ?? "";
  const marks: Record<string, string | null> = {};
  question.prompts.forEach((_, i) => (marks[String(i)] = (local[promptKey(i)] as string | null) ?? null));
  const target = { target: "answer" as const, questionId: question.id };
  const choices: Choice[] = [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
    ...(question.notApplicableAllowed ? [{ value: "na", label: "Not applicable" }] : []),
  ];
  const hints = [promptHint(value, marks, question.prompts.length), shortRationaleHint(value, rationale, rationaleNorm)].filter(
    (h): h is string => h !== null,
  );
  const labelOf = (field: string) =>
    field === "value" ? "Answer" : field === "rationale" ? "Rationale" : field === "naReason" ? "Why not applicable" : `Prompt “${question.prompts[promptIndexOf(field) ?? -1] ?? field}”`;

  return (
    <article id={`${base}-card`} data-question={question.id} className="border-t border-line py-4">
      {conflict ? (
        <OnDemand what={`the change to key question ${question.id} made by someone else`}>
          <ConflictPanel
            conflict={conflict}
            title={`Key question ${question.id} was changed by someone else`}
            labelOf={labelOf}
            onResolve={(choice) => void resolveConflict(conflict, choice)}
          />
        </OnDemand>
      ) : null}
      {remote ? (
        <p className="mb-2 border-l-4 border-link bg-[#e8f1f8] p-2" role="status">
          <strong>Changed by {remote.byName ?? "someone else"}</strong>
          {remote.at ? ` at ${clockTime(new Date(remote.at))}` : ""}: this is their answer, as saved.
        </p>
      ) : null}
      <ChoiceGroup
        id={base}
        name={base}
        legend={
          <>
            <span className="mr-1 tabular-nums">{question.id}</span> {question.text}
          </>
        }
        legendClassName="text-lg font-semibold"
        hint={pendingJudgement ?? question.guidance ?? undefined}
        error={errors.answer}
        choices={choices}
        value={value}
        onChange={(next) => edit(target, { value: next })}
        disabled={disabled}
      />
      {question.prompts.length > 0 ? (
        <PromptMarks
          questionId={question.id}
          prompts={question.prompts}
          marks={marks}
          disabled={disabled}
          onMark={(i, next) => edit(target, { [promptKey(i)]: next === "none" ? null : next })}
        />
      ) : null}
      {value === "na" ? (
        <AnswerText
          id={fieldIds.naReason(question.id)}
          label={`Why is ${question.id} not applicable to this case?`}
          rows={2}
          value={naReason}
          error={errors.naReason}
          onChange={(text) => edit(target, { naReason: text }, "typing")}
          disabled={disabled}
        />
      ) : null}
      <AnswerText
        id={fieldIds.rationale(question.id)}
        label={`Rationale for ${question.id}`}
        hint={
          value === "no"
            ? "Required for a “no”: say what was missing or not good enough."
            : value === "yes"
              ? "Optional for a “yes”."
              : value === "na"
                ? "Optional: the reason above says why it is not applicable."
                : "Required if you answer “no”, optional otherwise."
        }
        rows={3}
        value={rationale}
        error={errors.rationale}
        describedBy={hints.length ? `${base}-hints` : undefined}
        onChange={(text) => edit(target, { rationale: text }, "typing")}
        disabled={disabled}
      />
      {hints.length > 0 ? (
        <ul id={`${base}-hints`} className="mt-2 space-y-1 border-l-4 border-ri bg-[#fff7e6] p-2 text-sm">
          {hints.map((hint) => (
            <li key={hint}>
              <strong>Check:</strong> {hint}
            </li>
          ))}
        </ul>
      ) : null}
      {canQualityAssure || queries.some((q) => q.questionId === question.id) ? (
        <OnDemand what={`the comments on key question ${question.id}`}>
          <QueryThreads queries={queries} questionId={question.id} ids={{ inspectionId, caseId }} canQualityAssure={canQualityAssure} canReply={canEdit} />
        </OnDemand>
      ) : null}
    </article>
  );
}

/**
 * One key question's card. Memoised: the case page re-renders on every save, status and poll, and the
 * cards (most of its elements) are rendered again only when their own props change; the parent passes
 * this question's answer, conflict and errors, and callbacks that keep their identity.
 *
 * Each card is a Suspense boundary, so that React hydrates the cards the server rendered after the rest
 * of the page, at a lower priority and in slices it can interrupt, rather than in the page's one long
 * hydration task (issue 12, bench/RESULTS.md). The boundary is inside the memo: above it, every render
 * of the page while a card was not yet hydrated would make React hydrate that card at once. Nothing in
 * a card suspends in the browser (its on-demand parts have boundaries of their own), so the fallback
 * is never shown.
 */
export const QuestionCard = memo(function QuestionCard(props: ComponentProps<typeof QuestionCardContent>) {
  return (
    <Suspense fallback={null}>
      <QuestionCardContent {...props} />
    </Suspense>
  );
});
