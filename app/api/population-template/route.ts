import { getSignedInUser } from "@/lib/auth/session";
import { jsonError } from "@/lib/http/json-response";
import { populationCsvTemplate } from "@/lib/population/columns";

// The eligible population CSV template: the documented header and two example rows.
export async function GET(): Promise<Response> {
  if (!(await getSignedInUser())) return jsonError(401, "unauthenticated", "Sign in to download the template.");
  return new Response(populationCsvTemplate(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="eligible-population-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
