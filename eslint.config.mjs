import next from "eslint-config-next";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**"] },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }] } },
  // The layout and the pages rendered within it on any page link with plain <a>: next/link would be in
  // every page's scripts, the case page's among them (app/layout.tsx).
  { files: ["app/layout.tsx", "app/not-found.tsx", "app/forbidden.tsx"], rules: { "@next/next/no-html-link-for-pages": "off" } },
];

export default config;
