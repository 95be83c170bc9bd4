import type { ReactNode } from "react";

/** A status message announced politely to screen readers (success, information). */
export function StatusNotice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" }) {
  return (
    <div role="status" className={`mb-4 border-l-8 p-3 ${tone === "success" ? "border-success bg-[#e5f1eb]" : "border-link bg-[#e8f1f8]"}`}>
      {children}
    </div>
  );
}

export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="mb-6">
      {caption ? <p className="text-muted text-lg">{caption}</p> : null}
      <h1 className="text-3xl font-bold">{children}</h1>
    </div>
  );
}
