// The proposed sample size of each stream (framework.md section 7).
//
// yjs-2021: each stream is sized on its own eligible population with sampleSize(); the reports give
// no split between streams. yjs-2018: S2 sized one sample for the inspection and took 60% of it from
// court disposals and 40% from out-of-court disposals (25 and 17 of 42), so the proposal sizes the
// sample on both streams' eligible cases together, then splits it 60/40, the court share rounded to
// the nearest case. A stream never gets more than its eligible cases; the places it cannot fill are not moved
// to the other stream, so the split stays S2's. Either way the lead can change each number.

import type { Stream } from "@/lib/framework/case-attributes";
import { hasStreamWindows } from "@/lib/framework/eligibility-window";
import { sampleSize, type SampleSizeOptions } from "./sample-size";

/** Percent of the yjs-2018 sample from each stream (S2). */
export const YJS_2018_STREAM_SPLIT = Object.freeze({ court: 60, out_of_court: 40 });

export const YJS_2018_STREAM_SPLIT_LABEL =
  "S2's split: one sample sized on the court and out-of-court cases together, 60% of it court disposals and 40% out-of-court disposals";

export interface StreamSizeProposal {
  /** Proposed size per stream, for the streams given. */
  sizes: Partial<Record<Stream, number>>;
  /** yjs-2018 only: the sample the split was taken from, and the eligible cases it was sized on. */
  split: { total: number; populationSize: number } | null;
}

/** The court share of a yjs-2018 sample of `total`, to the nearest case; out-of-court has the rest. */
export function courtShareOf(total: number): number {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError("total must be a whole number, 0 or more");
  return Math.floor((total * YJS_2018_STREAM_SPLIT.court + 50) / 100);
}

/**
 * Proposed sizes for the streams in `populationByStream` (eligible cases per stream; pass only the
 * streams the framework version inspects).
 */
export function proposeStreamSampleSizes(
  frameworkVersion: string,
  populationByStream: Partial<Record<Stream, number>>,
  options: SampleSizeOptions = {},
): StreamSizeProposal {
  const entries = Object.entries(populationByStream) as [Stream, number][];
  if (!hasStreamWindows(frameworkVersion)) {
    return { sizes: Object.fromEntries(entries.map(([stream, count]) => [stream, sampleSize(count, options)])), split: null };
  }
  const court = populationByStream.court ?? 0;
  const outOfCourt = populationByStream.out_of_court ?? 0;
  const populationSize = court + outOfCourt;
  const total = sampleSize(populationSize, options);
  const courtShare = courtShareOf(total);
  const sizes: Partial<Record<Stream, number>> = {};
  for (const [stream, count] of entries) {
    if (stream === "court") sizes.court = Math.min(count, courtShare);
    else if (stream === "out_of_court") sizes.out_of_court = Math.min(count, total - courtShare);
    else sizes[stream] = sampleSize(count, options);
  }
  return { sizes, split: { total, populationSize } };
}
