import { z } from "zod";
import { pathId, routeHandler } from "@/lib/http/route-handler";
import { importPopulation, MAX_POPULATION_FILE_BYTES } from "@/lib/population/import";

// Upload of the eligible population CSV: the raw file as the request body (text/csv), its name in
// X-File-Name. A route handler rather than a server action so the size cap is checked while the
// body streams in: a 50 MB or runaway upload is refused with a 413 after 5 MB, never buffered whole.

function fileNameOf(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return "population.csv";
  }
}

export const POST = routeHandler(
  {
    signedOutMessage: "Sign in again, then upload the file.",
    params: z.object({ inspectionId: pathId }),
    body: {
      bytes: MAX_POPULATION_FILE_BYTES,
      contentType: /^(text\/csv|application\/vnd\.ms-excel|application\/octet-stream|text\/plain)\b/i,
      contentTypeMessage: "Upload the CSV file itself as text/csv.",
    },
  },
  async ({ request, user, params, body }) => {
    const result = await importPopulation(user, { inspectionId: params.inspectionId, fileName: fileNameOf(request), content: body });
    return Response.json(result, { status: result.status === "invalid" ? 422 : 200 });
  },
);
