"use client";

import { clockTime } from "@/lib/dates";
import { valueInWords } from "@/lib/cases/value-in-words";
import { Button } from "@/components/ui/button";
import type { ConflictRecord } from "./idb";

// No silent overwrites: both values side by side, and the user chooses. "Keep my version" re-sends
// mine against the stored version; "Use the saved version" drops mine.

export function ConflictPanel({
  conflict,
  labelOf,
  onResolve,
  title,
}: {
  conflict: ConflictRecord;
  labelOf: (field: string) => string;
  onResolve: (choice: "mine" | "theirs") => void;
  title: string;
}) {
  const fields = Object.keys(conflict.mine).filter((f) => (conflict.mine[f] ?? null) !== (conflict.theirs.fields[f] ?? null));
  const who = conflict.theirs.updatedByName ?? "Someone else";
  const when = conflict.theirs.updatedAt ? clockTime(new Date(conflict.theirs.updatedAt)) : null;
  return (
    <div role="alert" className="my-3 border-4 border-error bg-white p-3">
      <h4 className="text-lg font-bold">{title}</h4>
      <p>
        {who} saved a different version{when ? ` at ${when}` : ""} while you were editing. Nothing has been overwritten: choose which version to keep.
      </p>
      <table className="mt-2 w-full border-collapse text-left">
        <caption className="sr-only">Your version and the saved version</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-1 pr-3">Field</th>
            <th scope="col" className="py-1 pr-3">Your version</th>
            <th scope="col" className="py-1 pr-3">Saved version</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className="border-b border-line align-top">
              <th scope="row" className="py-1 pr-3 font-normal">
                {labelOf(field)}
              </th>
              <td className="whitespace-pre-wrap py-1 pr-3">{valueInWords(field, conflict.mine[field])}</td>
              <td className="whitespace-pre-wrap py-1 pr-3">{valueInWords(field, conflict.theirs.fields[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="button" onClick={() => onResolve("mine")}>
          Keep my version
        </Button>
        <Button type="button" variant="secondary" onClick={() => onResolve("theirs")}>
          Use the saved version
        </Button>
      </div>
    </div>
  );
}
