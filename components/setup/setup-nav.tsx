import Link from "next/link";
import { PageHeading } from "@/components/ui/notice";
import { INSPECTION_STATUS_LABELS } from "@/lib/inspections/labels";
import type { InspectionStatus } from "@/lib/statuses";

const SECTIONS = [
  { key: "overview", path: "", label: "Details and window" },
  { key: "team", path: "/team", label: "Team" },
  { key: "population", path: "/population", label: "Eligible population" },
  { key: "sample", path: "/sample", label: "Sample" },
  { key: "allocation", path: "/allocation", label: "Allocation" },
] as const;

export type SetupSection = (typeof SECTIONS)[number]["key"];

/** The set-up pages' heading and section links; read-only members are told so once, here. */
export function SetupHeader({
  inspection,
  current,
  title,
  readOnly,
}: {
  inspection: { id: string; yjsName: string; status: InspectionStatus };
  current: SetupSection;
  title: string;
  readOnly: boolean;
}) {
  const base = `/inspections/${inspection.id}/setup`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/inspections/${inspection.id}`}>Back to the inspection overview</Link>
      </p>
      <PageHeading
        caption={
          // Once fieldwork has started the set-up is read-only history: say where the inspection is now.
          inspection.status === "setup"
            ? `${inspection.yjsName} · set-up`
            : `${inspection.yjsName} · set-up · now ${INSPECTION_STATUS_LABELS[inspection.status].toLowerCase()}`
        }
      >
        {title}
      </PageHeading>
      <nav aria-label="Set-up sections" className="mb-6 border-b border-line pb-2">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {SECTIONS.map((section) => (
            <li key={section.key}>
              <Link
                href={`${base}${section.path}`}
                aria-current={section.key === current ? "page" : undefined}
                className={section.key === current ? "font-bold text-ink no-underline" : undefined}
              >
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {readOnly ? (
        <p className="mb-6 border-l-8 border-link bg-[#e8f1f8] p-3">
          You can see set-up but not change it: only managers and this inspection&apos;s lead inspector can.
        </p>
      ) : null}
    </>
  );
}
