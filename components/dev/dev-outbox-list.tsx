import type { DevDeliveryView } from "@/lib/channels/dev/list-dev-deliveries.ts";
import { formatDayTime } from "@/lib/format/dates.ts";
import { DevReplyForm } from "./dev-reply-form.tsx";

/** Links in a text, clickable as a phone shows them. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <a key={index} href={part} target="_blank" rel="noreferrer" className="break-all text-blue-800 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function DevOutboxList({ deliveries, timeZone }: { deliveries: DevDeliveryView[]; timeZone: string }) {
  if (deliveries.length === 0) {
    return (
      <p className="mt-6 rounded-xl border border-dashed border-slate-400 p-6 text-center text-base text-slate-700">
        Nothing yet. Open a job for a homeowner who chose text or email, or move one along, and it shows here.
      </p>
    );
  }
  return (
    <ol className="mt-4 flex flex-col gap-4" aria-label="Sent texts and emails">
      {deliveries.map((delivery) => (
        <li key={delivery.id} className="rounded-xl border border-slate-300 bg-white p-4" data-testid="dev-delivery">
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{delivery.channel === "SMS" ? "Text" : "Email"}</span> to{" "}
            {delivery.to}
            {delivery.jobNumber !== null && <> · job #{delivery.jobNumber}</>} ·{" "}
            {formatDayTime(delivery.createdAt, timeZone)}
          </p>
          {delivery.channel === "SMS" ? (
            <p className="mt-2 max-w-sm rounded-2xl bg-slate-200 px-3 py-2 text-base whitespace-pre-wrap text-slate-900">
              <Linked text={delivery.text} />
            </p>
          ) : (
            <>
              <p className="mt-1 text-base font-semibold text-slate-900">{delivery.subject}</p>
              {delivery.hasHtml && (
                <iframe
                  src={`/dev/outbox/${delivery.id}/email`}
                  title={`Email: ${delivery.subject ?? "no subject"}`}
                  sandbox=""
                  className="mt-2 h-96 w-full rounded-lg border border-slate-200"
                />
              )}
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-blue-800 underline">Plain-text version</summary>
                <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">
                  <Linked text={delivery.text} />
                </p>
              </details>
            </>
          )}
          {(delivery.channel === "SMS" || delivery.replyTo) && (
            <DevReplyForm id={delivery.id} channel={delivery.channel} />
          )}
        </li>
      ))}
    </ol>
  );
}
