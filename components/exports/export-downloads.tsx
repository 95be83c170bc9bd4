"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Downloads an export in the page: the file is fetched (so the page can show that it is being
// prepared and how much has arrived), then saved under the server's file name. Other users are
// never blocked: the server streams each file as it is produced.

interface ExportLink {
  name: string;
  label: string;
  description: string;
}

type Progress = { state: "idle" } | { state: "pending"; received: number } | { state: "done"; filename: string } | { state: "failed"; message: string };

function filenameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

function ExportButton({ baseUrl, file }: { baseUrl: string; file: ExportLink }) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const download = async () => {
    setProgress({ state: "pending", received: 0 });
    try {
      const response = await fetch(`${baseUrl}/${file.name}`, { cache: "no-store" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setProgress({ state: "failed", message: body?.error?.message ?? `The export failed (${response.status}).` });
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.byteLength;
        setProgress({ state: "pending", received });
      }
      const filename = filenameOf(response, file.name);
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "application/octet-stream" }));
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = filename;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ state: "done", filename });
    } catch {
      setProgress({ state: "failed", message: "The export could not be downloaded. Check your connection and try again." });
    }
  };
  return (
    <li className="mb-4 border-l-4 border-line pl-3">
      <p className="font-semibold">{file.label}</p>
      <p className="text-muted mb-2 text-sm">{file.description}</p>
      <Button type="button" variant="secondary" onClick={download} disabled={progress.state === "pending"}>
        {progress.state === "pending" ? "Preparing…" : "Download"}
        <span className="sr-only"> {file.label}</span>
      </Button>
      <span role="status" className={`ml-3 text-sm ${progress.state === "failed" ? "font-semibold text-error" : ""}`}>
        {progress.state === "pending"
          ? `Preparing ${file.label}: ${Math.round(progress.received / 1024)} kB received`
          : progress.state === "done"
            ? `Downloaded ${progress.filename}`
            : progress.state === "failed"
              ? progress.message
              : ""}
      </span>
    </li>
  );
}

export function ExportDownloads({ baseUrl, files }: { baseUrl: string; files: readonly ExportLink[] }) {
  return (
    <ul className="max-w-3xl">
      {files.map((file) => (
        <ExportButton key={file.name} baseUrl={baseUrl} file={file} />
      ))}
    </ul>
  );
}
