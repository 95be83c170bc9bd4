"use server";

import { redirect } from "next/navigation";
import { field, formAction } from "@/lib/http/form-action";
import { createInspection } from "@/lib/inspections/details";

export const createInspectionAction = formAction({
  returnTo: "/inspections/new",
  fields: {
    yjsName: field.sent(),
    frameworkVersion: field.sent(),
    fieldworkStart: field.sent(),
    windowStart: field.sent(),
    windowEnd: field.sent(),
    oocWindowStart: field.sent(),
    oocWindowEnd: field.sent(),
  },
  async call(actor, input) {
    const created = await createInspection(actor, {
      ...input,
      windowStart: input.windowStart ?? "",
      windowEnd: input.windowEnd ?? "",
      oocWindowStart: input.oocWindowStart ?? "",
      oocWindowEnd: input.oocWindowEnd ?? "",
    });
    redirect(`/inspections/${created.id}/setup?created=1`);
  },
});
