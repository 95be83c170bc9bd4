import path from "node:path";

// The production server's NODE_OPTIONS: its memory budget, and the script that tells the app the
// TCP peer's address (scripts/socket-address.cjs, for lib/auth/client-address.ts).
//
// V8 sizes its heap from the machine's memory (gigabytes here), so under a burst of saves it let
// garbage pile up: the server's RSS peaked at 430-590 MB at 200 concurrent clients. Capping the old
// generation at 384 MB makes it collect sooner, keeping the whole process (heap, code, buffers)
// within a 512 MB budget at the same throughput (npm run bench). A NODE_OPTIONS that sets its own
// --max-old-space-size wins, for a deployment with another budget.

export const SERVER_HEAP_MB = 384;

export const SOCKET_ADDRESS_SCRIPT = path.join(__dirname, "socket-address.cjs");

/** NODE_OPTIONS for `next start`: the caller's, plus the heap cap unless they set one, plus the socket-address script. */
export function serverNodeOptions(current = process.env.NODE_OPTIONS ?? ""): string {
  const withHeap = /--max-old-space-size\b/.test(current) ? current : `${current} --max-old-space-size=${SERVER_HEAP_MB}`.trim();
  return withHeap.includes(SOCKET_ADDRESS_SCRIPT) ? withHeap : `${withHeap} --require ${JSON.stringify(SOCKET_ADDRESS_SCRIPT)}`;
}
