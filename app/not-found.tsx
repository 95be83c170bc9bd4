import { PageHeading } from "@/components/ui/notice";

export default function NotFound() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <a href="/">Go to your home page</a>
    </>
  );
}
