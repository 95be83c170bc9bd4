// Share the sampled cases between inspectors, balancing each inspector's total and their count per
// stream (court, out-of-court and resettlement cases differ in work).
//
// Greedy, stream by stream (STREAMS order, then case id): each case goes to the inspector with the
// fewest cases of that stream, then the fewest cases overall, then the earliest in `inspectorIds`.
// From an empty start this keeps every stream's counts and the totals within one of each other:
// within a stream the inspectors fill in rounds, and the last, partial round goes to those with the
// lowest totals, so totals that differed by at most one still do. With keepExisting, existing
// allocations (to inspectors still in the list) are kept and only the rest are balanced around them,
// which cannot always restore a difference of one.

import { STREAMS, type Stream } from "@/lib/framework/case-attributes";

export interface AllocatableCase {
  id: string;
  stream: Stream;
  allocatedTo: string | null;
}

export interface AllocationOptions {
  /** Keep allocations to inspectors in `inspectorIds`; otherwise reallocate every case. */
  keepExisting: boolean;
}

/** caseId → inspectorId for every case. Throws if a case needs an inspector and there are none. */
export function balancedAllocation(
  cases: readonly AllocatableCase[],
  inspectorIds: readonly string[],
  options: AllocationOptions,
): Map<string, string> {
  const inspectors = [...new Set(inspectorIds)];
  const inspectorOrder = new Map(inspectors.map((id, index) => [id, index]));
  const totals = new Map(inspectors.map((id) => [id, 0]));
  const perStream = new Map(inspectors.map((id) => [id, new Map<Stream, number>(STREAMS.map((s) => [s, 0]))]));
  const allocation = new Map<string, string>();

  const assign = (item: AllocatableCase, inspector: string): void => {
    allocation.set(item.id, inspector);
    totals.set(inspector, (totals.get(inspector) ?? 0) + 1);
    const streamCounts = perStream.get(inspector);
    streamCounts?.set(item.stream, (streamCounts.get(item.stream) ?? 0) + 1);
  };

  const seenCaseIds = new Set<string>();
  const toAllocate: AllocatableCase[] = [];
  for (const item of cases) {
    if (seenCaseIds.has(item.id)) throw new RangeError("case ids must be unique");
    seenCaseIds.add(item.id);
    if (options.keepExisting && item.allocatedTo !== null && inspectorOrder.has(item.allocatedTo)) {
      assign(item, item.allocatedTo);
    } else {
      toAllocate.push(item);
    }
  }
  if (toAllocate.length > 0 && inspectors.length === 0) {
    throw new RangeError("there are cases to allocate but no inspectors");
  }

  const streamOrder = new Map(STREAMS.map((stream, index) => [stream, index]));
  toAllocate.sort(
    (a, b) => (streamOrder.get(a.stream) ?? 0) - (streamOrder.get(b.stream) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const item of toAllocate) {
    let chosen = inspectors[0] as string;
    for (const candidate of inspectors) {
      const byStream = (perStream.get(candidate)?.get(item.stream) ?? 0) - (perStream.get(chosen)?.get(item.stream) ?? 0);
      const byTotal = (totals.get(candidate) ?? 0) - (totals.get(chosen) ?? 0);
      if (byStream < 0 || (byStream === 0 && byTotal < 0)) chosen = candidate;
    }
    assign(item, chosen);
  }
  return allocation;
}
