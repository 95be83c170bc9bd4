"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { fieldError, IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";
import { InlineOutcome } from "./inline-outcome";
import { MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";
import { GLOBAL_ROLE_LABELS, type GlobalRole } from "@/lib/permissions/table";

export function AddMemberForm({
  inspectionId,
  candidates,
  canAppointLead,
  addMemberAction,
}: {
  inspectionId: string;
  candidates: { id: string; name: string; email: string; role: GlobalRole }[];
  canAppointLead: boolean;
  addMemberAction: ServerFormAction;
}) {
  const [state, action, pending] = useActionState(addMemberAction, IDLE);
  const roles = (canAppointLead ? (["inspector", "lead_inspector"] as const) : (["inspector"] as const)).map((role) => ({
    value: role,
    label: MEMBER_ROLE_LABELS[role] ?? role,
  }));
  return (
    <form action={action} noValidate className="max-w-xl">
      <ErrorSummary errors={summaryOf(state)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <SelectField
        name="userId"
        label="Person"
        hint="Active users whose account role is inspector or lead inspector."
        error={fieldError(state, "userId")}
        options={[{ value: "", label: "Choose a person" }, ...candidates.map((c) => ({ value: c.id, label: `${c.name} (${GLOBAL_ROLE_LABELS[c.role]}, ${c.email})` }))]}
      />
      <SelectField
        name="role"
        label="Role in this inspection"
        hint={canAppointLead ? "An inspection has one lead inspector; appointing another makes the current lead an inspector." : "Only a manager can appoint the lead inspector."}
        error={fieldError(state, "role")}
        options={roles}
      />
      <Button disabled={pending}>Add to the team</Button>
    </form>
  );
}

export function MemberRoleForm({
  inspectionId,
  member,
  setMemberRoleAction,
}: {
  inspectionId: string;
  member: { id: string; name: string; memberRole: string };
  setMemberRoleAction: ServerFormAction;
}) {
  const [state, action, pending] = useActionState(setMemberRoleAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="userId" value={member.id} />
      <div className="flex flex-col text-sm">
        <label htmlFor={`role-${member.id}`} className="font-semibold">
          Role of {member.name}
        </label>
        <select id={`role-${member.id}`} key={member.memberRole} name="role" defaultValue={member.memberRole} className="border-2 border-ink bg-white px-2 py-1">
          <option value="inspector">{MEMBER_ROLE_LABELS.inspector}</option>
          <option value="lead_inspector">{MEMBER_ROLE_LABELS.lead_inspector}</option>
        </select>
      </div>
      <Button variant="secondary" disabled={pending} aria-label={`Save role of ${member.name}`}>
        Save
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}

export function RemoveMemberForm({ inspectionId, member, removeMemberAction }: { inspectionId: string; member: { id: string; name: string }; removeMemberAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(removeMemberAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="userId" value={member.id} />
      <Button variant="warning" disabled={pending} aria-label={`Remove ${member.name} from the team`}>
        Remove
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}
