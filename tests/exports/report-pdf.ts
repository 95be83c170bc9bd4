import { PassThrough } from "node:stream";
import type { ExportModel } from "@/lib/exports/model";
import { writeReportPdf } from "@/lib/exports/report-pdf";

/** The draft report's PDF for `model`, as the export route streams it, collected into one buffer. */
export function reportPdfBytes(model: ExportModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    out.on("end", () => resolve(Buffer.concat(chunks)));
    out.on("error", reject);
    writeReportPdf(model, out);
  });
}
