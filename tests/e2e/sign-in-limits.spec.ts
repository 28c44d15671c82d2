// Sign-in limits on the running server (production build, as npm start serves
// it): a flood is refused beyond what the node hashes at once while a static
// file and a page still answer; a stranger's guesses lock out only the
// stranger's address. Asserts what happened, never how long it took.
import { request as httpRequest } from "node:http";
import { signInErrorMessage } from "../../lib/auth/sign-in-errors.ts";
import { baseURL, newPerson, signIn } from "./helpers.ts";
import { expect, test } from "./test.ts";

const FLOOD = 60;

test("a sign-in flood is refused beyond its share while files and pages keep answering", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: baseURL() });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const page = await api.get("/signin");
  const staticFile = (await page.text()).match(/\/_next\/static\/[^"']+\.(?:css|js)/)?.[0];
  expect(staticFile).toBeTruthy();

  // An address the server has never seen an account for: the dummy hash runs all the same.
  const attempt = (i: number) =>
    api.post("/api/auth/callback/credentials", {
      form: { email: "flood@nowhere.test", password: `guess ${i}`, csrfToken, json: "true" },
    });
  const flood = Array.from({ length: FLOOD }, (_, i) => attempt(i));
  const [file, signInPage, health] = await Promise.all([
    api.get(staticFile as string),
    api.get("/signin"),
    api.get("/api/health"),
  ]);
  const answers = await Promise.all(flood);

  expect(file.status()).toBe(200);
  expect(signInPage.status()).toBe(200);
  expect(await signInPage.text()).toContain("Sign in to Trio");
  expect(health.status()).toBe(200);

  const errors = await Promise.all(
    answers.map(async (answer) => new URL((await answer.json()).url).searchParams.get("error")),
  );
  const refused = errors.filter((error) => /^(busy|account):\d+$/.test(error ?? ""));
  const checked = errors.filter((error) => error === "CredentialsSignin");
  expect(refused.length + checked.length).toBe(FLOOD);
  expect(refused.length).toBeGreaterThan(0);
  expect(checked.length).toBeGreaterThan(0);
  expect(checked.length).toBeLessThanOrEqual(10);
  expect(refused.map((code) => signInErrorMessage(code))).toContain(
    "Too many sign-in attempts right now. Try again in 1 s.",
  );
  await api.dispose();
});

/** A plain form post to /api/sign-in from another loopback address: another client, as the server sees it. */
function postFrom(localAddress: string, fields: Record<string, string>): Promise<string | undefined> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      `${baseURL()}/api/sign-in`,
      {
        method: "POST",
        localAddress,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL() },
      },
      (response) => {
        response.resume();
        resolve(response.headers.location);
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}

test("a stranger's guesses lock out the stranger's address, not the owner", async ({ browser }) => {
  const owner = "dispatcher@northwind.test";
  for (let guess = 0; guess < 10; guess++) {
    expect(await postFrom("127.0.0.2", { email: owner, password: `guess ${guess}` })).toBe("/signin?error=credentials");
  }
  expect(await postFrom("127.0.0.2", { email: owner, password: "trio-demo" })).toMatch(
    /^\/signin\?error=account%3A\d+$/,
  );
  // The owner, from their own address (the browser's), signs in as usual.
  const { page } = await newPerson(browser);
  await signIn(page, owner);
});
