import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { STREAMS, type Stream } from "@/lib/framework/case-attributes";
import { balancedAllocation, type AllocatableCase } from "./allocation";

function spread(allocation: Map<string, string>, cases: readonly AllocatableCase[], inspectors: readonly string[], stream?: Stream): number {
  const counts = new Map(inspectors.map((id) => [id, 0]));
  for (const item of cases) {
    if (stream !== undefined && item.stream !== stream) continue;
    const inspector = allocation.get(item.id) as string;
    counts.set(inspector, (counts.get(inspector) ?? 0) + 1);
  }
  const values = [...counts.values()];
  return Math.max(...values) - Math.min(...values);
}

const casesArbitrary = fc
  .array(fc.constantFrom(...STREAMS), { maxLength: 120 })
  .map((streams) => streams.map((stream, i): AllocatableCase => ({ id: `case-${i}`, stream, allocatedTo: null })));
const inspectorsArbitrary = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe("balancedAllocation", () => {
  it("shares a worked example evenly: 33 cases (13 court, 20 OOCD) between 3 inspectors", () => {
    const cases: AllocatableCase[] = [
      ...Array.from({ length: 13 }, (_, i) => ({ id: `c${String(i).padStart(2, "0")}`, stream: "court" as const, allocatedTo: null })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `o${String(i).padStart(2, "0")}`, stream: "out_of_court" as const, allocatedTo: null })),
    ];
    const allocation = balancedAllocation(cases, ["ann", "bob", "cat"], { keepExisting: false });
    const tally = (inspector: string, prefix: string) =>
      [...allocation].filter(([id, to]) => to === inspector && id.startsWith(prefix)).length;
    // Court 13 = 5 + 4 + 4; OOCD 20 = 6 + 7 + 7 with the extra OOCDs going to those with fewer court cases.
    expect(["ann", "bob", "cat"].map((who) => [tally(who, "c"), tally(who, "o")])).toEqual([
      [5, 6],
      [4, 7],
      [4, 7],
    ]);
  });

  it("from empty, every stream and the totals differ by at most one (property)", () => {
    fc.assert(
      fc.property(casesArbitrary, inspectorsArbitrary, (cases, inspectors) => {
        const allocation = balancedAllocation(cases, inspectors, { keepExisting: false });
        expect(allocation.size).toBe(cases.length);
        expect([...allocation.values()].every((id) => inspectors.includes(id))).toBe(true);
        expect(spread(allocation, cases, inspectors)).toBeLessThanOrEqual(1);
        for (const stream of STREAMS) expect(spread(allocation, cases, inspectors, stream)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and ignores case order", () => {
    fc.assert(
      fc.property(casesArbitrary, inspectorsArbitrary, (cases, inspectors) => {
        const first = balancedAllocation(cases, inspectors, { keepExisting: false });
        const reversed = balancedAllocation([...cases].reverse(), inspectors, { keepExisting: false });
        expect([...reversed].sort()).toEqual([...first].sort());
      }),
    );
  });

  it("keepExisting keeps allocations to listed inspectors and balances the rest", () => {
    const cases: AllocatableCase[] = [
      { id: "a", stream: "court", allocatedTo: "ann" },
      { id: "b", stream: "court", allocatedTo: "ann" },
      { id: "c", stream: "court", allocatedTo: "gone" },
      { id: "d", stream: "court", allocatedTo: null },
      { id: "e", stream: "out_of_court", allocatedTo: null },
      { id: "f", stream: "out_of_court", allocatedTo: null },
    ];
    const allocation = balancedAllocation(cases, ["ann", "bob"], { keepExisting: true });
    expect(Object.fromEntries(allocation)).toEqual({ a: "ann", b: "ann", c: "bob", d: "bob", e: "ann", f: "bob" });
    const reallocated = balancedAllocation(cases, ["ann", "bob"], { keepExisting: false });
    expect(spread(reallocated, cases, ["ann", "bob"])).toBe(0);
  });

  it("keepExisting never moves a kept case (property)", () => {
    fc.assert(
      fc.property(casesArbitrary, inspectorsArbitrary, fc.infiniteStream(fc.nat()), (cases, inspectors, picks) => {
        const withSome = cases.map((item) => {
          const pick = picks.next().value as number;
          return { ...item, allocatedTo: pick % 3 === 0 ? null : (inspectors[pick % inspectors.length] ?? null) };
        });
        const allocation = balancedAllocation(withSome, inspectors, { keepExisting: true });
        for (const item of withSome) {
          if (item.allocatedTo !== null) expect(allocation.get(item.id)).toBe(item.allocatedTo);
        }
        expect(allocation.size).toBe(withSome.length);
      }),
    );
  });

  it("refuses to allocate with no inspectors, and rejects duplicate case ids", () => {
    expect(balancedAllocation([], [], { keepExisting: false }).size).toBe(0);
    expect(() => balancedAllocation([{ id: "a", stream: "court", allocatedTo: null }], [], { keepExisting: false })).toThrow(RangeError);
    expect(() =>
      balancedAllocation(
        [
          { id: "a", stream: "court", allocatedTo: null },
          { id: "a", stream: "court", allocatedTo: null },
        ],
        ["x"],
        { keepExisting: false },
      ),
    ).toThrow(RangeError);
  });
});
