// POST /api/rate: the rating contract over HTTP (../shared/framework/rating-contract.md) for tools
// and spreadsheets that check figures. Same input and output as the CLI; bad input is a 400 with
// the contract's error document. Signed-in users only; the body is capped before it is parsed.

import { getSignedInUser } from "@/lib/auth/session";
import { rateJsonText } from "@/lib/rating";

const MAX_BODY_BYTES = 64 * 1024;

function errorDocument(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message, path: "$" } }, { status });
}

/** The body as text, or null once it passes `max` bytes (reading stops there). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function POST(request: Request): Promise<Response> {
  const user = await getSignedInUser();
  if (!user) return errorDocument(401, "unauthenticated", "Sign in to use the rating service.");
  const text = await readCapped(request, MAX_BODY_BYTES);
  if (text === null) return errorDocument(413, "invalid_input", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const outcome = rateJsonText(text);
  return outcome.ok ? Response.json(outcome.result) : Response.json(outcome.error, { status: 400 });
}
