import { type PhotoView, photoSelect, toPhotoView } from "../attachments/photo-view.ts";
import type { MessageKind, ParticipantRole, Visibility } from "../generated/prisma/enums.ts";

/** A message on the wire: the contract of `message:created` (design.md). */
export type MessageView = {
  id: string;
  jobId: string;
  seq: number;
  clientId: string;
  kind: MessageKind;
  visibility: Visibility;
  body: string;
  author: { role: ParticipantRole; name: string } | null;
  createdAt: string;
  /** PHOTO messages only: the picture (body is its caption, maybe empty). */
  photo?: PhotoView;
};

export const messageSelect = {
  id: true,
  jobId: true,
  seq: true,
  clientId: true,
  kind: true,
  visibility: true,
  body: true,
  createdAt: true,
  author: { select: { role: true, name: true } },
  attachment: { select: photoSelect },
} as const;

type MessageRow = Omit<MessageView, "createdAt" | "photo"> & { createdAt: Date; attachment?: PhotoView | null };

export function toMessageView(row: MessageRow): MessageView {
  // Field by field: rows may carry more than the wire may show.
  return {
    id: row.id,
    jobId: row.jobId,
    seq: row.seq,
    clientId: row.clientId,
    kind: row.kind,
    visibility: row.visibility,
    body: row.body,
    author: row.author ? { role: row.author.role, name: row.author.name } : null,
    createdAt: row.createdAt.toISOString(),
    ...(row.attachment ? { photo: toPhotoView(row.attachment) } : {}),
  };
}
