/**
 * Browser tests: the built UI in Debian's chromium (playwright-core), end to end against the real server.
 * Chromium must be installed (`apt-get install chromium`, done by .ci/run); without it these tests fail.
 * Screenshots of every page are kept in test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.js";
import { Store } from "../src/store/store.js";

const CHROMIUM = process.env.SMSI_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = new URL("..", import.meta.url).pathname;
const ARTIFACTS = join(ROOT, "test-artifacts");

let dir: string;
let store: Store;
let app: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `chromium not found at ${CHROMIUM}: install it (apt-get install chromium, as .ci/run does) or set SMSI_CHROMIUM`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  await build({ configFile: join(ROOT, "web/vite.config.ts"), logLevel: "warn" });
  dir = mkdtempSync(join(tmpdir(), "smsi-web-"));
  process.env.SMSI_DATA_DIR = dir;
  store = Store.open(dir);
  app = await buildApp({ store });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${base}/#/${path}`);
  return { page, errors };
}

/** Fraction of the element's pixels that differ from its background (white). */
async function drawnFraction(page: Page, selector: string): Promise<number> {
  const png = (await page.locator(selector).screenshot()).toString("base64");
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) coloured++;
    return coloured / (px.length / 4);
  }, png);
}

describe("browser", { timeout: 180_000 }, () => {
  it("predict: fill the form, see the class and its rationale", async () => {
    const { page, errors } = await open("predict");
    await page.waitForSelector("select[name=metal] option[value=Ru]", { state: "attached" });
    await page.selectOption("select[name=metal]", "Ru");
    await page.selectOption("select[name=support]", "TiO2-rutile");
    await page.selectOption("select[name=gas]", "O2");
    await page.fill("input[name=temperature]", "450C");
    await page.fill("input[name=pO2]", "1bar");
    await page.keyboard.press("Enter");
    const cls = page.getByTestId("predicted-class");
    await cls.waitFor();
    expect(await cls.textContent()).toBe("BP-SMSI");
    const rows = page.locator("table.rationale tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator("table.rationale").textContent()).toMatch(/interface gate/);
    await page.getByRole("button", { name: /Draw the class over temperature/ }).click();
    await page.getByTestId("condition-map").locator("svg").waitFor();
    expect(await page.getByTestId("condition-map").locator("rect").count()).toBeGreaterThan(100);
    await page.screenshot({ path: join(ARTIFACTS, "predict.png"), fullPage: true });

    // a bad temperature is shown with the field it concerns
    await page.fill("input[name=temperature]", "hot");
    await page.click("button[type=submit]");
    await page.locator(".error").waitFor();
    expect(await page.locator(".error").textContent()).toMatch(/^temperature: /);

    // an earlier 500 °C H2 reduction keeps Pt/TiO2 encapsulated in a 200 °C H2 step
    await page.selectOption("select[name=metal]", "Pt");
    await page.selectOption("select[name=support]", "TiO2-anatase");
    await page.selectOption("select[name=gas]", "H2");
    await page.fill("input[name=temperature]", "200C");
    await page.click("button[type=submit]");
    await page.waitForFunction(
      () => document.querySelector("[data-testid=predicted-class]")?.textContent === "none",
    );
    await page.selectOption("select[name=priorGas]", "H2");
    await page.fill("input[name=priorTemperature]", "500C");
    await page.click("button[type=submit]");
    await page.waitForFunction(
      () => document.querySelector("[data-testid=predicted-class]")?.textContent === "SE-SMSI",
    );
    expect(await page.locator("table.rationale").textContent()).toMatch(/prior treatment 1/);

    // a support without a bundled structure, typed by formula: predicted, its missing data listed
    await page.selectOption("select[name=priorGas]", "");
    await page.fill("input[name=temperature]", "500C");
    await page.fill("input[name=supportText]", "Nb2O5");
    await page.click("button[type=submit]");
    await page.waitForFunction(() => document.querySelector(".result h2")?.textContent?.includes("Pt/Nb2O5"));
    expect(await page.getByTestId("predicted-class").textContent()).toBe("SE-SMSI");
    expect(await page.getByTestId("missing").textContent()).toMatch(/wetting/);
    expect(errors.filter((e) => !/400/.test(e))).toEqual([]);
    await page.close();
  });

  it("interface: the 3-D canvas draws the gate's interface; exports are offered", async () => {
    const { page, errors } = await open("interface");
    await page.waitForSelector("select[name=metal] option[value=Ru]", { state: "attached" });
    await page.selectOption("select[name=metal]", "Ru");
    await page.selectOption("select[name=support]", "TiO2-rutile");
    await page.click("button[type=submit]");
    await page.locator("[data-testid=viewer] canvas").first().waitFor();
    await page.waitForFunction(
      () => (document.querySelector("[data-testid=viewer]") as HTMLElement)?.dataset.drawn,
    );
    await page.waitForTimeout(300);
    // atoms, cells and labels cover a good part of the view; an empty WebGL canvas stays white
    expect(await drawnFraction(page, "[data-testid=viewer]")).toBeGreaterThan(0.05);
    expect(await page.locator(".legend").textContent()).toMatch(/conventional cell of TiO2-rutile/);
    // the relationship the interface gate chose for Ru on rutile: the oxide, isostructural
    expect(await page.getByTestId("relationship").textContent()).toMatch(
      /^RuO2 \(110\) ∥ TiO2-rutile \(110\)/,
    );
    // click where an atom is drawn: its element, site, slab and coordinates appear
    const at = await page.evaluate(() => {
      type V = {
        getModel(): { selectedAtoms(s: object): { x: number; y: number; z: number }[] };
        modelToScreen(p: object): { x: number; y: number };
      };
      const v = (globalThis as unknown as { smsiViewer: V }).smsiViewer;
      const atoms = v.getModel().selectedAtoms({});
      const a = atoms[atoms.length - 1];
      return v.modelToScreen({ x: a.x, y: a.y, z: a.z });
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() =>
      /at x = /.test(document.querySelector("[data-testid=picked]")?.textContent ?? ""),
    );
    expect(await page.getByTestId("picked").textContent()).toMatch(
      /^(Ru|Ti|O) \(\w+, (film|substrate)\) at x = -?\d+\.\d{3}, y = -?\d+\.\d{3}, z = -?\d+\.\d{3} Å/,
    );
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "POSCAR" }).click();
    expect((await download).suggestedFilename()).toBe("RuO2_on_TiO2-rutile.vasp");
    await page.screenshot({ path: join(ARTIFACTS, "interface.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a long job shows its progress, then its result", async () => {
    const { page, errors } = await open("interface");
    await page.waitForSelector("select[name=metal] option[value=Ru]", { state: "attached" });
    await page.selectOption("select[name=metal]", "Ru");
    await page.selectOption("select[name=support]", "TiO2-anatase");
    // the sweep searches the film the gate drew (RuO2 for Ru)
    await page.click("button[type=submit]");
    await page.getByTestId("relationship").waitFor();
    expect(await page.getByTestId("relationship").textContent()).toMatch(/^RuO2 /);
    // record every progress value the page shows
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      new MutationObserver(() => {
        const p = document.querySelector("progress");
        if (p) seen.push(Number((p as HTMLProgressElement).value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByRole("button", { name: "Search all planes" }).click();
    await page.getByTestId("sweep-result").waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect(await page.locator(".job-text").textContent()).toMatch(/^done — 100 %/);
    expect(await page.getByTestId("sweep-result").textContent()).toMatch(/incoherent/);
    await page.screenshot({ path: join(ARTIFACTS, "job.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("thermo, classify, cases and runs pages render (screenshots kept)", async () => {
    const { page, errors } = await open("thermo");
    await page.locator(".chart svg").first().waitFor();
    await page
      .getByRole("region", { name: "μ_O profile" })
      .getByRole("button", { name: "Compute", exact: true })
      .click();
    await page.getByRole("img", { name: "oxygen landscape" }).locator("svg").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "thermo.png"), fullPage: true });

    await page.goto(`${base}/#/classify`);
    for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Classify", exact: true }).click();
    await page.getByTestId("classified").waitFor();
    expect(await page.getByTestId("classified").textContent()).toMatch(/SMSI|EMSI|none|indeterminate/);
    await page.screenshot({ path: join(ARTIFACTS, "classify.png"), fullPage: true });

    await page.goto(`${base}/#/cases`);
    await page.getByTestId("case-count").waitFor();
    await page.fill("input[name=metal]", "Ru");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForFunction(
      () => !/^68 /.test(document.querySelector("[data-testid=case-count]")?.textContent ?? ""),
    );
    expect(await page.locator("a[href^='https://doi.org/']").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "cases.png") });

    await page.goto(`${base}/#/runs`);
    await page.locator("table tbody tr").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "runs.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("simulate: the curve grows while the job runs; the final numbers and exports appear", async () => {
    const { page, errors } = await open("simulate");
    await page.waitForSelector("select[name=metal] option[value=Ru]", { state: "attached" });
    // record how many points the chart holds at every change (the curve must grow while the job runs)
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      new MutationObserver(() => {
        const d = document
          .querySelector('[data-testid=simulate-chart] path[data-series="a"]')
          ?.getAttribute("d");
        seen.push(d ? (d.match(/[ML]/g) ?? []).length : 0);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    // keyboard only: events field, then the Simulate button
    await page.locator("input[name=events]").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("100000");
    await page.getByRole("button", { name: "Simulate" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("simulate-final").waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    const final = seen.at(-1)!;
    expect(final).toBeGreaterThan(50);
    expect(seen.some((n) => n > 0 && n < final)).toBe(true);
    const run = (await (await fetch(`${base}/api/runs?kind=simulate`)).json()).runs[0];
    const stored = (await (await fetch(`${base}/api/runs/${run.id}`)).json()).result;
    expect(stored.events).toBe(100_000);
    const table = await page.getByTestId("simulate-final").textContent();
    expect(table).toMatch(/oxidised fraction/);
    expect(table).toContain(String(Number(stored.final.oxidisedFraction.toPrecision(4))));
    for (const b of ["JSON", "CSV"]) expect(await page.getByRole("button", { name: b }).count()).toBe(1);
    // the curve and the two snapshots (start, end) each export SVG and PNG
    for (const b of ["SVG", "PNG 2×", "PNG 4×"])
      expect(await page.getByRole("button", { name: b }).count()).toBe(3);
    const snaps = page.getByTestId("simulate-snapshots").locator("svg");
    expect(await snaps.count()).toBe(2);
    expect(await page.getByTestId("simulate-snapshots").textContent()).toMatch(
      /cross-section-start.*cross-section-end/s,
    );
    await page.screenshot({ path: join(ARTIFACTS, "simulate.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("interface, keyboard only: build, rotate and zoom the 3-D view, reset it; the view exports as SVG", async () => {
    const { page, errors } = await open("interface");
    await page.waitForSelector("select[name=metal] option[value=Ru]", { state: "attached" });
    await page.locator("select[name=metal]").focus();
    await page.getByRole("button", { name: "Build and draw" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => (document.querySelector("[data-testid=viewer]") as HTMLElement)?.dataset.drawn,
    );
    type V = { getView(): number[] };
    const view = () => page.evaluate(() => (globalThis as unknown as { smsiViewer: V }).smsiViewer.getView());
    const initial = await view();
    await page.getByTestId("viewer").focus();
    await page.keyboard.press("ArrowRight");
    const turned = await view();
    // a 15° turn changes the rotation quaternion (entries 4–7), not the model's position
    const dq = Math.hypot(...turned.slice(4, 8).map((x, i) => x - initial[4 + i]));
    expect(dq).toBeGreaterThan(0.05);
    await page.keyboard.press("+");
    expect((await view())[3]).not.toBe(turned[3]); // zoom moves the camera
    await page.keyboard.press("Home");
    expect(await view()).toEqual(initial);
    // SVG of the current view: one circle per atom shown, 12 edges per box (six boxes)
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "SVG" }).first().click();
    const file = await (await download).path();
    const svg = (await import("node:fs")).readFileSync(file, "utf8");
    const shown = await page.evaluate(
      () =>
        (
          globalThis as unknown as { smsiViewer: { getModel(): { selectedAtoms(s: object): unknown[] } } }
        ).smsiViewer
          .getModel()
          .selectedAtoms({}).length,
    );
    expect(svg.match(/<circle /g)?.length).toBe(shown);
    expect(svg.match(/<line /g)?.length).toBe(6 * 12);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("every control of every page is reached with Tab, in a visible focus style", async () => {
    for (const [path, ready] of [
      ["predict", "select[name=metal] option[value=Ru]"],
      ["interface", "select[name=metal] option[value=Ru]"],
      ["thermo", ".chart svg"],
      ["simulate", "select[name=metal] option[value=Ru]"],
      ["classify", "button"],
      ["cases", "[data-testid=case-count]"],
      ["runs", "button"],
    ] as const) {
      const { page, errors } = await open(path);
      await page.locator(ready).first().waitFor({ state: "attached" });
      await expectTabReachesAll(page, path);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("and so do the results' controls (exports, tables, the 3-D view) once shown", async () => {
    for (const [path, done] of [
      ["predict", "table.rationale"],
      ["interface", "[data-testid=relationship]"],
      ["simulate", "[data-testid=simulate-snapshots] svg"],
    ] as const) {
      const { page, errors } = await open(path);
      await page.waitForSelector("select[name=metal] option[value=Ru]", { state: "attached" });
      if (path === "simulate") await page.fill("input[name=events]", "20000");
      await page.locator(path === "simulate" ? "button:has-text('Simulate')" : "button[type=submit]").click();
      await page.locator(done).first().waitFor({ timeout: 60_000 });
      await expectTabReachesAll(page, `${path} with its result`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

/**
 * Press Tab through the page: every enabled, visible native control and keyboard widget is reached,
 * and each shows a focus style (outline or box shadow).
 */
async function expectTabReachesAll(page: Page, label: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const wanted = await page.evaluate(() => {
    const els = [
      ...document.querySelectorAll<HTMLElement>(
        "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, summary, [tabindex='0']",
      ),
    ].filter((e) => e.offsetParent !== null && !e.closest("details:not([open]) > :not(summary)"));
    els.forEach((e, i) => {
      e.dataset.k = String(i);
    });
    return els.length;
  });
  const reached = new Set<string>();
  const unstyled: string[] = [];
  for (let i = 0; i < wanted + 10; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return null;
      const st = getComputedStyle(a);
      return {
        k: a.dataset.k ?? null,
        what: `${a.tagName} ${a.textContent?.trim().slice(0, 30) ?? ""}`,
        visible: st.outlineStyle !== "none" || st.boxShadow !== "none",
      };
    });
    if (!info) continue;
    if (info.k !== null) reached.add(info.k);
    if (!info.visible) unstyled.push(info.what);
  }
  expect(wanted, `${label}: controls found`).toBeGreaterThan(5);
  expect(reached.size, `${label}: controls reached with Tab`).toBe(wanted);
  expect(unstyled, `${label}: focused without a visible focus style`).toEqual([]);
}
