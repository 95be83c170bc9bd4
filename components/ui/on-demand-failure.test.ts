import { describe, expect, it } from "vitest";
import { loadingPart, PartNotLoaded, partFailureMessage } from "./on-demand-failure";

describe("a part shown on demand that is not on the page", () => {
  it("says to reload with a connection when its script could not be fetched", async () => {
    const fetchFailed = new TypeError("Failed to fetch dynamically imported module");
    const error = await loadingPart(() => Promise.reject(fetchFailed))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartNotLoaded);
    expect((error as PartNotLoaded).cause).toBe(fetchFailed);
    expect(partFailureMessage("the keyboard shortcuts", error)).toBe("The keyboard shortcuts could not be loaded. Reload the page when you have a connection.");
  });

  it("blames a fault in Case Review, not the connection, when the part failed as it was drawn", () => {
    const message = partFailureMessage("the comments on key question 2.1.1", new TypeError("Cannot read properties of undefined"));
    expect(message).toBe("The comments on key question 2.1.1 could not be shown: a fault in Case Review. The rest of the page works; reload it to try again.");
    expect(message).not.toMatch(/connection/);
  });

  it("passes a loaded part on as it is", async () => {
    const part = { default: () => null };
    await expect(loadingPart(() => Promise.resolve(part))()).resolves.toBe(part);
  });
});
