import type { Metadata } from "next";
import Link from "next/link";
import { ChangeRoleForm, CreateUserForm, EnableUserForm, ResetPasswordForm } from "@/components/admin/user-forms";
import { PageHeading, StatusNotice } from "@/components/ui/notice";
import { inputClass } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { GLOBAL_ROLES, GLOBAL_ROLE_LABELS } from "@/lib/permissions/table";
import { listUsers, userSearchSchema } from "@/lib/users";
import { teamEffectOf, type TeamPlaces } from "@/lib/users/teams";
import { changeRoleAction, createUserAction, enableUserAction, resetPasswordAction } from "@/app/admin/users/actions";

export const metadata: Metadata = { title: "Users" };

/** "a", "a or b", "a, b or c". */
function alternatives(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** What each other role would do to this person's team places, for the role field's hint (roles with the same effect together). */
function roleChangeEffects(role: string, teams: TeamPlaces): string | null {
  const rolesByEffect = new Map<string, string[]>();
  for (const other of GLOBAL_ROLES.filter((r) => r !== role)) {
    const effect = teamEffectOf(other, teams, true);
    if (effect) rolesByEffect.set(effect, [...(rolesByEffect.get(effect) ?? []), GLOBAL_ROLE_LABELS[other].toLowerCase()]);
  }
  const lines = [...rolesByEffect].map(([effect, roles]) => `As ${alternatives(roles)}, ${effect.charAt(0).toLowerCase()}${effect.slice(1)}`);
  return lines.length > 0 ? lines.join(" ") : null;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole(["admin"], "/admin/users");
  const params = await searchParams;
  const search = userSearchSchema.parse(params.q);
  const users = await listUsers(actor, search);
  const disabled = typeof params.disabled === "string" ? users.find((u) => u.id === params.disabled && !u.active) : undefined;
  return (
    <>
      <PageHeading caption="Administration">Users and roles</PageHeading>
      {disabled ? <StatusNotice>{disabled.name}&rsquo;s account is disabled and their open sessions have ended.</StatusNotice> : null}
      <section aria-labelledby="create-user" className="mb-10">
        <h2 id="create-user" className="mb-4 text-2xl font-bold">
          Create a user
        </h2>
        <CreateUserForm createUserAction={createUserAction} />
      </section>
      <section aria-labelledby="users">
        <h2 id="users" className="mb-4 text-2xl font-bold">
          Users
        </h2>
        <form method="get" role="search" aria-label="Users" className="mb-6 flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1 basis-60">
            <label htmlFor="q" className="block font-semibold">
              Search by name or email
            </label>
            <input id="q" name="q" type="search" defaultValue={search} maxLength={100} className={inputClass} />
          </div>
          <button type="submit" className="bg-panel px-3 py-1.5 font-semibold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]">
            Search
          </button>
          {search ? (
            <Link href="/admin/users" className="text-link py-1.5 underline">
              Clear search
            </Link>
          ) : null}
        </form>
        <Table
          caption={`${users.length} user${users.length === 1 ? "" : "s"}${search ? ` matching “${search}”` : ""}`}
          stacked
          rows={users}
          columns={[
            {
              header: "Name and email",
              cell: (user) => (
                <>
                  {user.name}
                  <span className="block text-sm break-all text-muted">{user.email}</span>
                </>
              ),
            },
            { header: "Role", cell: (user) => <ChangeRoleForm changeRoleAction={changeRoleAction} user={user} effects={roleChangeEffects(user.role, user.teams)} /> },
            {
              header: "Account",
              cell: (user) =>
                user.active ? (
                  <>
                    <span className="block">Active</span>
                    {user.id === actor.id ? null : (
                      <Link href={`/admin/users/${user.id}/disable`} className="text-link underline">
                        Disable<span className="sr-only"> {user.name}</span>
                      </Link>
                    )}
                  </>
                ) : (
                  <>
                    <span className="block font-semibold">Disabled</span>
                    <EnableUserForm enableUserAction={enableUserAction} user={user} />
                  </>
                ),
            },
            {
              header: "Password",
              cell: (user) => (
                <>
                  {user.passwordIsTemporary ? <span className="mb-2 block text-sm">Temporary: they choose their own at next sign-in</span> : null}
                  <ResetPasswordForm resetPasswordAction={resetPasswordAction} user={user} />
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
