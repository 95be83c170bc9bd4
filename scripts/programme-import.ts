// `npm run programme:import -- report.json --name "Salford Youth Justice Service" --fieldwork-date 2024-01-22`
// (with DATABASE_URL): imports a past published inspection's figures, in the rating contract's JSON,
// as the programme view's reference data (lib/programme/import-published.ts, audited as an operator's
// import). Exit 1 with the refusal's message, field by field, on bad input.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { recordPublishedInspection } from "@/lib/programme";

const USAGE = 'usage: npm run programme:import -- <figures.json> --name "<service>" --fieldwork-date <yyyy-mm-dd>';

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { name: { type: "string" }, "fieldwork-date": { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error(`Give one figures file. ${USAGE}`);
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  let figures: string;
  try {
    figures = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read ${positionals[0]} (${(error as { code?: string }).code ?? "unreadable"}).`);
  }
  const imported = await recordPublishedInspection({ name: values.name ?? "", fieldworkDate: values["fieldwork-date"] ?? "", figures }, null);
  const { result } = imported;
  console.log(
    `Imported ${imported.name} (fieldwork ${imported.fieldworkStart.toISOString().slice(0, 10)}, ${result.framework}): ` +
      `${result.overallRating ?? "not rated"}, ${result.score}/${result.maxScore}.`,
  );
}

main()
  .catch((error: unknown) => {
    if (error instanceof ValidationError) {
      const fields = Object.entries(error.fieldErrors);
      console.error(fields.length > 0 ? fields.map(([field, message]) => `${field}: ${message}`).join("\n") : error.message);
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
