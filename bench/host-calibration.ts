// Lighthouse's mobile preset slows the CPU 4×, which stands for a mid-range phone only on a host of
// benchmark index about 1,533; its docs/throttling.md advises calibrating the slowdown on other hosts.

/**
 * The CPU slowdown that makes a host of this benchmark index stand for the device the mobile preset
 * models: the calculator Lighthouse's docs/throttling.md links to (lighthouse-cpu-throttling-calculator),
 * piecewise linear in the index, and never under 1 (a host cannot be made faster).
 */
export function calibratedSlowdown(index: number): number {
  if (index >= 1300) return 3 + (index - 1300) / 233;
  if (index >= 800) return 2 + (index - 800) / 500;
  if (index >= 150) return 1 + (index - 150) / 650;
  return 1;
}
