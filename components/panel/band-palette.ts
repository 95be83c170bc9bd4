import type { Rating } from "@/lib/framework";

// The panel chart's band colours. Chosen to stay apart for people with colour-vision deficiency
// (protanopia, deuteranopia, tritanopia: checked in band-palette.test.ts) and to contrast 3:1 with
// white (WCAG 1.4.11); the bars are also labelled with their band, so colour is never the only cue.
export const BAND_PALETTE: Readonly<Record<Rating, string>> = Object.freeze({
  Outstanding: "#003078",
  Good: "#5694ca",
  "Requires improvement": "#a06500",
  Inadequate: "#6f0000",
});
