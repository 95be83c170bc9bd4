// The moderation export (CSV and the workbook's "Moderation" sheet): one table whose `record` column
// says what each row is: a draw of the dip sample (its seed), a compared answer of a dip-sampled case
// (with the outcome), or an agreement statistic. Codes only: no rationale or note text.

import type { Estimate } from "@/lib/statistics/agreement";
import { csvCell, META_COLUMNS, metaCells } from "./csv";
import type { ExportModel } from "./model";

export const MODERATION_COLUMNS = [
  ...META_COLUMNS,
  ["record", "draw: a draw of the dip sample; answer: one key question of a dip-sampled case; statistic: agreement over a group."],
  ["case_reference", "answer rows: the pseudonymous case reference."],
  ["stream", "answer rows: the case's stream code."],
  ["inspector", "answer rows: the inspector the case is allocated to; statistic rows by inspector: the inspector."],
  ["how", "answer rows: drawn, or by_hand (added by the moderator with a reason)."],
  ["second_assessment_complete", "answer rows: yes once the moderator completed the blind second assessment."],
  ["question_id", "answer rows: the key question."],
  ["inspector_answer", "answer rows: the inspector's answer compared (yes, no, na; the answer the outcome was recorded against)."],
  ["second_answer", "answer rows: the moderator's blind answer (yes, no, na)."],
  ["agreed", "answer rows: yes when both answers are the same; empty when either is missing."],
  ["outcome", "answer rows: answer_stands or inspector_to_review, on a disagreement."],
  ["response", "answer rows: the inspector's response to an outcome to review: changed or kept."],
  ["group", "statistic rows: overall, standard, key_question or inspector."],
  ["key", "statistic rows: the standard or key question id (all for overall)."],
  ["compared", "statistic rows: pairs where both answered yes or no."],
  ["agreed_count", "statistic rows: of those, pairs with the same answer."],
  ["percent_agreement", "statistic rows: agreed / compared, 0 to 1, with its 80% Wilson interval in the next two columns."],
  ["percent_agreement_lower", ""],
  ["percent_agreement_upper", ""],
  ["kappa", "statistic rows: Cohen's kappa, with its 80% interval in the next two columns (empty when it cannot be computed)."],
  ["kappa_lower", ""],
  ["kappa_upper", ""],
  ["ac1", "statistic rows: Gwet's AC1, with its 80% interval in the next two columns."],
  ["ac1_lower", ""],
  ["ac1_upper", ""],
  ["na_disagreements", "statistic rows: pairs where one said not applicable and the other answered yes or no (left out of the statistics)."],
  ["seed", "draw rows: the seed the draw used."],
  ["request", "draw rows: what was asked for (a number of cases or a percentage)."],
  ["size", "draw rows: cases drawn."],
  ["population", "draw rows: eligible cases not already in the dip sample."],
] as const;

type Cell = string | number | boolean | null;
const round = (n: number) => Math.round(n * 1000) / 1000;
const estimateCells = (e: Estimate): Cell[] => (e.value === null ? [null, null, null] : [round(e.value), round(e.interval80.lower), round(e.interval80.upper)]);

/** The table's rows, as cells in MODERATION_COLUMNS order. */
export function moderationRows(model: ExportModel): Cell[][] {
  const meta = metaCells(model);
  const blank = (n: number): Cell[] => Array<Cell>(n).fill(null);
  const rows: Cell[][] = [];
  for (const d of model.moderation.draws) rows.push([...meta, "draw", ...blank(25), d.seed, d.request, d.size, d.populationSize]);
  for (const r of model.moderation.rows) {
    rows.push([
      ...meta,
      "answer",
      r.caseReference,
      r.stream,
      r.inspector,
      r.how,
      r.completed,
      r.questionId,
      r.inspectorAnswer,
      r.secondAnswer,
      r.agreed,
      r.outcome,
      r.response,
      ...blank(18),
    ]);
  }
  for (const s of model.moderation.statistics) {
    rows.push([
      ...meta,
      "statistic",
      null,
      null,
      s.group === "inspector" ? s.key : null,
      ...blank(8),
      s.group,
      s.group === "inspector" ? null : s.key,
      s.summary.compared,
      s.summary.agreed,
      ...estimateCells(s.summary.percentAgreement),
      ...estimateCells(s.summary.kappa),
      ...estimateCells(s.summary.ac1),
      s.summary.applicabilityDisagreements,
      ...blank(4),
    ]);
  }
  return rows;
}

export function* moderationCsv(model: ExportModel): Generator<string> {
  const line = (cells: readonly Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;
  yield "\uFEFF" + line(MODERATION_COLUMNS.map(([name]) => name));
  for (const row of moderationRows(model)) yield line(row);
}
