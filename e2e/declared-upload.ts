import http from "node:http";

/**
 * POSTs only the headers of an upload that declares `bytes` of body, and reads the answer: the
 * server answers an over-cap Content-Length before reading any of it and then closes the
 * connection, which a client still writing a real body may see before the answer.
 */
export function postDeclaredLength(url: URL, bytes: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, "Content-Length": String(bytes) } });
    request.on("response", (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") });
        request.destroy();
      });
    });
    request.on("error", reject);
    request.flushHeaders(); // the headers only: not one byte of the body
  });
}
