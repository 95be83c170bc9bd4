"use client";

// The keyboard shortcuts' table and the switch for the single-key ones, shown when "Keyboard
// shortcuts" is opened on the case page (shortcuts.tsx).

export function ShortcutsTable({ enabled, onToggle }: { enabled: boolean; onToggle: (on: boolean) => void }) {
  return (
    <>
      <p className="mt-2">While a key question&apos;s yes / no answer has focus (not on a prompt, a text box or any other field):</p>
      <table className="mt-2 border-collapse text-left">
        <caption className="sr-only">Keyboard shortcuts for key questions</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-1 pr-6">Key</th>
            <th scope="col" className="py-1">What it does</th>
          </tr>
        </thead>
        <tbody>
          {[
            ["Y", "Answer yes"],
            ["N", "Answer no"],
            ["A", "Answer not applicable (where allowed)"],
            ["J or Alt + ↓", "Next key question"],
            ["K or Alt + ↑", "Previous key question"],
            ["Tab / Shift + Tab", "Next / previous field (rationale, prompts, buttons)"],
            ["← → ↑ ↓", "Move between yes, no and not applicable"],
          ].map(([key, what]) => (
            <tr key={key} className="border-b border-line">
              <td className="py-1 pr-6">
                <kbd className="font-mono">{key}</kbd>
              </td>
              <td className="py-1">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex items-center gap-2">
        <input id="single-key-shortcuts" type="checkbox" checked={enabled} onChange={(e) => onToggle(e.target.checked)} className="h-6 w-6" />
        <label htmlFor="single-key-shortcuts">Use single-key shortcuts (Y, N, A, J, K)</label>
      </div>
    </>
  );
}
