"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InlineSelect, SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { fieldError, IDLE, type ServerFormAction } from "@/lib/http/form-state";
import { MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";
import { GLOBAL_ROLE_LABELS, type GlobalRole } from "@/lib/permissions/table";

const MEMBER_ROLE_OPTIONS = (["inspector", "lead_inspector"] as const).map((role) => ({ value: role, label: MEMBER_ROLE_LABELS[role] ?? role }));

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
  const roles = canAppointLead ? MEMBER_ROLE_OPTIONS : MEMBER_ROLE_OPTIONS.filter((o) => o.value !== "lead_inspector");
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormOutcome state={state} />
      <HiddenFields values={{ inspectionId }} />
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
  return (
    <InlineActionForm action={setMemberRoleAction} values={{ inspectionId, userId: member.id }} label="Save" name={`Save role of ${member.name}`}>
      <InlineSelect id={`role-${member.id}`} name="role" label={`Role of ${member.name}`} options={MEMBER_ROLE_OPTIONS} defaultValue={member.memberRole} />
    </InlineActionForm>
  );
}

export function RemoveMemberForm({ inspectionId, member, removeMemberAction }: { inspectionId: string; member: { id: string; name: string }; removeMemberAction: ServerFormAction }) {
  return <InlineActionForm action={removeMemberAction} values={{ inspectionId, userId: member.id }} label="Remove" name={`Remove ${member.name} from the team`} variant="warning" />;
}
