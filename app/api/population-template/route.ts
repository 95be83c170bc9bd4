import { routeHandler } from "@/lib/http/route-handler";
import { populationCsvTemplate } from "@/lib/population/columns";

// The eligible population CSV template: the documented header and two example rows.
export const GET = routeHandler(
  { signedOutMessage: "Sign in to download the template." },
  async () =>
    new Response(populationCsvTemplate(), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="eligible-population-template.csv"',
        "Cache-Control": "no-store",
      },
    }),
);
