import { describe, expect, it } from "vitest";
import { BAND_PALETTE } from "./band-palette";

// Colour-vision deficiency check of the chart palette: each pair of band colours, as people with
// protanopia, deuteranopia and tritanopia see them (Machado, Oliveira and Fernandes 2009, severity
// 1.0, in linear RGB), stays at least 20 apart in CIELAB (ΔE*76), and each colour contrasts 3:1 with
// the white page (WCAG 1.4.11).

type Rgb = readonly [number, number, number];
const MACHADO: Readonly<Record<string, readonly Rgb[]>> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const linear = (hex: string): Rgb => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return [r ?? 0, g ?? 0, b ?? 0];
};
const simulate = (c: Rgb, m: readonly Rgb[]): Rgb =>
  m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))) as unknown as Rgb;
const lab = ([r, g, b]: Rgb): Rgb => {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
};
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe("the panel chart's band palette", () => {
  const bands = Object.entries(BAND_PALETTE);
  const pairs = bands.flatMap(([a, ca], i) => bands.slice(i + 1).map(([b, cb]) => [a, ca, b, cb] as const));

  for (const vision of ["typical", ...Object.keys(MACHADO)]) {
    it(`keeps every two bands apart with ${vision} colour vision`, () => {
      const seen = (hex: string) => lab(vision === "typical" ? linear(hex) : simulate(linear(hex), MACHADO[vision] ?? []));
      for (const [a, ca, b, cb] of pairs) {
        expect(deltaE(seen(ca), seen(cb)), `${a} against ${b}`).toBeGreaterThanOrEqual(20);
      }
    });
  }

  it("contrasts at least 3:1 with white", () => {
    for (const [band, hex] of bands) expect(1.05 / (luminance(linear(hex)) + 0.05), band).toBeGreaterThanOrEqual(3);
  });
});
