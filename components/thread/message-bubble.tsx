import { type PhotoView, photoUrl } from "@/lib/attachments/photo-view.ts";
import { ROLE_LABEL } from "@/lib/auth/actor.ts";
import { formatClock, formatRelative } from "@/lib/format/dates.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";

type Props = { message: MessageView; mine: boolean; timeZone: string; now: number };

export function MessageBubble({ message, mine, timeZone, now }: Props) {
  if (message.kind === "STATUS" || message.kind === "SYSTEM") {
    const staffOnly = message.visibility === "STAFF";
    return (
      <li className="my-2 flex justify-center" data-seq={message.seq}>
        <p
          dir="auto"
          className={`max-w-[90%] rounded-2xl px-4 py-1 text-center text-sm break-words whitespace-pre-wrap ${
            staffOnly
              ? "border border-dashed border-amber-500 bg-amber-50 text-amber-950"
              : "bg-slate-200 text-slate-800"
          }`}
        >
          {staffOnly && <span className="mr-1 text-xs font-semibold uppercase">Staff only ·</span>}
          {message.body}{" "}
          <time className="text-slate-600" dateTime={message.createdAt}>
            · {formatClock(message.createdAt, timeZone)}
          </time>
        </p>
      </li>
    );
  }
  const note = message.visibility === "STAFF";
  const who = message.author ? `${message.author.name} · ${ROLE_LABEL[message.author.role]}` : "Trio";
  const photo = message.kind === "PHOTO" ? message.photo : undefined;
  return (
    <li className={`my-2 flex ${mine ? "justify-end" : "justify-start"}`} data-seq={message.seq}>
      <article
        className={`max-w-[85%] overflow-hidden rounded-2xl px-4 py-2 shadow-sm sm:max-w-[70%] ${
          note
            ? "border-2 border-dashed border-amber-500 bg-amber-50 text-amber-950"
            : mine
              ? "bg-blue-700 text-white"
              : "bg-white text-slate-900"
        }`}
        aria-label={`${photo ? (note ? "Staff-only photo" : "Photo") : note ? "Internal note" : "Message"} from ${who}`}
      >
        <header className={`mb-0.5 text-sm font-semibold ${mine && !note ? "text-blue-50" : "text-slate-700"}`}>
          {note && <span className="mr-1 rounded bg-amber-200 px-1.5 py-0.5 text-xs uppercase">Internal note</span>}
          <bdi>{who}</bdi>
        </header>
        {photo && (
          <InlinePhoto
            photo={photo}
            alt={`Photo from ${message.author ? `${message.author.name} (${ROLE_LABEL[message.author.role]})` : "Trio"}`}
          />
        )}
        {message.body && (
          <p dir="auto" className="text-base leading-snug break-words whitespace-pre-wrap">
            {message.body}
          </p>
        )}
        <footer className={`mt-1 text-xs ${mine && !note ? "text-blue-100" : "text-slate-600"}`}>
          <time dateTime={message.createdAt} title={new Date(message.createdAt).toLocaleString()}>
            {formatClock(message.createdAt, timeZone)} · {formatRelative(message.createdAt, now)}
          </time>
        </footer>
      </article>
    </li>
  );
}

/** A photo in the thread: its thumbnail, which opens the full picture in a new tab. */
function InlinePhoto({ photo, alt }: { photo: PhotoView; alt: string }) {
  return (
    <a
      href={photoUrl(photo.id)}
      target="_blank"
      rel="noopener"
      className="my-1 block max-w-full overflow-hidden rounded-xl focus-visible:outline-3 focus-visible:outline-offset-2"
    >
      {/* biome-ignore lint/performance/noImgElement: a private photo behind the session cookie, not an optimisable asset */}
      <img
        src={photoUrl(photo.id, "thumb")}
        alt={alt}
        width={photo.thumbWidth}
        height={photo.thumbHeight}
        loading="lazy"
        decoding="async"
        // Its size is known before it loads (width and height above), so the thread doesn't jump when it does.
        className="block h-auto max-w-full bg-slate-200"
      />
      <span className="sr-only"> (opens full size in a new tab)</span>
    </a>
  );
}
