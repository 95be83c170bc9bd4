// Loaded into the production server with --require (serverNodeOptions in scripts/server-memory.ts).
// Next never passes a handler the TCP peer's address; this writes it into a header of ours on every
// request, replacing any value the client sent, for lib/auth/client-address.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, loaded before any bundler
const http = require("node:http");

const HEADER = "x-case-review-socket-address";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers) request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || "";
  return emit.call(this, event, request, ...rest);
};

// lib/auth/client-address.ts trusts the header only in a process where this ran.
process.env.CASE_REVIEW_SOCKET_ADDRESS_HEADER = "1";
