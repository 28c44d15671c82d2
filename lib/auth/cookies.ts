export const HOMEOWNER_COOKIE = "trio.homeowner";
/** next-auth's session cookie; the __Secure- name is used when the site is served over https. */
export const STAFF_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export type CookieReader = { get(name: string): string | undefined };

/** Reads a raw `Cookie` header, as sockets and route handlers receive it. */
export function parseCookieHeader(header: string | null | undefined): CookieReader {
  const values = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      values.set(name, decodeURIComponent(raw));
    } catch {
      values.set(name, raw);
    }
  }
  return { get: (name) => values.get(name) };
}
