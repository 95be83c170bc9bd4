// Issues 7 and 12: the case page's JavaScript weight. The page is loaded in Chromium as its
// inspector; every script response is collected and its body compressed with gzip (zlib's default
// level, what `next start` serves) and, for reference, brotli (quality 11, what a CDN might serve).
// Its blocking time is measured by Lighthouse (case-page-lighthouse.ts).
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "@/scripts/fault-harness";
import { courtCasePage, sessionCookies } from "../case-page";
import { verdict, type BenchSection } from "../section";

const LIMIT = 150 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const section: BenchSection = {
  title: "The case page's JavaScript weight (issues 7 and 12)",
  async run(context) {
    const { caseUrl, cookie } = await courtCasePage(context);
    const { baseUrl } = context.app;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const scripts: { url: string; raw: number; gzip: number; brotli: number; served: string }[] = [];
    try {
      const browserContext = await browser.newContext();
      await browserContext.addCookies(sessionCookies(cookie, baseUrl));
      const page = await browserContext.newPage();
      const pending: Promise<void>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        pending.push(
          response.body().then((body) => {
            scripts.push({
              url: new URL(response.url()).pathname,
              raw: body.length,
              gzip: gzipSync(body).length,
              brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
              served: response.headers()["content-encoding"] ?? "identity",
            });
          }),
        );
      });
      const response = await page.goto(caseUrl, { waitUntil: "networkidle" });
      if (response?.status() !== 200) throw new Error(`The case page answered ${response?.status()}`);
      await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
      await Promise.all(pending);
      await page.close();
    } finally {
      await browser.close();
    }
    const total = (key: "raw" | "gzip" | "brotli") => scripts.reduce((sum, s) => sum + s[key], 0);
    const encodings = [...new Set(scripts.map((s) => s.served))].join(", ");
    const largest = [...scripts].sort((a, b) => b.gzip - a.gzip);
    return [
      `A court case page loaded in Chromium as its inspector (waiting for network idle and the outbox's "All changes saved"): ${scripts.length} script files, served with content-encoding ${encodings}. Sizes: each body compressed here with gzip (zlib default level, as \`next start\` compresses) and brotli (quality 11).`,
      "",
      "| | Uncompressed | gzip | brotli |",
      "|---|---|---|---|",
      `| All ${scripts.length} scripts | ${kb(total("raw"))} | ${kb(total("gzip"))} | ${kb(total("brotli"))} |`,
      ...largest.map((s) => `| ${s.url.replace(/^\/_next\/static\//, "")} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`),
      "",
      verdict(total("gzip") < LIMIT, `${kb(total("gzip"))} of JavaScript, gzip-compressed (goal: under 150 KB).`),
    ];
  },
};

export default section;
