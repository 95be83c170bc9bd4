// The benchmark's datasets, inserted with set-based SQL so seeding takes seconds (users are shared
// between calls):
// `inspections` inspections (yjs-2021) × `casesPerInspection` cases (half court, half out-of-court),
// every case completed with every key question answered (about 3 in 4 "yes").
import pg from "pg";
import { allKeyQuestions, getFramework } from "@/lib/framework";
import { hashPassword } from "@/lib/auth/password";

export const BENCH_PASSWORD = "bench-password-123";

export interface LargeDataset {
  managerEmail: string;
  inspectorEmails: string[];
  inspectionIds: string[];
  answerCount: number;
}

export async function seedLargeDataset(url: string, options: { inspections: number; casesPerInspection: number; inspectors: number; namePrefix: string }): Promise<LargeDataset> {
  const fw = getFramework("yjs-2021");
  const court = allKeyQuestions(fw).filter((k) => k.appliesTo.stream === "court").map((k) => k.id);
  const outOfCourt = allKeyQuestions(fw).filter((k) => k.appliesTo.stream === "out_of_court").map((k) => k.id);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const hash = await hashPassword(BENCH_PASSWORD);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO users (name, email, role, password_hash) VALUES ('Bench Manager', 'bench.manager@case-review.test', 'manager', $1)
       ON CONFLICT (email) DO NOTHING`,
      [hash],
    );
    await client.query(
      `INSERT INTO users (name, email, role, password_hash)
       SELECT 'Bench Inspector ' || i, 'bench.inspector.' || lpad(i::text, 3, '0') || '@case-review.test', 'inspector', $2
       FROM generate_series(1, $1::int) AS i ON CONFLICT (email) DO NOTHING`,
      [options.inspectors, hash],
    );
    const inspections = await client.query<{ id: string }>(
      `INSERT INTO inspections (yjs_name, framework_version, fieldwork_start, status)
       SELECT $2 || lpad(i::text, 4, '0'), 'yjs-2021', date '2026-01-05' + (i % 300), 'panel'
       FROM generate_series(1, $1::int) AS i RETURNING id`,
      [options.inspections, options.namePrefix],
    );
    const ids = inspections.rows.map((r) => r.id);
    // Every inspector is on every inspection (the worst case for membership look-ups).
    await client.query(
      `INSERT INTO memberships (inspection_id, user_id, role)
       SELECT i, u.id, 'inspector' FROM unnest($1::uuid[]) AS i CROSS JOIN users u WHERE u.role = 'inspector'`,
      [ids],
    );
    await client.query(
      `INSERT INTO cases (inspection_id, reference, stream, disposal_type, status, allocated_to, harm_factors, safety_wellbeing_factors)
       SELECT i.id, 'B-' || lpad(n::text, 4, '0'),
              CASE WHEN n % 2 = 0 THEN 'court'::stream ELSE 'out_of_court'::stream END,
              CASE WHEN n % 2 = 0 THEN 'referral_order' ELSE 'youth_caution' END,
              'completed',
              (SELECT id FROM users WHERE role = 'inspector' ORDER BY email OFFSET (n % $2::int) LIMIT 1),
              true, true
       FROM unnest($3::uuid[]) AS i(id) CROSS JOIN generate_series(1, $1::int) AS n`,
      [options.casesPerInspection, options.inspectors, ids],
    );
    const answers = await client.query(
      `INSERT INTO answers (case_id, question_id, value, rationale, updated_by)
       SELECT c.id, q.id,
              CASE WHEN random() < 0.75 THEN 'yes'::answer_value ELSE 'no'::answer_value END,
              'Benchmark rationale: the record shows the work and its analysis.', c.allocated_to
       FROM cases c
       JOIN unnest($3::uuid[]) AS i(id) ON c.inspection_id = i.id
       JOIN LATERAL unnest(CASE WHEN c.stream = 'court' THEN $1::text[] ELSE $2::text[] END) AS q(id) ON true`,
      [court, outOfCourt, ids],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const inspectorEmails = (await client.query<{ email: string }>(`SELECT email FROM users WHERE role = 'inspector' ORDER BY email`)).rows.map((r) => r.email);
    return {
      managerEmail: "bench.manager@case-review.test",
      inspectorEmails,
      inspectionIds: ids,
      answerCount: answers.rowCount ?? 0,
    };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}
