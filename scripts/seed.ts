// `npm run db:seed`: loads the demo data into DATABASE_URL, only when it has no users.
import { closeDatabase, db } from "@/lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "./demo-data";

async function main() {
  if ((await db.user.count()) > 0) {
    console.log("The database already has users: demo data not loaded.");
    return;
  }
  await seedDemoData(db);
  console.log(`Demo data loaded. Sign in as any of ${DEMO_USERS.map((u) => u.email).join(", ")} with password ${DEMO_PASSWORD}.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
