import { getDb } from "@/lib/db.ts";
import { ok, requireActor, route } from "@/lib/http/route.ts";
import { turnOffHomeownerLink } from "@/lib/jobs/homeowner-links.ts";
import { linkRefSchema } from "@/lib/jobs/schemas.ts";
import { disconnectRoom } from "@/lib/realtime/broadcast.ts";
import { rooms } from "@/lib/realtime/events.ts";

export const dynamic = "force-dynamic";

/** Turns a homeowner link off; anyone still in through it is out at once, sockets included. */
export const DELETE = route<{ id: string; linkId: string }>(
  "DELETE /api/jobs/:id/links/:linkId",
  async (request, params) => {
    const actor = await requireActor(request);
    const link = await turnOffHomeownerLink(
      getDb(),
      actor,
      linkRefSchema.parse({ jobId: params.id, linkId: params.linkId }),
    );
    disconnectRoom(rooms.link(link.id));
    return ok(link);
  },
);
