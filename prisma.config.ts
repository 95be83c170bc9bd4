import { defineConfig } from "prisma/config";

// Migrations are SQL files applied by dbmate (scripts/migrate.ts); Prisma here only generates the
// typed client, which needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
