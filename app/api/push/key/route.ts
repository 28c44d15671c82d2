import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { ok, route } from "@/lib/http/route.ts";
import { vapidKeysOf } from "@/lib/push/push-settings.ts";

export const dynamic = "force-dynamic";

// The VAPID public key a browser subscribes with (public by nature: it only
// lets push services check that pushes come from this server).
export const GET = route("GET /api/push/key", async () => {
  const keys = vapidKeysOf(env());
  if (!keys) throw new AppError("unavailable", "Notifications aren't set up on this Trio.");
  return ok({ publicKey: keys.publicKey });
});
