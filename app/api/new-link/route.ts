import { clientAddress } from "@/lib/auth/client-address.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { ok, readForm, readJson, route, seeOther } from "@/lib/http/route.ts";
import { newLinkInputSchema } from "@/lib/intake/schemas.ts";
import { sendNewLink } from "@/lib/intake/send-new-link.ts";

export const dynamic = "force-dynamic";

const MAX_BYTES = 4 * 1024;

/**
 * "Send me a new link". The answer is the same whether or not the contact
 * matched a job: the link goes only to the contact. Without script the form
 * posts itself and comes back to the page it was on, saying so.
 */
export const POST = route("POST /api/new-link", async (request) => {
  const form = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;
  const fields = form ? await readForm(request, MAX_BYTES, "the form") : null;
  const raw = fields
    ? { contact: fields.get("contact") ?? "", ...(fields.get("company") ? { company: fields.get("company") } : {}) }
    : await readJson(request, MAX_BYTES);
  const back = fields ? backTo(fields.get("back")) : null;
  try {
    await sendNewLink(getDb(), newLinkInputSchema.parse(raw), clientAddress(request.headers, env().TRUST_PROXY));
  } catch (error) {
    if (!back || !(error instanceof AppError || (error as Error).name === "ZodError")) throw error;
    back.searchParams.set(
      "newLink",
      error instanceof AppError && error.code === "rate_limited" ? "limited" : "invalid",
    );
    return seeOther(`${back.pathname}${back.search}#new-link`);
  }
  if (back) {
    back.searchParams.set("newLink", "sent");
    return seeOther(`${back.pathname}${back.search}#new-link`);
  }
  return ok({ sent: true }, 202);
});

/** The page the form was on (a hidden field): only our own link-problem and request pages. */
function backTo(path: string | null): URL {
  const url = new URL(path?.startsWith("/") && !path.startsWith("//") ? path : "/link-problem", "http://trio.invalid");
  const ours =
    url.origin === "http://trio.invalid" && (url.pathname === "/link-problem" || /^\/r\/[^/]+$/.test(url.pathname));
  url.searchParams.delete("newLink");
  return ours ? url : new URL("/link-problem", "http://trio.invalid");
}
