// The browser's side of our HTTP doors: one place that turns a failed call
// into a sentence a person can act on.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: string };

export async function callApi<T>(url: string, init: { method: string; body?: unknown }): Promise<ApiResult<T>> {
  const response = await fetch(url, {
    method: init.method,
    cache: "no-store",
    ...(init.body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(init.body) }),
  }).catch(() => null);
  if (!response) return { ok: false, problem: "No connection right now. Try again in a moment." };
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { message: string } } | null;
  if (!response.ok || body?.data === undefined)
    return { ok: false, problem: body?.error?.message ?? "That didn't work. Try again." };
  return { ok: true, data: body.data };
}
