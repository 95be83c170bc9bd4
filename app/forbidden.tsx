import { PageHeading } from "@/components/ui/notice";

export default function Forbidden() {
  return (
    <>
      <PageHeading>You do not have access to this page</PageHeading>
      <p className="mb-4">Your account does not have the rights to see or change this. If you think it should, ask your lead inspector or an administrator.</p>
      <a href="/">Go to your home page</a>
    </>
  );
}
