import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiTokenForm, RevokeApiTokenForm } from "@/components/admin/api-token-forms";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { listApiTokens } from "@/lib/api-tokens";
import { requireRole } from "@/lib/auth/session";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/admin/api-tokens/actions";

export const metadata: Metadata = { title: "API tokens" };

const when = (date: Date) =>
  date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

export default async function ApiTokensPage() {
  const actor = await requireRole(["admin"], "/admin/api-tokens");
  const tokens = await listApiTokens(actor);
  return (
    <>
      <PageHeading caption="Administration">API tokens</PageHeading>
      <p className="mb-6 max-w-3xl">
        A token lets a script or spreadsheet use the rating service (<code>POST /api/rate</code>, described at{" "}
        <Link href="/api/openapi.json">/api/openapi.json</Link>) without signing in. It gives access to nothing else. Only a fingerprint of
        each token is kept, so a lost token cannot be shown again: revoke it and create another.
      </p>
      <Table
        caption={`${tokens.length} tokens`}
        className="mb-10"
        rows={tokens}
        columns={[
          {
            header: "Name",
            cell: (token) => (
              <>
                {token.name}
                <span className="block font-mono text-sm text-muted">{token.prefix}…</span>
              </>
            ),
          },
          {
            header: "Created",
            cell: (token) => (
              <>
                {when(token.createdAt)}
                <span className="block text-sm text-muted">by {token.createdBy}</span>
              </>
            ),
          },
          { header: "Last used", cell: (token) => (token.lastUsedAt ? when(token.lastUsedAt) : "Never") },
          {
            header: "Status",
            cell: (token) => (token.revokedAt ? `Revoked ${when(token.revokedAt)}` : <RevokeApiTokenForm revokeApiTokenAction={revokeApiTokenAction} token={token} />),
          },
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">Create a token</h2>
      <CreateApiTokenForm createApiTokenAction={createApiTokenAction} />
    </>
  );
}
