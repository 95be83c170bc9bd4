// The rating contract on the command line (shared/framework/rating-contract.md):
//   npm run --silent rate -- input.json     or     npm run --silent rate < input.json
// One JSON document on stdout. Exit 0 with the result; exit 1 on bad input with
// {"error": {code, message, path}} on stdout and a one-line message on stderr; never a stack trace.
// Thin on purpose: all rules live in lib/rating.

import { readFileSync } from "node:fs";
import path from "node:path";
import { RatingInputError, rateJsonText, type RatingErrorDocument } from "@/lib/rating";

const USAGE = "usage: npm run --silent rate -- [input.json | -]  (reads stdin without a file)";

function readInput(args: readonly string[]): string {
  if (args.length > 1) throw new RatingInputError("invalid_input", `Expected at most one input file. ${USAGE}`, "$");
  const [file] = args;
  if (file === undefined || file === "-") return readFileSync(0, "utf8");
  // npm runs scripts from the package root; resolve the file from where the user typed the command.
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    return readFileSync(resolved, "utf8");
  } catch (err) {
    const reason = err instanceof Error && "code" in err ? String(err.code) : "unreadable";
    throw new RatingInputError("unreadable_input", `Cannot read ${file} (${reason}).`, "$");
  }
}

function fail(document: RatingErrorDocument, exitCode: number): void {
  const { code, message, path: at } = document.error;
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  process.stderr.write(`rate: ${code} at ${at}: ${message.replace(/\s+/g, " ")}\n`);
  process.exitCode = exitCode;
}

function main(): void {
  try {
    const outcome = rateJsonText(readInput(process.argv.slice(2)));
    if (outcome.ok) {
      process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
      process.exitCode = 0;
    } else {
      fail(outcome.error, 1);
    }
  } catch (err) {
    if (err instanceof RatingInputError) {
      fail(err.toDocument(), 1);
    } else {
      // A bug, not bad input: still no stack trace, and a distinct exit code.
      const message = err instanceof Error ? err.message : String(err);
      fail({ error: { code: "internal_error", message: `Internal error: ${message}`, path: "$" } }, 2);
    }
  }
}

main();
