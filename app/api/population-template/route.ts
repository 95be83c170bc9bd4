import { routeHandler } from "@/lib/http/route-handler";
import { populationCsvTemplate } from "@/lib/population/columns";
import { populationTemplateFor } from "@/lib/population/import";

// The eligible population CSV template: the documented header and two example rows. For an
// inspection (?inspection=<id>, linked from its population page), the examples' disposal dates fall
// in that inspection's eligibility windows, so the template itself imports.
export const GET = routeHandler({ signedOutMessage: "Sign in to download the template." }, async ({ request, user }) => {
  const inspectionId = new URL(request.url).searchParams.get("inspection");
  const template = inspectionId === null ? populationCsvTemplate() : await populationTemplateFor(user, inspectionId);
  return new Response(template, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="eligible-population-template.csv"',
      "Cache-Control": "no-store",
    },
  });
});
