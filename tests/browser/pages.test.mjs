// parley's pages in headless Chromium, against a running `parley demo` (the bundled example
// articles). scripts/browser-tests.sh starts the server and runs this file with node's test
// runner; it gives PARLEY_URL (the demo's address), CHROMIUM (the browser binary) and
// ARTIFACTS (where screenshots go).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.PARLEY_URL ?? "http://127.0.0.1:8080";
const artifacts = process.env.ARTIFACTS ?? "browser-artifacts";
mkdirSync(artifacts, { recursive: true });

// The highlight colour of a targeted span (crates/serve/src/highlight.rs, target_css).
const LIT = "rgb(255, 213, 79)";

let browser;
let page;
// Errors the pages log (a CSP violation, a failed load): none are expected.
const consoleErrors = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // Containers and CI often run as root, where Chromium's sandbox cannot start.
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
});

after(async () => {
  await browser?.close();
});

async function shot(name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

test("the story page renders its timeline, and an entry leads to its span", async () => {
  await page.goto(`${base}/stories`);
  const story = page.locator("table.stories a").first();
  await Promise.all([page.waitForURL(/\/stories\/\d+$/), story.click()]);
  const rows = await page.locator("table.timeline tr").count();
  const headings = await page.locator("h2").allTextContents();
  await shot("story-timeline");
  assert.ok(rows > 1, `the timeline has ${rows - 1} entries`);
  assert.ok(headings.includes("Timeline"), `headings: ${headings}`);
  assert.ok(headings.includes("Parties' positions"), `headings: ${headings}`);
  const dates = (await page.locator("table.timeline tr td:first-child").allTextContents())
    .filter((d) => d !== "undated");
  assert.deepEqual(dates, [...dates].sort(), "timeline entries are in date order");

  const entry = page.locator("table.timeline a[href*='?span=']").first();
  await Promise.all([page.waitForURL((u) => u.hash === "#h1"), entry.click()]);
  const colours = await page.$$eval("mark.a-h1", (ms) => ms.map((m) => getComputedStyle(m).backgroundColor));
  const targeted = await page.evaluate(() => document.querySelector(":target")?.id ?? null);
  await shot("article-timeline-entry-targeted");
  assert.equal(targeted, "h1");
  assert.ok(colours.length > 0, "the followed span has no marks");
  for (const c of colours) assert.equal(c, LIT);
});

test("search returns the expected article", async () => {
  await page.goto(`${base}/search`);
  await page.fill("input[name=q]", "Ryabkov");
  await Promise.all([page.waitForURL(/\/search\?q=Ryabkov/), page.click("button[type=submit]")]);
  const titles = await page.locator("ol li > a").allTextContents();
  await shot("search-ryabkov");
  assert.ok(
    titles.some((t) => t.startsWith("Putin Regime Backstabs Putin")),
    `hits: ${JSON.stringify(titles)}`,
  );
  assert.ok(
    !titles.some((t) => t.startsWith("Upcoming Russia/US")),
    "the article that never names Ryabkov was found too",
  );
});

test("clicking a quote scrolls to and highlights its span in the article", async () => {
  await page.goto(`${base}/actors/sergei-ryabkov`);
  await shot("actor-ryabkov");
  const quote = page.locator("a.quote").first();
  const href = await quote.getAttribute("href");
  assert.match(href, /^\/articles\/[0-9a-f]+#q\d+$/);
  const fragment = href.split("#")[1];
  await Promise.all([page.waitForURL((u) => u.hash === `#${fragment}`), quote.click()]);
  await page.waitForLoadState("load");

  const state = await page.evaluate((id) => {
    const anchor = document.getElementById(id);
    const marks = [...document.querySelectorAll(`mark.a-${id}`)];
    const others = [...document.querySelectorAll("mark.quote")].filter(
      (m) => !m.classList.contains(`a-${id}`),
    );
    const first = marks[0]?.getBoundingClientRect();
    return {
      targeted: document.querySelector(":target")?.id ?? null,
      anchorIsRef: anchor?.classList.contains("ref") ?? false,
      spanText: marks.map((m) => m.textContent).join(""),
      litMarks: marks.filter((m) => getComputedStyle(m).backgroundColor).map(
        (m) => getComputedStyle(m).backgroundColor,
      ),
      otherColours: [...new Set(others.map((m) => getComputedStyle(m).backgroundColor))],
      firstTop: first?.top ?? null,
      firstBottom: first?.bottom ?? null,
      viewport: window.innerHeight,
      scrolled: window.scrollY,
    };
  }, fragment);
  await shot("article-quote-targeted");

  assert.equal(state.targeted, fragment, "the URL fragment targets the quote's anchor");
  assert.ok(state.anchorIsRef);
  assert.ok(state.litMarks.length > 0, "the quote's span has no marks");
  for (const c of state.litMarks) assert.equal(c, LIT, "every segment of the span is lit");
  assert.ok(!state.otherColours.includes(LIT), `other quotes are lit too: ${state.otherColours}`);
  assert.ok(state.spanText.length > 10, `span text: ${state.spanText}`);
  assert.ok(
    state.firstTop >= 0 && state.firstBottom <= state.viewport,
    `the span is not in view: top ${state.firstTop}, bottom ${state.firstBottom}, viewport ${state.viewport}`,
  );
  assert.ok(state.scrolled > 0, "the page did not scroll");
});

test("clicking an event scrolls to and highlights its evidence", async () => {
  await page.goto(`${base}/events?actor=sergei-ryabkov`);
  const event = page.locator("a.event").first();
  const href = await event.getAttribute("href");
  const fragment = href.split("#")[1];
  assert.match(fragment, /^v\d+$/);
  await Promise.all([page.waitForURL((u) => u.hash === `#${fragment}`), event.click()]);
  const colours = await page.$$eval(`mark.a-${fragment}`, (ms) =>
    ms.map((m) => getComputedStyle(m).backgroundColor),
  );
  await shot("article-event-targeted");
  assert.ok(colours.length > 0);
  for (const c of colours) assert.equal(c, LIT);
});

test("the article index pages through every stored article", async () => {
  await page.goto(`${base}/?limit=1`);
  const first = await page.locator("ol li > a").first().textContent();
  await page.click("a[href*='offset=1']");
  const second = await page.locator("ol li > a").first().textContent();
  await shot("index-page-2");
  assert.notEqual(first, second);
});

test("no page logged an error", () => {
  assert.deepEqual(consoleErrors, []);
});
