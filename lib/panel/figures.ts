// The ratings panel's read model: final figures (completed and approved cases) beside provisional
// ones (every answer so far), both from lib/rating, with the stored decisions and the sign-off in
// force. The panel page, its polling route and the exports all read this.

import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { allKeyQuestions } from "@/lib/framework";
import { isUuid, type Actor } from "@/lib/permissions/access";
import { callerOf, can } from "@/lib/permissions/table";
import { signOffBlockers } from "./decisions";
import { loadPanelState, rateState, type PanelState, type SignOffInForce } from "./load";
import type { PanelRating, ProvisionalRating } from "./rate-panel";

export interface PanelFigures {
  readonly inspection: PanelState["inspection"];
  readonly frameworkVersion: PanelState["framework"]["version"];
  readonly final: PanelRating;
  readonly provisional: ProvisionalRating;
  readonly decisions: PanelState["decisions"];
  readonly cases: PanelState["cases"];
  readonly qa: PanelState["qa"];
  readonly excluded: PanelState["counts"]["excluded"];
  readonly coverage: PanelState["coverage"];
  readonly signOff: SignOffInForce | null;
  /** Why the final figures cannot be signed off yet; empty when they can. */
  readonly signOffBlockers: readonly string[];
  readonly rights: { readonly decide: boolean; readonly recordEvidence: boolean; readonly export: boolean };
  /** Changes whenever any figure, decision or the sign-off changes: what the page polls for. */
  readonly fingerprint: string;
}

export async function panelFigures(actor: Actor, inspectionId: string): Promise<PanelFigures> {
  if (!isUuid(inspectionId)) throw new NotFoundError("There is no such inspection.");
  // The viewer's team role comes with the data in the same statement; nothing is returned unless
  // the permission table allows it.
  const state = await loadPanelState(db, inspectionId, actor.id);
  const caller = callerOf(actor.id, actor.role, state.viewerInspectionRole);
  if (!can(caller, "panel.view")) throw new ForbiddenError();
  const signOff = state.signOff;
  const { final, provisional } = rateState(state);
  return {
    inspection: state.inspection,
    frameworkVersion: state.framework.version,
    final,
    provisional,
    decisions: state.decisions,
    cases: state.cases,
    qa: state.qa,
    excluded: state.counts.excluded,
    coverage: state.coverage,
    signOff,
    signOffBlockers: signOff ? [] : signOffBlockers(state, final),
    rights: { decide: can(caller, "panel.decide"), recordEvidence: can(caller, "evidence.record"), export: can(caller, "ratings.export") },
    fingerprint: fingerprintOf(state),
  };
}

/**
 * A hash of everything the figures are computed from (they are a pure function of it): the counts
 * per key question in framework order, the decisions, cases, sign-off and status. Hashing the inputs
 * rather than the computed figures keeps it small; framework order keeps it stable whatever order
 * PostgreSQL aggregates in.
 */
function fingerprintOf(state: PanelState): string {
  const { final, provisional, excluded } = state.counts;
  const counts = allKeyQuestions(state.framework).map(({ id }) => [final[id], provisional[id], excluded[id]]);
  return createHash("sha256")
    .update(JSON.stringify([state.framework.version, counts, state.coverage, state.decisions, state.cases, state.qa, state.signOff?.id ?? null, state.inspection.status]))
    .digest("base64url")
    .slice(0, 22);
}
