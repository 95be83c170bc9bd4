import type { Metadata } from "next";
import Link from "next/link";
import { MarkSeenForm } from "@/components/notifications/mark-seen-form";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { listNotifications, type Notification } from "@/lib/notifications";
import { markNotificationsSeenAction } from "@/app/notifications/actions";

export const metadata: Metadata = { title: "Notifications" };

const when = (at: Date) => at.toLocaleString("en-GB", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

function quote(text: string | null): string {
  if (!text) return "";
  return ` “${text.length > 200 ? `${text.slice(0, 200)}…` : text}”`;
}

/** One line saying who did what to which case, in the words the users use. */
function describe(n: Notification): string {
  const on = n.questionId ? ` on ${n.questionId}` : "";
  switch (n.kind) {
    case "returned":
      return `${n.actorName} returned ${n.caseReference} to you${n.openComments ? ` with ${n.openComments} ${n.openComments === 1 ? "comment" : "comments"} to answer` : ""}.`;
    case "reopened":
      return `${n.actorName} reopened ${n.caseReference}.${n.text ? ` Reason:${quote(n.text)}` : ""}`;
    case "comment":
      return `${n.actorName} commented${on} in ${n.caseReference}:${quote(n.text)}`;
    case "follow_up":
      return `${n.actorName} followed up their comment${on} in ${n.caseReference}:${quote(n.text)}`;
    case "completed":
      return `${n.actorName} completed ${n.caseReference}.`;
    case "changed_after_completion":
      return `${n.actorName} changed ${n.caseReference} after completing it: it is back in progress.`;
    case "reply":
      return `${n.actorName} replied to your comment${on} in ${n.caseReference}:${quote(n.text)}`;
    case "moderation":
      return `${n.actorName} moderated ${n.caseReference} and asks you to review your answer${on}.`;
  }
}

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const items = await listNotifications(user);
  const unseen = items.filter((n) => n.unseen).length;
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      {items.length === 0 ? (
        <p>Nothing yet. Cases returned or reopened to you, comments waiting for your reply and, for the cases you lead, completions, changes after completion and replies appear here.</p>
      ) : (
        <>
          <p className="mb-4" role="status">
            {unseen === 0 ? "You have seen all of these." : `${unseen} new since you last marked them as seen.`}
          </p>
          {unseen > 0 && items[0] ? <MarkSeenForm markNotificationsSeenAction={markNotificationsSeenAction} upTo={items[0].id} /> : null}
          <ol className="max-w-3xl" aria-label="Notifications, newest first">
            {items.map((n) => (
              <li key={n.id} className={`border-b border-line py-3 ${n.unseen ? "border-l-4 border-l-link pl-3" : ""}`}>
                <p className="text-muted text-sm">
                  {n.unseen ? <strong className="mr-2 bg-link px-1.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">New</strong> : null}
                  {when(n.at)} · {n.inspectionName}
                  {n.awaitingReply ? <strong className="ml-2 bg-[#fcd6c3] px-1.5 py-0.5 text-xs font-bold tracking-wide text-[#6e3619] uppercase">Awaiting your reply</strong> : null}
                </p>
                <p className="mt-1 break-words">{describe(n)}</p>
                <p className="mt-1">
                  <Link href={n.href}>
                    {n.kind === "changed_after_completion" ? "See the changes" : "Open"} {n.caseReference}
                    {n.questionId ? ` at ${n.questionId}` : ""}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
