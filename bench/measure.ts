// Timing helpers: run a function many times after a warm-up and report percentiles in ms.

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export async function measure(fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<Timing> {
  const runs = options.runs ?? 50;
  for (let i = 0; i < (options.warmup ?? 5); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/**
 * Times each function in turn, round after round, so that all of them see the same moments of a
 * shared machine's load and their ratio is not skewed by a busy spell during one of them.
 */
export async function measureInterleaved(fns: readonly (() => unknown)[], runs: number, warmup = 20): Promise<Timing[]> {
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < warmup + runs; i++) {
    for (const [j, fn] of fns.entries()) {
      const started = process.hrtime.bigint();
      await fn();
      if (i >= warmup) samples[j]?.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { runs, medianMs: percentile(s, 50), p95Ms: percentile(s, 95), meanMs: s.reduce((a, b) => a + b, 0) / s.length };
  });
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
