// The court case page the case-page sections measure, and its inspection's ratings panel beside it:
// the first court case (by reference) allocated to the dataset's first inspector, whose session
// cookie opens both.
import pg from "pg";
import { BENCH_PASSWORD } from "./large-dataset";
import { signInOverHttp } from "./http-session";
import type { BenchContext } from "./section";

export interface MeasuredPages {
  caseUrl: string;
  panelUrl: string;
  /** The Cookie header of the case's inspector, signed in. */
  cookie: string;
}

export async function courtCasePage({ databaseUrl, large, app }: BenchContext): Promise<MeasuredPages> {
  const email = large.inspectorEmails[0]!;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const kase = await client
    .query<{ id: string; inspection_id: string }>(
      "SELECT c.id, c.inspection_id FROM cases c JOIN users u ON u.id = c.allocated_to WHERE u.email = $1 AND c.stream = 'court' ORDER BY c.reference LIMIT 1",
      [email],
    )
    .finally(() => client.end());
  const { id: caseId, inspection_id: inspectionId } = kase.rows[0]!;
  return {
    caseUrl: `${app.baseUrl}/inspections/${inspectionId}/cases/${caseId}`,
    panelUrl: `${app.baseUrl}/inspections/${inspectionId}/panel`,
    cookie: await signInOverHttp(app.baseUrl, email, BENCH_PASSWORD),
  };
}

/** The Cookie header `courtCasePage` gives, as the cookies Playwright adds to a browser context for `url`. */
export function sessionCookies(cookie: string, url: string): { name: string; value: string; url: string }[] {
  return cookie.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
}
