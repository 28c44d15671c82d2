import { type BrowserContext, test as base } from "@playwright/test";

export * from "@playwright/test";

// Playwright closes only the contexts it makes itself; the people a test makes
// with newPerson would otherwise stay open, their pages live on the socket,
// for the rest of the run, and the browser grows busier with every spec.
const people = new Set<BrowserContext>();

export function keepTrackOf(context: BrowserContext) {
  people.add(context);
  context.on("close", () => people.delete(context));
}

/** Playwright's test, closing at its end the people it made (those made in a beforeAll live on). */
export const test = base.extend<{ closePeople: undefined }>({
  closePeople: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern
    async ({}, use) => {
      const before = new Set(people);
      await use(undefined);
      await Promise.all([...people].filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});
