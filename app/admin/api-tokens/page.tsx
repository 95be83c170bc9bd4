import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiTokenForm, RevokeApiTokenForm } from "@/components/admin/api-token-forms";
import { PageHeading } from "@/components/ui/notice";
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
      <div className="mb-10 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-xl font-bold">{tokens.length} tokens</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Created</th>
              <th scope="col" className="py-2 pr-4">Last used</th>
              <th scope="col" className="py-2 pr-4">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-b border-line align-top">
                <td className="py-3 pr-4">
                  {token.name}
                  <span className="block font-mono text-sm text-muted">{token.prefix}…</span>
                </td>
                <td className="py-3 pr-4">
                  {when(token.createdAt)}
                  <span className="block text-sm text-muted">by {token.createdBy}</span>
                </td>
                <td className="py-3 pr-4">{token.lastUsedAt ? when(token.lastUsedAt) : "Never"}</td>
                <td className="py-3 pr-4">{token.revokedAt ? `Revoked ${when(token.revokedAt)}` : <RevokeApiTokenForm revokeApiTokenAction={revokeApiTokenAction} token={token} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-4 text-2xl font-bold">Create a token</h2>
      <CreateApiTokenForm createApiTokenAction={createApiTokenAction} />
    </>
  );
}
