// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { migrate } from "./embedded-database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
migrate(url);
console.log("Migrations applied.");
