import Link from "next/link";
import type { Framework, Standard } from "@/lib/framework";
import { bandDistance, intervalText, type PanelRating, type ProvisionalRating } from "@/lib/panel";
import type { KeyQuestionWithoutFigures, StandardResult } from "@/lib/rating";

// The annexe-like tables of the panel page: the ratings overview, and per case-rated standard each
// key question's final counts, %, band, 80% interval and how many answers judged differently would
// change its band, beside its provisional figures. All numbers are the rating engine's.

const RATING_CLASS: Readonly<Record<string, string>> = {
  Outstanding: "text-outstanding",
  Good: "text-good",
  "Requires improvement": "text-ri",
  Inadequate: "text-inadequate",
};

export function RatingText({ rating }: { rating: string | null }) {
  if (!rating) return <span className="text-muted">Not rated</span>;
  return <span className={`font-semibold ${RATING_CLASS[rating] ?? ""}`}>{rating}</span>;
}

export function RatingsOverview({ final, provisional, framework }: { final: PanelRating; provisional: ProvisionalRating; framework: Framework }) {
  const provisionalOf = (id: string) => provisional.result.standards.find((s) => s.id === id);
  // Wide tables scroll in their own box at narrow widths (WCAG 1.4.10); their links take keyboard focus there.
  return (
    <div className="mb-8 max-w-5xl overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">Ratings by standard</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Standard</th>
            <th scope="col" className="py-2 pr-4">Calculated rating</th>
            <th scope="col" className="py-2 pr-4">Final rating</th>
            <th scope="col" className="py-2 pr-4 text-right">Points</th>
            <th scope="col" className="py-2 pr-4">Provisional rating</th>
          </tr>
        </thead>
        {framework.domains.map((domain) => (
          <tbody key={domain.id}>
            <tr className="border-b border-line bg-panel">
              <th scope="colgroup" colSpan={5} className="py-2 pr-4">
                {domain.id}. {domain.title}
                {domain.standards.every((s) => !s.scored) ? " (not in the score: the rating for Resettlement does not influence the overall YJS rating)" : ""}
              </th>
            </tr>
            {domain.standards.map((standard) => {
              const result = final.result.standards.find((s) => s.id === standard.id);
              return (
                <tr key={standard.id} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <a href={`#standard-${standard.id.replace(".", "-")}`}>
                      {standard.id} {standard.title}
                    </a>
                  </th>
                  <td className="py-2 pr-4">{standard.basis === "cases" ? <RatingText rating={result?.calculatedRating ?? null} /> : "Judgement"}</td>
                  <td className="py-2 pr-4">
                    <RatingText rating={result?.rating ?? null} />
                    {result?.discretion ? " (discretion)" : ""}
                    {result && result.keyQuestionsWithoutFigures.length > 0 && result.keyQuestions.length > 0 ? (
                      <span className="block text-sm">without figures for {result.keyQuestionsWithoutFigures.join(", ")}</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{result?.score ?? "—"}</td>
                  <td className="py-2 pr-4">
                    {/* A judgement applies to the provisional figures too, and the provisional score counts it. */}
                    <RatingText rating={provisionalOf(standard.id)?.rating ?? null} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function KeyQuestionTable({
  inspectionId,
  standard,
  final,
  provisional,
  support,
}: {
  inspectionId: string;
  standard: Standard;
  final: StandardResult | undefined;
  provisional: StandardResult | undefined;
  support: PanelRating["support"];
}) {
  // relative: the links' visually hidden text is positioned absolutely; without a positioned scroll
  // box it would sit at its column's offset against the page and widen the page again.
  return (
    <div className="relative mb-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">
          {standard.id} {standard.title}: key questions, final and provisional figures
        </caption>
        <thead>
          <tr className="border-b-2 border-ink align-bottom">
            <th scope="col" className="py-2 pr-3">Key question</th>
            <th scope="col" className="py-2 pr-3 text-right">Yes / applicable</th>
            <th scope="col" className="py-2 pr-3 text-right">% &apos;Yes&apos;</th>
            <th scope="col" className="py-2 pr-3">Band</th>
            <th scope="col" className="py-2 pr-3">80% interval</th>
            <th scope="col" className="py-2 pr-3">Answers judged differently that would change the band</th>
            <th scope="col" className="py-2 pr-3 text-right">Provisional</th>
            <th scope="col" className="py-2 pr-3">Cases</th>
          </tr>
        </thead>
        <tbody>
          {standard.keyQuestions.map((kq) => {
            const figures = final?.keyQuestions.find((k) => k.id === kq.id);
            const prov = provisional?.keyQuestions.find((k) => k.id === kq.id);
            const kqSupport = support.keyQuestions.find((k) => k.id === kq.id);
            const distance = kqSupport ? bandDistance(kqSupport) : null;
            const lowest = final?.lowestKeyQuestion === kq.id;
            return (
              <tr key={kq.id} className={`border-b border-line align-top ${distance?.near ? "bg-[#fff7bf]" : ""}`}>
                <th scope="row" className={`py-2 pr-3 ${lowest ? "font-bold" : "font-normal"}`}>
                  {kq.id} {kq.text}
                  {lowest ? <span className="ml-1 inline-block border border-ink px-1 text-xs font-bold">Lowest</span> : null}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">{figures ? `${figures.yes} / ${figures.applicable}` : "—"}</td>
                <td className={`py-2 pr-3 text-right tabular-nums ${lowest ? "font-bold" : ""}`}>{figures ? `${figures.percentYes}%` : "—"}</td>
                <td className="py-2 pr-3">{figures ? <RatingText rating={figures.band} /> : "—"}</td>
                <td className="py-2 pr-3 tabular-nums">{kqSupport ? intervalText(kqSupport) : "—"}</td>
                <td className="py-2 pr-3">
                  {distance ? distance.near ? <strong>Near boundary: {distance.text}</strong> : distance.text : "—"}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{prov ? `${prov.yes} / ${prov.applicable}, ${prov.percentYes}%` : "—"}</td>
                <td className="py-2 pr-3">
                  <Link href={`/inspections/${inspectionId}/panel/questions/${kq.id}`}>
                    View cases<span className="sr-only"> for {kq.id}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Under a standard's key question table: which key questions it has no final figures for and why
 * (no case they apply to, or cases not final yet), so a rating made from fewer key questions is
 * never read as the whole standard's.
 */
export function MissingFiguresNote({ standardId, missing }: { standardId: string; missing: readonly KeyQuestionWithoutFigures[] }) {
  if (missing.length === 0) return null;
  const pending = missing.some((m) => m.reason === "cases_not_final");
  return (
    <div className={`mb-3 border-l-4 pl-3 ${pending ? "border-error" : "border-line"}`}>
      <p className="font-semibold">
        {standardId} has no final figures for {missing.length === 1 ? "key question" : "key questions"} {missing.map((m) => m.id).join(", ")}
        {pending ? ": its rating may change when those cases are final." : "."}
      </p>
      <ul className="list-disc pl-6 text-sm">
        {missing.map((m) => (
          <li key={m.id}>{m.explanation}</li>
        ))}
      </ul>
    </div>
  );
}
