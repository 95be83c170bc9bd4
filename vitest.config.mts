import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

// Modules that read the database or hold secrets begin with `import "server-only"`, which throws
// unless resolved under React's "react-server" condition (as Next does for server code). Tests run
// those modules on the server side, so they get the marker's empty module; the rest of React keeps
// its ordinary build, which a global "react-server" condition would replace.
const alias = { "@": root, "server-only": path.join(root, "node_modules", "server-only", "empty.js") };

// Two projects: unit tests are pure and run anywhere; integration tests (*.int.test.ts) get a real
// PostgreSQL started once per run by scripts/test-database.ts.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Property tests are CPU-bound: 5 s of wall clock is not enough on a busy two-core machine.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "scripts/**/*.int.test.ts", "app/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["scripts/test-database.ts"],
          setupFiles: ["scripts/test-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
