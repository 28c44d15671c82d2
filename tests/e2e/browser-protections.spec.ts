import { baseURL, DESKTOP, homeownerLink, newPerson, PHONE, signIn } from "./helpers.ts";
import { expect, type Page, request, test } from "./test.ts";

/** Everything the page's Content-Security-Policy blocked, as the page itself heard it. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

function nonceOf(csp: string | undefined): string | undefined {
  return csp?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1];
}

test("every page carries a fresh nonce policy and the other protections, and runs without a violation", async ({
  browser,
}) => {
  const { page } = await newPerson(browser, DESKTOP);
  const violations = await watchViolations(page);
  const nonces = new Set<string>();
  const check = async (path: string) => {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    const nonce = nonceOf(headers["content-security-policy"]);
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce as string);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    });
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Next put this request's nonce on its own scripts.
    const scripts = await page.locator("script[nonce]").count();
    expect(scripts, path).toBeGreaterThan(0);
  };
  await check("/signin");
  await check("/link-problem?reason=expired&company=brightside");
  await check("/no-such-page");
  await signIn(page, "dispatcher@brightside.test");
  await check("/dispatch");
  await page.getByText("#1001").first().click();
  await expect(page.getByRole("list", { name: "Conversation" })).toBeVisible();
  expect(nonces.size).toBe(4);
  expect(await violations()).toEqual([]);
});

test("a script slipped into the page does not run; the page's own scripts do", async ({ browser }) => {
  const { page } = await newPerson(browser, PHONE);
  const violations = await watchViolations(page);
  await page.goto(homeownerLink());
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  // What injected markup would try: an inline handler, and a javascript: link someone clicks.
  // (Markup, not a created <script>: code the test runs through DevTools is trusted by the browser.)
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="data:," alt="" onerror="window.__injected = 'handler'">
      <a href="javascript:window.__injected = 'link'" id="injected-link">Click me</a>`;
    document.body.append(holder);
  });
  await page.locator("#injected-link").click();
  const directives = async () => (await violations()).map((line) => line.split(" ")[0]).sort();
  await expect.poll(directives).toEqual(["script-src-attr", "script-src-elem"]);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  // Hydrated and live: the composer works.
  await page.getByRole("textbox", { name: "Message" }).fill("Still works");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("list", { name: "Conversation" }).getByText("Still works")).toBeVisible();
});

test("staff pages refuse to be framed by another site", async ({ browser }) => {
  const { page } = await newPerson(browser, DESKTOP);
  await signIn(page, "dispatcher@brightside.test");
  const target = new URL("/dispatch", page.url()).href;
  // A page of another origin tries to frame the board, to trick clicks on it.
  await page.goto("about:blank");
  await page.setContent(
    `<iframe id="victim" src="${target}" width="800" height="600" onload="window.__loaded = true"></iframe>`,
  );
  await page.waitForFunction(() => (window as unknown as { __loaded?: boolean }).__loaded === true);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed?.url()).not.toBe(target);
  await expect(page.frameLocator("#victim").getByText("Live jobs")).toHaveCount(0);
});

test("next-auth's doors answer with a redirect or a clear error, never a 500, whatever the callback URL", async () => {
  const api = await request.newContext({ baseURL: baseURL(), maxRedirects: 0 });
  const origin = new URL(baseURL()).origin;
  const where = (location: string | undefined) => new URL(location ?? "", origin);
  for (const callback of ["javascript:alert(1)", `${origin}.evil.example/`, "//evil.example", "%"]) {
    const response = await api.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callback)}`);
    expect(response.status(), callback).toBe(302);
    const location = where(response.headers().location);
    expect(location.origin).toBe(origin);
    expect(location.pathname).toBe("/signin");
    // next-auth writes our safe path out in full: our own origin, never theirs.
    const safe = where(location.searchParams.get("callbackUrl") ?? undefined);
    expect(safe.origin).toBe(origin);
    if (callback !== "%") expect(safe.pathname).toBe("/");
  }
  const kept = await api.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(`${origin}/dispatch`)}`);
  const keptCallback = where(kept.headers().location).searchParams.get("callbackUrl") ?? undefined;
  expect(where(keptCallback).href).toBe(`${origin}/dispatch`);
  // A planted callback cookie of another site is replaced, not a 500 for that browser.
  const badCookie = await api.get("/api/auth/session", {
    headers: { cookie: "next-auth.callback-url=javascript%3Aalert(1)" },
  });
  expect(badCookie.status()).toBe(200);
  // Its own pages carry inline styles our CSP blocks: they lead to ours.
  for (const page of ["signout", "error?error=Configuration"]) {
    const response = await api.get(`/api/auth/${page}`);
    expect(response.status(), page).toBe(302);
    expect(where(response.headers().location).pathname).toBe("/signin");
  }
  // What Trio doesn't use is not there.
  for (const path of ["callback/credentials", "verify-request", "nope"]) {
    const response = await api.get(`/api/auth/${path}`);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "There is nothing here." } });
  }
  // An address that can't be percent-decoded is a bad request, not a bare 500.
  for (const path of ["/j/%E0%A4%A", "/jobs/%E0%A4%A", "/reset/%"]) {
    const response = await api.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: "That address is not valid." } });
  }
  await api.dispose();
});

test("a route's own header reaches the browser in place of the default; the dev outbox is off in production", async () => {
  const api = await request.newContext({ baseURL: baseURL() });
  // The homeowner link's redirect carries the token in its URL: no Referer may take it anywhere.
  const opened = await api.get(homeownerLink(), { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers()["referrer-policy"]).toBe("no-referrer");
  // Pages keep the default.
  expect((await api.get("/signin")).headers()["referrer-policy"]).toBe("same-origin");
  // Production without DEV_OUTBOX: no outbox page, to anyone.
  expect((await api.get("/dev/outbox")).status()).toBe(404);
  await api.dispose();
});
