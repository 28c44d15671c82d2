// Twilio reads the answer to an inbound text as TwiML: an empty <Response/>
// sends nothing back; a <Message> is texted to the sender.

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** The TwiML answer: a reply texted to the sender, or none. */
export function twimlResponse(reply: string | null = null): Response {
  const body = reply === null ? "<Response/>" : `<Response><Message>${escapeXml(reply)}</Message></Response>`;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>${body}`, {
    status: 200,
    headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" },
  });
}
