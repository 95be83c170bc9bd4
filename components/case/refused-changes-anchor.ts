// Where My cases lists the changes the server refused (refused-changes-panel.tsx), which the case
// page's save bar links to; apart from refused-changes.ts so that the case page's script gets only this.

/** The id of My cases' list of changes that could not be saved. */
export const REFUSED_CHANGES_ID = "changes-not-saved";
