"use client";

import type { ComponentProps } from "react";
import { lazyPart, OnDemand } from "@/components/ui/on-demand";
import type * as Forms from "./moderation-forms";

// The moderation forms the case page shows (an inspector's response to an outcome; the moderator's
// blind second assessment), loaded only when shown: every client component a page imports is in the
// scripts that page loads, whoever views it, and most inspectors' case pages show none of these.

const Respond = lazyPart(() => import("./moderation-forms").then((m) => ({ default: m.RespondForm })));
const SecondAnswer = lazyPart(() => import("./moderation-forms").then((m) => ({ default: m.SecondAnswerForm })));
const CompleteSecondAssessment = lazyPart(() => import("./moderation-forms").then((m) => ({ default: m.CompleteSecondAssessmentForm })));

export function RespondForm(props: ComponentProps<typeof Forms.RespondForm>) {
  return (
    <OnDemand what={`the response form on ${props.questionId}`}>
      <Respond {...props} />
    </OnDemand>
  );
}

export function SecondAnswerForm(props: ComponentProps<typeof Forms.SecondAnswerForm>) {
  return (
    <OnDemand what={`the answer form for ${props.question.id}`}>
      <SecondAnswer {...props} />
    </OnDemand>
  );
}

export function CompleteSecondAssessmentForm(props: ComponentProps<typeof Forms.CompleteSecondAssessmentForm>) {
  return (
    <OnDemand what="the completion form">
      <CompleteSecondAssessment {...props} />
    </OnDemand>
  );
}
