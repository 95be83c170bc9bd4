// The production server's memory budget. V8 sizes its heap from the machine's memory (gigabytes
// here), so under a burst of saves it let garbage pile up: the server's RSS peaked at 430-590 MB at
// 200 concurrent clients. Capping the old generation at 384 MB makes it collect sooner, keeping the
// whole process (heap, code, buffers) within a 512 MB budget at the same throughput (npm run bench).
// A NODE_OPTIONS that sets its own --max-old-space-size wins, for a deployment with another budget.

export const SERVER_HEAP_MB = 384;

/** NODE_OPTIONS for `next start`: the caller's, plus the heap cap unless they set one. */
export function serverNodeOptions(current = process.env.NODE_OPTIONS ?? ""): string {
  return /--max-old-space-size\b/.test(current) ? current : `${current} --max-old-space-size=${SERVER_HEAP_MB}`.trim();
}
