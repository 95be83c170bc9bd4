import { getSignedInUser } from "@/lib/auth/session";
import { handleJson, jsonError } from "@/lib/http/json-response";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { importPopulation, MAX_POPULATION_FILE_BYTES } from "@/lib/population/import";

// Upload of the eligible population CSV: the raw file as the request body (text/csv), its name in
// X-File-Name. A route handler rather than a server action so the size cap is checked while the
// body streams in: a 50 MB or runaway upload is refused with a 413 after 5 MB, never buffered whole.

const TOO_LARGE = `The file is larger than ${MAX_POPULATION_FILE_BYTES / (1024 * 1024)} MB. A population list should be well under that; check it is the right file. Nothing was imported.`;

class TooLarge extends Error {}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new TooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function fileNameOf(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return "population.csv";
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ inspectionId: string }> }): Promise<Response> {
  return handleJson(async () => {
    assertSameOrigin(request);
    const user = await getSignedInUser();
    if (!user) return jsonError(401, "unauthenticated", "Sign in again, then upload the file.");
    const { inspectionId } = await params;
    const type = request.headers.get("content-type") ?? "";
    if (!/^(text\/csv|application\/vnd\.ms-excel|application\/octet-stream|text\/plain)\b/i.test(type)) {
      return jsonError(415, "unsupported_media_type", "Upload the CSV file itself as text/csv.");
    }
    let content: Uint8Array;
    try {
      content = await readCapped(request, MAX_POPULATION_FILE_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) return jsonError(413, "too_large", TOO_LARGE);
      throw error;
    }
    const result = await importPopulation(user, { inspectionId, fileName: fileNameOf(request), content });
    return Response.json(result, { status: result.status === "invalid" ? 422 : 200 });
  });
}
