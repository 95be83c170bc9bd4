import { casesPath } from "./offline-cache-names";

// The service worker that answers My cases and the case pages without a connection (sw.js route),
// registered for the inspection's cases path.

/** Registers the worker (it activates at once: sw.js skips waiting). */
export async function registerCasesWorker(inspectionId: string): Promise<ServiceWorkerRegistration> {
  const scope = casesPath(inspectionId);
  const registration = await navigator.serviceWorker.register(`${scope}/sw.js`, { scope });
  // Earlier releases registered it for the case pages only (`…/cases/`): that registration would go
  // on answering them beside this one, and would never answer My cases.
  for (const old of await navigator.serviceWorker.getRegistrations()) {
    if (new URL(old.scope).pathname === `${scope}/`) await old.unregister();
  }
  return registration;
}

/** Registers the worker and resolves once it is active. */
export async function activeCasesWorker(inspectionId: string): Promise<void> {
  const registration = await registerCasesWorker(inspectionId);
  if (registration.active) return;
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
      if (worker.state === "redundant") reject(new Error("The offline helper could not be installed."));
    });
  });
}
