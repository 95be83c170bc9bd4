// Why a part shown on demand (on-demand.tsx) is not on the page: its script could not be fetched (no
// connection, and not kept on this device), or the part failed as it was drawn (a fault in Case
// Review). The two need different advice, and only the first is cured by a connection.

/** The part's script could not be fetched. */
export class PartNotLoaded extends Error {
  constructor(cause: unknown) {
    super("The part's script could not be fetched", { cause });
    this.name = "PartNotLoaded";
  }
}

/** `load` (a part's dynamic import), its failure made a PartNotLoaded. */
export function loadingPart<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((cause: unknown) => {
      throw new PartNotLoaded(cause);
    });
}

/** What the page says in the part's place; `what` names the part ("the keyboard shortcuts"). */
export function partFailureMessage(what: string, error: unknown): string {
  const part = `${what[0]!.toUpperCase()}${what.slice(1)}`;
  return error instanceof PartNotLoaded
    ? `${part} could not be loaded. Reload the page when you have a connection.`
    : `${part} could not be shown: a fault in Case Review. The rest of the page works; reload it to try again.`;
}
