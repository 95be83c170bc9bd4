import Link from "next/link";
import { InspectionTable } from "@/components/inspections/inspection-table";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { listInspectionsFor } from "@/lib/inspections/queries";

// Each role's home: what that person works on first.
const HEADINGS = {
  admin: "Administration",
  manager: "All inspections",
  lead_inspector: "Your inspections",
  inspector: "Your inspections",
  quality_assurer: "Your moderation",
} as const;

export default async function HomePage() {
  const user = await requireUser("/");
  const inspections = await listInspectionsFor(user);
  const leading = inspections.filter((i) => i.myRole === "lead_inspector");
  const onTeam = inspections.filter((i) => i.myRole === "inspector");

  return (
    <>
      <PageHeading caption={`Signed in as ${user.name}`}>{HEADINGS[user.role]}</PageHeading>
      {user.role === "admin" ? (
        <>
          <ul className="mb-6 space-y-2">
            <li>
              <Link href="/admin/users">Manage users and roles</Link>
            </li>
            <li>
              <Link href="/admin/retention">Retention of case content</Link>
            </li>
            <li>
              <Link href="/admin/api-tokens">API tokens</Link>
            </li>
          </ul>
          <InspectionTable inspections={inspections} caption="Inspections" />
        </>
      ) : null}
      {user.role === "manager" ? (
        <>
          <p className="mb-6">
            <Link href="/inspections/new">Create an inspection</Link>
          </p>
          <InspectionTable inspections={inspections} caption="Inspections" />
        </>
      ) : null}
      {user.role === "lead_inspector" || user.role === "inspector" ? (
        <>
          {user.role === "lead_inspector" || leading.length > 0 ? <InspectionTable inspections={leading} caption="Inspections you lead" /> : null}
          <InspectionTable inspections={onTeam} caption="Inspections you are inspecting on" />
        </>
      ) : null}
      {user.role === "quality_assurer" ? (
        <InspectionTable inspections={inspections.filter((i) => i.moderating)} caption="Inspections you moderate" />
      ) : null}
    </>
  );
}
