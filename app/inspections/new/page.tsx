import type { Metadata } from "next";
import { InspectionDetailsForm } from "@/components/setup/inspection-form";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { NEWEST_FRAMEWORK_VERSION } from "@/lib/framework";
import { pageData } from "@/lib/http/page-data";
import { authorizeGlobal } from "@/lib/permissions/access";
import { createInspectionAction } from "./actions";

export const metadata: Metadata = { title: "Create an inspection" };

export default async function NewInspectionPage() {
  const user = await requireUser("/inspections/new");
  await pageData(Promise.resolve().then(() => authorizeGlobal(user, "inspection.create")));
  return (
    <>
      <PageHeading caption="Inspections">Create an inspection</PageHeading>
      <p className="mb-6 max-w-2xl">
        After creating it, add the team, import the youth justice service&apos;s eligible cases, draw the sample and allocate it.
      </p>
      <InspectionDetailsForm saveAction={createInspectionAction} initial={{ yjsName: "", frameworkVersion: NEWEST_FRAMEWORK_VERSION, fieldworkStart: "", windowStart: "", windowEnd: "", oocWindowStart: "", oocWindowEnd: "" }} />
    </>
  );
}
