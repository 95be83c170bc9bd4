import type { CaseStatus, InspectionStatus } from "@/lib/statuses";

export const INSPECTION_STATUS_LABELS: Readonly<Record<InspectionStatus, string>> = Object.freeze({
  setup: "Set-up",
  fieldwork: "Fieldwork",
  panel: "Ratings panel",
  signed_off: "Signed off",
});

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = Object.freeze({
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  returned: "Returned",
  approved: "Approved",
});

export const MEMBER_ROLE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  lead_inspector: "Lead inspector",
  inspector: "Inspector",
});
