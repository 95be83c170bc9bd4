import type { Metadata } from "next";
import { ChangeUserForm, CreateUserForm, ResetPasswordForm } from "@/components/admin/user-forms";
import { PageHeading } from "@/components/ui/notice";
import { requireRole } from "@/lib/auth/session";
import { GLOBAL_ROLE_LABELS } from "@/lib/permissions/table";
import { listUsers } from "@/lib/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireRole(["admin"], "/admin/users");
  const users = await listUsers(actor);
  return (
    <>
      <PageHeading caption="Administration">Users and roles</PageHeading>
      <div className="mb-10 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-xl font-bold">{users.length} users</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Email</th>
              <th scope="col" className="py-2 pr-4">Role and status</th>
              <th scope="col" className="py-2 pr-4">Password</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-line align-top">
                <td className="py-3 pr-4">
                  {user.name}
                  <span className="block text-sm text-muted">
                    {GLOBAL_ROLE_LABELS[user.role]}
                    {user.active ? "" : " · disabled"}
                  </span>
                </td>
                <td className="py-3 pr-4">{user.email}</td>
                <td className="py-3 pr-4">
                  <ChangeUserForm user={user} />
                </td>
                <td className="py-3 pr-4">
                  <ResetPasswordForm user={user} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-4 text-2xl font-bold">Create a user</h2>
      <CreateUserForm />
    </>
  );
}
