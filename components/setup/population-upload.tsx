"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import type { PopulationImportResult } from "@/lib/population/import";

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "processing" }
  | { phase: "done"; result: PopulationImportResult; fileName: string }
  | { phase: "failed"; message: string };

const MAX_BYTES = 5 * 1024 * 1024;

/** Uploads the CSV with a progress bar, then shows the import's outcome or its row-level report. */
export function PopulationUpload({ inspectionId }: { inspectionId: string }) {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const busy = state.phase === "uploading" || state.phase === "processing";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setState({ phase: "failed", message: "Choose a CSV file to upload" });
    if (file.size > MAX_BYTES) {
      return setState({ phase: "failed", message: "The file is larger than 5 MB. A population list should be well under that; check it is the right file. Nothing was imported." });
    }
    const request = new XMLHttpRequest();
    request.open("POST", `/inspections/${inspectionId}/setup/population/import`);
    request.setRequestHeader("Content-Type", "text/csv");
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setState({ phase: "uploading", percent: Math.round((progress.loaded / progress.total) * 100) });
    };
    request.upload.onload = () => setState({ phase: "processing" });
    request.onerror = () => setState({ phase: "failed", message: "The upload did not reach the server. Check your connection and try again." });
    request.onload = () => {
      const body = request.response as (PopulationImportResult & { error?: undefined }) | { error: { message: string } } | null;
      if (body && "error" in body && body.error) return setState({ phase: "failed", message: body.error.message });
      if (!body || !("status" in body)) return setState({ phase: "failed", message: "Something went wrong on the server. Nothing was imported; try again." });
      setState({ phase: "done", result: body, fileName: file.name });
      if (body.status !== "invalid") router.refresh();
    };
    setState({ phase: "uploading", percent: 0 });
    request.send(file);
  };

  const result = state.phase === "done" ? state.result : null;
  const fileProblem = state.phase === "failed" ? state.message : result?.status === "invalid" ? result.fileError : null;

  return (
    <div>
      {fileProblem ? <ErrorSummary title="The file was not imported" errors={[{ field: "population-file", message: fileProblem }]} /> : null}
      {result?.status === "invalid" && !result.fileError ? (
        <ErrorSummary
          title="The file was not imported"
          errors={[{ field: "row-report", message: `${result.errors.length + result.omittedErrorCount} problems were found. Nothing was written: fix them in the file and upload it again.` }]}
        />
      ) : null}
      {result && result.status !== "invalid" ? <StatusNotice>{result.message}</StatusNotice> : null}

      <form method="post" onSubmit={submit} noValidate className="mb-6 max-w-xl">
        <FieldShell
          id="population-file"
          label="Eligible population CSV file"
          hint="Up to 5 MB. Pseudonymous references only — never a child's name."
          error={fileProblem ?? undefined}
        >
          <input
            ref={fileInput}
            id="population-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="population-file-hint"
            className="mt-1 block max-w-full"
            disabled={busy}
          />
        </FieldShell>
        <Button disabled={busy}>Check and import</Button>
      </form>

      <div role="status" aria-live="polite" className="mb-6">
        {state.phase === "uploading" ? (
          <label className="block">
            Uploading the file: {state.percent}%
            <progress max={100} value={state.percent} className="mt-1 block w-full max-w-xl" />
          </label>
        ) : null}
        {state.phase === "processing" ? (
          <label className="block">
            Checking every row and importing…
            <progress className="mt-1 block w-full max-w-xl" />
          </label>
        ) : null}
      </div>

      {result?.status === "invalid" && result.errors.length > 0 ? (
        <div id="row-report" tabIndex={-1}>
          <Table
            caption={`Problems in ${state.phase === "done" ? state.fileName : "the file"}: nothing was imported`}
            className="mb-4"
            rows={result.errors.map((error, index) => ({ ...error, key: `${error.row}-${error.column ?? ""}-${index}` }))}
            rowKey={(error) => error.key}
            columns={[
              { header: "Row", numeric: true, cell: (error) => error.row },
              { header: "Column", cell: (error) => error.column ?? "Whole row" },
              { header: "Problem", cell: (error) => error.message },
            ]}
          />
          {result.omittedErrorCount > 0 ? <p className="mb-6">…and {result.omittedErrorCount} more problems not listed.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
