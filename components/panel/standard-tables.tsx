import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { Framework, KeyQuestion, Standard } from "@/lib/framework";
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
  const resultOf = (id: string) => final.result.standards.find((s) => s.id === id);
  return (
    <Table
      caption="Ratings by standard"
      className="mb-8 max-w-5xl"
      groups={framework.domains.map((domain) => ({
        key: domain.id,
        heading: `${domain.id}. ${domain.title}${domain.standards.every((s) => !s.scored) ? " (not in the score: the rating for Resettlement does not influence the overall YJS rating)" : ""}`,
        rows: domain.standards,
      }))}
      columns={[
        {
          header: "Standard",
          rowHeader: true,
          cell: (standard) => (
            <a href={`#standard-${standard.id.replace(".", "-")}`}>
              {standard.id} {standard.title}
            </a>
          ),
        },
        { header: "Calculated rating", cell: (standard) => (standard.basis === "cases" ? <RatingText rating={resultOf(standard.id)?.calculatedRating ?? null} /> : "Judgement") },
        {
          header: "Final rating",
          cell: (standard) => {
            const result = resultOf(standard.id);
            return (
              <>
                <RatingText rating={result?.rating ?? null} />
                {result?.discretion ? " (discretion)" : ""}
                {result && result.keyQuestionsWithoutFigures.length > 0 && result.keyQuestions.length > 0 ? (
                  <span className="block text-sm">without figures for {result.keyQuestionsWithoutFigures.join(", ")}</span>
                ) : null}
              </>
            );
          },
        },
        { header: "Points", numeric: true, cell: (standard) => resultOf(standard.id)?.score ?? "—" },
        // A judgement applies to the provisional figures too, and the provisional score counts it.
        { header: "Provisional rating", cell: (standard) => <RatingText rating={provisionalOf(standard.id)?.rating ?? null} /> },
      ]}
    />
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
  const figuresOf = (kq: KeyQuestion) => final?.keyQuestions.find((k) => k.id === kq.id);
  const distanceOf = (kq: KeyQuestion) => {
    const kqSupport = support.keyQuestions.find((k) => k.id === kq.id);
    return kqSupport ? { support: kqSupport, distance: bandDistance(kqSupport) } : null;
  };
  const lowest = (kq: KeyQuestion) => final?.lowestKeyQuestion === kq.id;
  return (
    <Table
      caption={`${standard.id} ${standard.title}: key questions, final and provisional figures`}
      captionStyle="visually-hidden"
      small
      className="mb-3"
      rows={standard.keyQuestions}
      rowClassName={(kq) => (distanceOf(kq)?.distance.near ? "bg-[#fff7bf]" : undefined)}
      columns={[
        {
          header: "Key question",
          rowHeader: true,
          cell: (kq) => (
            <>
              <span className={lowest(kq) ? "font-bold" : undefined}>
                {kq.id} {kq.text}
              </span>
              {lowest(kq) ? <span className="ml-1 inline-block border border-ink px-1 text-xs font-bold">Lowest</span> : null}
            </>
          ),
        },
        {
          header: "Yes / applicable",
          numeric: true,
          cell: (kq) => {
            const figures = figuresOf(kq);
            return figures ? `${figures.yes} / ${figures.applicable}` : "—";
          },
        },
        {
          header: "% 'Yes'",
          numeric: true,
          cell: (kq) => {
            const figures = figuresOf(kq);
            return figures ? <span className={lowest(kq) ? "font-bold" : undefined}>{figures.percentYes}%</span> : "—";
          },
        },
        {
          header: "Band",
          cell: (kq) => {
            const figures = figuresOf(kq);
            return figures ? <RatingText rating={figures.band} /> : "—";
          },
        },
        { header: "80% interval", className: "tabular-nums", cell: (kq) => (distanceOf(kq) ? intervalText(distanceOf(kq)!.support) : "—") },
        {
          header: "Answers judged differently that would change the band",
          cell: (kq) => {
            const distance = distanceOf(kq)?.distance;
            return distance ? distance.near ? <strong>Near boundary: {distance.text}</strong> : distance.text : "—";
          },
        },
        {
          header: "Provisional",
          numeric: true,
          cell: (kq) => {
            const prov = provisional?.keyQuestions.find((k) => k.id === kq.id);
            return prov ? `${prov.yes} / ${prov.applicable}, ${prov.percentYes}%` : "—";
          },
        },
        {
          header: "Cases",
          cell: (kq) => (
            <Link href={`/inspections/${inspectionId}/panel/questions/${kq.id}`}>
              View cases<span className="sr-only"> for {kq.id}</span>
            </Link>
          ),
        },
      ]}
    />
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
