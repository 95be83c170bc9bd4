// GET one export file, streamed: XLSX is written to the response as it is produced, the PDF once laid
// out (its pages are numbered at the end),
// CSV a line at a time, DOCX in one piece (it is small). Managers and the lead only.

import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import { jsonError } from "@/lib/http/json-response";
import { pathId, routeHandler } from "@/lib/http/route-handler";
import { answersCsv, buildReportDocx, exportFile, fileSlug, keyQuestionsCsv, loadExportModel, moderationCsv, writeReportPdf, writeXlsx, type ExportModel } from "@/lib/exports";

function body(name: string, model: ExportModel): ReadableStream<Uint8Array> {
  if (name === "case-answers.csv") return Readable.toWeb(Readable.from(answersCsv(model))) as ReadableStream<Uint8Array>;
  if (name === "moderation.csv") return Readable.toWeb(Readable.from(moderationCsv(model))) as ReadableStream<Uint8Array>;
  if (name === "key-questions.csv") return Readable.toWeb(Readable.from(keyQuestionsCsv(model))) as ReadableStream<Uint8Array>;
  const out = new PassThrough();
  if (name === "ratings.xlsx") writeXlsx(model, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error("export failed")));
  else if (name === "report.pdf") writeReportPdf(model, out);
  else buildReportDocx(model).then((buffer) => out.end(buffer), (error: unknown) => out.destroy(error instanceof Error ? error : new Error("export failed")));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export const GET = routeHandler(
  { signedOutMessage: "Sign in to export ratings.", params: z.object({ inspectionId: pathId, file: z.string() }) },
  async ({ user, params }) => {
    const spec = exportFile(params.file);
    if (!spec) return jsonError("not_found", "There is no such export.");
    const model = await loadExportModel(user, params.inspectionId);
    const filename = `${fileSlug(model)}-${spec.name.replace(/\.[a-z]+$/, "")}.${spec.extension}`;
    return new Response(body(spec.name, model), {
      headers: {
        "Content-Type": spec.contentType,
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Export-Status": model.signOff ? "signed-off" : "draft",
      },
    });
  },
);
