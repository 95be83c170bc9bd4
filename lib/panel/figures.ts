// The ratings panel's read model: final figures (completed and approved cases) beside provisional
// ones (every answer so far), both from lib/rating, with the stored decisions and the sign-off in
// force. The panel page, its polling route and the exports all read this.

import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isUuid, type Actor } from "@/lib/permissions/access";
import { can, type Caller } from "@/lib/permissions/table";
import { signOffBlockers } from "./decisions";
import { loadPanelState, rateState, type PanelState, type SignOffInForce } from "./load";
import type { PanelRating } from "./rate-panel";

export interface PanelFigures {
  readonly inspection: PanelState["inspection"];
  readonly frameworkVersion: PanelState["framework"]["version"];
  readonly final: PanelRating;
  readonly provisional: PanelRating;
  readonly decisions: PanelState["decisions"];
  readonly cases: PanelState["cases"];
  readonly excluded: PanelState["counts"]["excluded"];
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
  const caller: Caller = { userId: actor.id, role: actor.role, inspectionRole: state.viewerInspectionRole };
  if (!can(caller, "panel.view")) throw new ForbiddenError();
  const signOff = state.signOff;
  const { final, provisional } = rateState(state);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([final, provisional, state.decisions, state.cases, signOff?.id ?? null, state.inspection.status]))
    .digest("base64url")
    .slice(0, 22);
  return {
    inspection: state.inspection,
    frameworkVersion: state.framework.version,
    final,
    provisional,
    decisions: state.decisions,
    cases: state.cases,
    excluded: state.counts.excluded,
    signOff,
    signOffBlockers: signOff ? [] : signOffBlockers(state, final),
    rights: { decide: can(caller, "panel.decide"), recordEvidence: can(caller, "evidence.record"), export: can(caller, "ratings.export") },
    fingerprint,
  };
}
