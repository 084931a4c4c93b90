// What a test does on the page, in the words of a user: load, set a value, run, stop.
import type { Locator, Page } from 'playwright-core';

export async function loadModels(page: Page): Promise<void> {
  await page.getByTestId('load-button').click();
  await page.getByTestId('loaded-summary').waitFor({ timeout: 120_000 });
}

export async function setSetting(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`input[name="${name}"]`).fill(value);
}

export async function setSettings(page: Page, values: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await setSetting(page, name, value);
}

export function laneState(page: Page, method: string): Promise<string | null> {
  return page.getByTestId(`lane-${method}`).getByTestId('lane-status').getAttribute('data-state');
}

/** Waits until the Run button is enabled again (the run ended) and every lane says done or stopped. */
export async function waitForRunEnd(page: Page, timeout = 150_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const run = document.querySelector<HTMLButtonElement>('[data-testid=run-button]');
      const states = [...document.querySelectorAll('[data-testid=lane-status]')].map((e) => e.getAttribute('data-state'));
      return run !== null && !run.disabled && states.length > 0 && states.every((s) => s === 'done' || s === 'stopped');
    },
    undefined,
    { timeout, polling: 100 },
  );
}

export interface TreeSnapshot {
  readonly method: string;
  readonly state: string | null;
  readonly alive: number;
  readonly rejected: number;
  readonly chartPoints: number;
}

/**
 * Records, on every DOM change, each lane's state and branch counts and the charts' point counts,
 * so a test can tell what the page showed while the run was in flight (a run of tiny models is fast).
 */
export async function recordSnapshots(page: Page): Promise<() => Promise<TreeSnapshot[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __snapshots: unknown[] };
    w.__snapshots = [];
    const take = () => {
      const points = [...document.querySelectorAll('[data-testid=charts] [data-testid^=chart-]')].reduce((n, e) => n + Number(e.getAttribute('data-points') ?? 0), 0);
      for (const lane of document.querySelectorAll('[data-testid^=lane-]')) {
        const method = lane.getAttribute('data-testid')?.slice('lane-'.length);
        if (!method || method === 'status') continue;
        w.__snapshots.push({
          method,
          state: lane.querySelector('[data-testid=lane-status]')?.getAttribute('data-state') ?? null,
          alive: Number(lane.querySelector('[data-testid=candidate-tree]')?.getAttribute('data-alive') ?? 0),
          rejected: Number(lane.querySelector('[data-testid=candidate-tree]')?.getAttribute('data-rejected') ?? 0),
          chartPoints: points,
        });
      }
    };
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __snapshots: TreeSnapshot[] }).__snapshots);
}

/** A tree's count attribute (data-candidates, data-alive, data-rejected, data-bands). */
export async function treeCount(lane: Locator, name: 'candidates' | 'alive' | 'rejected' | 'bands'): Promise<number> {
  return Number(await lane.getByTestId('candidate-tree').getAttribute(`data-${name}`));
}

/**
 * Moves the pointer down a lane's tree (just right of where branches start) until the tree's own
 * hit-testing reports a branch of `status` under it; returns that point, or null if none was found.
 */
export async function pointAtBranch(page: Page, lane: Locator, status: string, xFromLeft = 24): Promise<{ x: number; y: number } | null> {
  const viewport = lane.locator('.tree-viewport');
  await viewport.scrollIntoViewIfNeeded();
  const box = await viewport.boundingBox();
  if (!box) return null;
  // Whole pixels: a click reports whole-pixel coordinates, so a fractional point that hovers a branch
  // at the edge of the tree's rows could miss it on the click.
  const x = Math.round(box.x + xFromLeft);
  for (let y = Math.ceil(box.y + 16); y < box.y + box.height - 16; y += 1) {
    await page.mouse.move(x, y);
    if ((await viewport.getAttribute('data-hover-status')) === status) return { x, y };
  }
  return null;
}
