"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { IDLE, type ServerFormAction } from "@/lib/http/form-state";

/**
 * useActionState for a form whose fields must survive a refusal. React resets a form given
 * `action={fn}` after every submission, so a validation error would wipe the note, reason or
 * evidence the user had just typed (and show a controlled select's first option). Submitting from
 * onSubmit instead keeps every field as typed; `resetOnSuccess` clears the form once the server has
 * accepted it, for forms that record one item after another. A refusal moves focus to the form's
 * error summary every time, even when it repeats the last one (the disabled button had dropped it).
 * Attach `formRef` to the form.
 */
export function useFormAction(action: ServerFormAction, { resetOnSuccess = false } = {}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "success") formRef.current?.reset();
    if (state.status === "error") formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // With the submitter, a named submit button's value is sent as a native submission would send it.
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formRef, onSubmit };
}
