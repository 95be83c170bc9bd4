// POST /api/rate: the rating contract over HTTP (../shared/framework/rating-contract.md) for tools
// and spreadsheets that check figures. Same input and output as the CLI; bad input is a 400 with
// the contract's error document. Signed-in users only; the body is capped while it streams in.

import { routeHandler } from "@/lib/http/route-handler";
import { rateJsonText } from "@/lib/rating";

export const POST = routeHandler(
  { signedOutMessage: "Sign in to use the rating service.", body: { text: 64 * 1024 } },
  async ({ body }) => {
    const outcome = rateJsonText(body);
    return outcome.ok ? Response.json(outcome.result) : Response.json(outcome.error, { status: 400 });
  },
);
