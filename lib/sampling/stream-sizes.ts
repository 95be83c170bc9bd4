// The proposed sample size of each stream (framework.md section 7), by the version's declaration
// (MethodRules.streamSplit in lib/framework).
//
// Without a split (yjs-2021) each stream is sized on its own eligible population with sampleSize().
// With one (yjs-2018, S2: 60/40) the proposal sizes one sample on both streams' eligible cases
// together, then splits it, the court share rounded to the nearest case. A stream never gets more
// than its eligible cases; the places it cannot fill are not moved to the other stream, so the split
// stays the version's. Either way the lead can change each number.

import type { Stream } from "@/lib/framework/case-attributes";
import { getFramework, isFrameworkVersion, type StreamSplit } from "@/lib/framework";
import { sampleSize, type SampleSizeOptions } from "./sample-size";

export interface StreamSizeProposal {
  /** Proposed size per stream, for the streams given. */
  sizes: Partial<Record<Stream, number>>;
  /** With a split only: the sample it was taken from, the eligible cases it was sized on, and the split. */
  split: { total: number; populationSize: number; rule: StreamSplit } | null;
}

/** The court share of a split sample of `total`, to the nearest case; out-of-court has the rest. */
export function courtShareOf(total: number, courtPercent: number): number {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError("total must be a whole number, 0 or more");
  return Math.floor((total * courtPercent + 50) / 100);
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
  const rule = isFrameworkVersion(frameworkVersion) ? getFramework(frameworkVersion).rules.streamSplit : null;
  if (!rule) {
    return { sizes: Object.fromEntries(entries.map(([stream, count]) => [stream, sampleSize(count, options)])), split: null };
  }
  const court = populationByStream.court ?? 0;
  const outOfCourt = populationByStream.out_of_court ?? 0;
  const populationSize = court + outOfCourt;
  const total = sampleSize(populationSize, options);
  const courtShare = courtShareOf(total, rule.courtPercent);
  const sizes: Partial<Record<Stream, number>> = {};
  for (const [stream, count] of entries) {
    if (stream === "court") sizes.court = Math.min(count, courtShare);
    else if (stream === "out_of_court") sizes.out_of_court = Math.min(count, total - courtShare);
    else sizes[stream] = sampleSize(count, options);
  }
  return { sizes, split: { total, populationSize, rule } };
}
