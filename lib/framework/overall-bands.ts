import type { OverallBand } from "./types";

/**
 * The overall bands on a score of twelve standards, 0–36 (S2 Annexe 2, framework.md 6.4): 0–6
 * Inadequate, 7–18 Requires improvement, 19–30 Good, 31–36 Outstanding. The 2021+ reports score the
 * same twelve "/36" on the same bands.
 */
export const OVERALL_BANDS_OF_TWELVE_STANDARDS: readonly OverallBand[] = [
  { rating: "Outstanding", minScore: 31 },
  { rating: "Good", minScore: 19 },
  { rating: "Requires improvement", minScore: 7 },
  { rating: "Inadequate", minScore: 0 },
];
