import type { Metadata } from "next";
import { SetupHeader } from "@/components/setup/setup-nav";
import { Table } from "@/components/ui/table";
import { AddMemberForm, MemberRoleForm, RemoveMemberForm } from "@/components/setup/team-forms";
import { requireUser } from "@/lib/auth/session";
import { pageData } from "@/lib/http/page-data";
import { MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";
import { teamView } from "@/lib/inspections/setup-views";
import { addMemberAction, removeMemberAction, setMemberRoleAction } from "@/app/inspections/[inspectionId]/setup/actions";

export const metadata: Metadata = { title: "Set-up: team" };

export default async function TeamPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/team`);
  const team = await pageData(teamView(user, inspectionId));
  const editable = team.rights.editSetup && team.status !== "signed_off";
  const lead = team.members.find((m) => m.memberRole === "lead_inspector");

  return (
    <>
      <SetupHeader inspection={team} current="team" title="Team" readOnly={!team.rights.editSetup} />
      {lead ? null : <p className="mb-4 font-semibold">There is no lead inspector yet. A manager appoints one; fieldwork cannot start without one.</p>}
      {team.members.length === 0 ? (
        <p className="mb-8">No one is on the team yet.</p>
      ) : (
        <Table
          caption={`${team.members.length} ${team.members.length === 1 ? "person" : "people"} on the team`}
          className="mb-8"
          rows={team.members}
          columns={[
            {
              header: "Name",
              cell: (member) => (
                <>
                  {member.name}
                  <span className="block text-sm text-muted">
                    {member.email}
                    {member.active ? "" : " · account disabled"}
                  </span>
                </>
              ),
            },
            { header: "Role in this inspection", cell: (member) => MEMBER_ROLE_LABELS[member.memberRole] },
            { header: "Cases allocated", numeric: true, cell: (member) => member.allocatedCases },
            editable && {
              header: "Change",
              cell: (member) =>
                !team.rights.changeLead && member.memberRole === "lead_inspector" ? (
                  <span className="text-muted text-sm">Only a manager can change the lead.</span>
                ) : (
                  <div className="flex flex-col gap-2">
                    {team.rights.changeLead ? <MemberRoleForm setMemberRoleAction={setMemberRoleAction} inspectionId={team.id} member={member} /> : null}
                    <RemoveMemberForm removeMemberAction={removeMemberAction} inspectionId={team.id} member={member} />
                  </div>
                ),
            },
          ]}
        />
      )}
      {editable ? (
        <section aria-labelledby="add-member">
          <h2 id="add-member" className="mb-4 text-xl font-bold">Add someone to the team</h2>
          {team.candidates.length === 0 ? (
            <p>Every active inspector and lead inspector is already on the team.</p>
          ) : (
            <AddMemberForm addMemberAction={addMemberAction} inspectionId={team.id} candidates={team.candidates} canAppointLead={team.rights.changeLead} />
          )}
        </section>
      ) : null}
    </>
  );
}
