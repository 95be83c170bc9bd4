// GET the programme's tables as a file: the inspections the caller may see, filtered and sorted by
// the same query string as the programme page (so a download holds what the page shows, in its
// order), streamed as CSV a line at a time or as the XLSX workbook while it is written. A filter
// that is not understood is a 400 naming it, rather than a file silently holding something else.

import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { programmeCsv, programmeFile, writeProgrammeXlsx } from "@/lib/exports/programme";
import { jsonError } from "@/lib/http/json-response";
import { routeHandler } from "@/lib/http/route-handler";
import { loadProgramme } from "@/lib/programme";
import { parseProgrammeQuery, sortInspections, type ProgrammeQuery } from "@/lib/programme-page/query";

function filtersInWords(query: ProgrammeQuery): string {
  const parts = [
    query.year === undefined ? null : `fieldwork in ${query.year}`,
    query.framework ? `framework version ${query.framework}` : null,
    query.status ? `status ${query.status}` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? "every inspection you may see" : `inspections with ${parts.join(", ")}`;
}

export const GET = routeHandler(
  { signedOutMessage: "Sign in to export the programme.", params: z.object({ file: z.string() }) },
  async ({ request, user, params }) => {
    const file = programmeFile(params.file);
    if (!file) return jsonError("not_found", "There is no such export.");
    const { query, errors } = parseProgrammeQuery(Object.fromEntries(new URL(request.url).searchParams));
    const problems = Object.entries(errors);
    if (problems.length > 0) throw new ValidationError(`The filters were not understood: ${problems.map(([field, message]) => `${field}: ${message}`).join("; ")}.`, errors);
    const programme = await loadProgramme(user, { year: query.year, frameworkVersion: query.framework, status: query.status });
    const rows = sortInspections(programme.inspections, query.sort, query.order);
    const exportedOn = new Date();
    let body: ReadableStream<Uint8Array>;
    if (file.table) {
      body = Readable.toWeb(Readable.from(programmeCsv(file.table, rows))) as ReadableStream<Uint8Array>;
    } else {
      const out = new PassThrough();
      writeProgrammeXlsx(rows, { filters: filtersInWords(query), exportedOn }, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error("export failed")));
      body = Readable.toWeb(out) as ReadableStream<Uint8Array>;
    }
    return new Response(body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="programme-${exportedOn.toISOString().slice(0, 10)}-${file.name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
