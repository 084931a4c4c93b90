// Every number explained where it stands, and the page laid out for a laptop and a phone (WASM,
// built-in models): glossary terms reachable by keyboard, one total-compute figure per method with its
// formula and "Against Best-of-N" agreeing with it, the tie rule, the decision-length rule on the KV
// chart, Load and Run in view at 1440 × 900, the page going to the lanes on Run (in one jump, reduced
// motion or not), lanes that hold their columns while methods wait, stacked lanes and no sideways scroll at
// 420 px, dark mode from the system setting.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium } from './browser.ts';
import { isInViewport } from './page-actions.ts';

let browser: Browser;
const url = () => `${inject('baseUrl')}?device=wasm`;

async function newPage(options: { width: number; height: number; dark?: boolean; reducedMotion?: boolean }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width, height: options.height } });
  await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light', reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url());
  await page.getByTestId('load-button').waitFor();
  return { page, errors };
}

interface LaneFrames {
  /** The lanes' top, px from the viewport's top, at each frame. */
  readonly tops: number[];
  readonly scrolls: number[];
  /** Lanes (articles) in the lanes section at each frame. */
  readonly columns: number[];
}

/** Clicks Run and records, from before the click, where the lanes are, the page's scroll and the lanes' column count at every frame until the run ends. */
async function runRecordingLanes(page: Page): Promise<LaneFrames> {
  await page.evaluate(() => {
    const w = window as unknown as { __lanes: LaneFrames };
    w.__lanes = { tops: [], scrolls: [], columns: [] };
    const frame = () => {
      const lanes = document.querySelector('section.lanes');
      if (lanes) {
        w.__lanes.tops.push(Math.round(lanes.getBoundingClientRect().top));
        w.__lanes.scrolls.push(Math.round(window.scrollY));
        w.__lanes.columns.push(lanes.querySelectorAll(':scope > article').length);
      }
      const run = document.querySelector<HTMLButtonElement>('[data-testid=run-button]');
      if (w.__lanes.tops.length < 20 || run?.disabled) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.querySelector<HTMLButtonElement>('[data-testid=run-button]')?.click();
  });
  await waitForRunEnd(page);
  return page.evaluate(() => (window as unknown as { __lanes: LaneFrames }).__lanes);
}

const number = (text: string | null) => Number((text ?? '').replace(/[^\d.e+-]/g, ''));

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('a laptop screen, 1440 × 900', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage({ width: 1440, height: 900 }));
  });

  it('names all three methods in the title, shows Load without scrolling, then Run', async () => {
    expect(await page.title()).toMatch(/Best-of-N.*Speculative Rejection.*TreeBoN/);
    expect(await isInViewport(page.getByTestId('load-button'))).toBe(true);
    // Where the app offers SmolLM2 against SmolLM2-135M, it says the implicit reward is an approximation.
    await expect(page.getByTestId('quick-choice').getByTestId('dpo-approximation').textContent()).resolves.toMatch(/DPO-trained from .*SFT.* not from SmolLM2-135M.*approximation/);
    await loadModels(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await isInViewport(page.getByTestId('run-button'))).toBe(true);
  });

  it('shows each glossary term\'s definition on keyboard focus, and hides it on Escape', async () => {
    await page.locator('textarea[name="prompt"]').focus();
    let term: string | null = null;
    for (let i = 0; i < 40 && term === null; i++) {
      await page.keyboard.press('Tab');
      term = await page.evaluate(() => (document.activeElement?.classList.contains('term') ? document.activeElement.getAttribute('data-term') : null));
    }
    expect(term).toBe('n');
    const tip = page.getByTestId('term-tip');
    await tip.waitFor();
    await expect(tip.textContent()).resolves.toMatch(/^N: How many answers each method samples/);
    expect(await isInViewport(tip)).toBe(true);
    // The definition is also the term's accessible description.
    const described = await page.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent : null;
    });
    expect(described).toMatch(/^How many answers each method samples/);
    await page.keyboard.press('Escape');
    expect(await tip.count()).toBe(0);
    // The next Tab reaches the next term (α), whose own definition shows.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('alpha');
    await expect(page.getByTestId('term-tip').textContent()).resolves.toMatch(/^α: The fraction Speculative Rejection rejects/);
    // Every term on the page has a definition (none is empty).
    const empty = await page.evaluate(() => [...document.querySelectorAll('.term')].filter((t) => {
      const id = t.getAttribute('aria-describedby');
      return !id || !document.getElementById(id)?.textContent?.trim();
    }).length);
    expect(empty).toBe(0);
  });

  it('keeps the lanes in their columns while methods wait, and goes to them on Run', async () => {
    const { tops, columns } = await runRecordingLanes(page);
    // From the first frame with lanes on, all three columns are there: no reflow as each method starts.
    expect(columns.filter((c) => c > 0).every((c) => c === 3)).toBe(true);
    expect(tops[0]).toBeGreaterThan(900);
    // The view went to the lanes and stayed there while panels appeared above them.
    expect(Math.abs(tops.at(-1)!)).toBeLessThan(30);
    expect(await page.locator('[data-testid=lane-status]').count()).toBe(3);
  });

  it('gives one total-compute figure per method with its formula, and "Against Best-of-N" agrees with it', async () => {
    const formula = (await page.getByTestId('cost-formula').textContent()) ?? '';
    const sizes = formula.match(/^Total compute = 2 × (\d+)K × \(tokens decoded \+ prefill tokens\) \+ 2 × (\d+)K × reward-model tokens, in FLOPs/);
    expect(sizes).not.toBeNull();
    const [generator, reward] = [Number(sizes![1]) * 1e3, Number(sizes![2]) * 1e3];
    const costs: Record<string, number> = {};
    for (const method of ['bon', 'spr', 'treebon']) {
      const row = page.getByTestId(`result-${method}`);
      // A cell's own figure is its first line (TreeBoN's tokens cell has its budget note under it).
      const [decoded, prefill, rewardTokens] = await Promise.all([1, 2, 3].map(async (i) => number((await row.locator('td').nth(i).innerText()).split('\n')[0]!)));
      const cost = Number(await page.getByTestId(`cost-${method}`).getAttribute('data-cost'));
      // The formula, with the sizes as written (rounded to the thousand), gives the column's figure.
      expect(Math.abs(cost - (2 * generator * (decoded! + prefill!) + 2 * reward * rewardTokens!)) / cost).toBeLessThan(0.01);
      costs[method] = cost;
    }
    for (const method of ['spr', 'treebon']) {
      const words = (await page.getByTestId(`saved-${method}`).textContent()) ?? '';
      const percent = Math.round(Math.abs(1 - costs[method]! / costs.bon!) * 100);
      const expected = percent === 0 ? 'as much compute' : `${percent}% ${costs[method]! < costs.bon! ? 'less' : 'more'} compute`;
      expect(words.startsWith(expected)).toBe(true);
      // A difference of rewards, never "reward 0.00".
      expect(words).toMatch(/(same best reward|best reward (higher|lower) by \d)/);
      expect(words).not.toMatch(/reward [+-]?\d/);
    }
    await expect(page.getByTestId('tie-note').textContent()).resolves.toMatch(/^Ties: answers with equal rewards are ordered by candidate number \(#\), the lower first.* In this run /);
    await expect(page.getByTestId('reward-scale').textContent()).resolves.toMatch(/mean valence .* −5 .* \+5/);
    // TreeBoN writes N per layer and grows more branches than N: its status says both, and its budget row says why it decoded more.
    await expect(page.getByTestId('lane-treebon').getByTestId('lane-status').textContent()).resolves.toMatch(/being written \(N = 32 per layer, \d+ branches in all\)/);
    await expect(page.getByTestId('treebon-budget').textContent()).resolves.toMatch(/Best-of-N decoded [\d,]+ of the same budget/);
    expect(errors).toEqual([]);
  });

  it('shows on the KV chart the rule that placed each of Speculative Rejection\'s decisions', async () => {
    const rules = ((await page.getByTestId('chart-kvBytes').getAttribute('data-rules')) ?? '').split('\n').filter(Boolean);
    expect(rules.length).toBe(await page.getByTestId('lane-spr').getByTestId('decision-mark').count());
    // The prompt "the weather today" takes 3 tokens; 32 rows share 640 tokens.
    expect(rules[0]).toBe('decision 1: ⌊640 ÷ 32 rows⌋ − 3 = 17 tokens');
    for (const r of rules) expect(r).toMatch(/^decision \d+: ⌊640 ÷ \d+ rows⌋ − 3 = \d+ tokens$/);
    await expect(page.getByTestId('kv-rule').textContent()).resolves.toMatch(/may stay under the budget line/);
    // The early-reward panel says what n counts.
    const captions = await page.locator('[data-testid=prefix-scatter] figcaption').allTextContents();
    for (const c of captions) expect(c).toMatch(/r = .*τ = .*\(n = \d+ of 32\)/);
    await expect(page.getByTestId('scatter-note').textContent()).resolves.toMatch(/n counts the answers at least that long/);
  });

  it('warns when Speculative Rejection would decide early', async () => {
    await setSettings(page, { n: '128' });
    await expect(page.getByTestId('spr-start-hint').textContent()).resolves.toMatch(/first decides at ~8 tokens/);
    expect(await page.getByTestId('early-decision-warning').count()).toBe(1);
    await setSettings(page, { n: '32' });
    expect(await page.getByTestId('early-decision-warning').count()).toBe(0);
  });
});

describe('the tuned pair', () => {
  it('gets the built-in task\'s sentence starts, not chat prompts', async () => {
    const { page, errors } = await newPage({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Use the built-in tuned pair' }).click();
    await loadModels(page);
    const chips = await page.getByTestId('example-prompts').locator('button').allTextContents();
    expect(chips).toContain('the weather today');
    expect(chips).not.toContain('Kind reply');
    expect(await page.getByTestId('task-line').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a phone, 420 px wide, dark, with reduced motion', () => {
  it('never scrolls sideways, stacks the lanes, scrolls tables inside themselves, draws dark, and jumps to the lanes at once', async () => {
    const { page, errors } = await newPage({ width: 420, height: 860, dark: true, reducedMotion: true });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBe(0);
    await loadModels(page);
    expect(await sideways()).toBe(0);
    // A term Tab scrolls into view shows its definition beside it (under, or over when there is no room), inside the narrow viewport.
    await page.locator('textarea[name="prompt"]').focus();
    for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.getAttribute('data-term'))) !== 'top-p'; i++) await page.keyboard.press('Tab');
    const tip = page.getByTestId('term-tip');
    await expect(tip.textContent()).resolves.toMatch(/^top-p: Nucleus sampling/);
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid=term-tip]')?.getBoundingClientRect();
      const a = document.activeElement?.getBoundingClientRect();
      return t && a && t.left >= 0 && t.right <= document.documentElement.clientWidth && (Math.abs(t.top - a.bottom - 6) < 2 || Math.abs(t.bottom - a.top + 6) < 2);
    }, undefined, { timeout: 5000 });
    await page.keyboard.press('Escape');
    await setSettings(page, { n: '16', maxNewTokens: '32', kvBudgetTokens: '200' });
    const { tops, scrolls } = await runRecordingLanes(page);
    // Reduced motion: the first frame that scrolled the page already shows the lanes at the top (no glide).
    const moved = scrolls.findIndex((y) => y !== scrolls[0]);
    expect(moved).toBeGreaterThan(0);
    expect(Math.abs(tops[moved]!)).toBeLessThan(30);
    expect(await sideways()).toBe(0);
    const boxes = await Promise.all(['bon', 'spr', 'treebon'].map(async (m) => (await page.getByTestId(`lane-${m}`).boundingBox())!));
    expect(new Set(boxes.map((b) => Math.round(b.x))).size).toBe(1);
    expect(boxes[0]!.y).toBeLessThan(boxes[1]!.y);
    expect(boxes[1]!.y).toBeLessThan(boxes[2]!.y);
    expect(boxes[0]!.width).toBeGreaterThan(300);
    const table = page.locator('.results .table-scroll').first();
    expect(await table.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    // Dark from the system setting: the page and a tree's canvas are dark.
    const luminance = (rgb: readonly number[]) => (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
    const page_ = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number));
    expect(luminance(page_)).toBeLessThan(0.2);
    const canvas = await page.getByTestId('lane-spr').getByTestId('tree-canvas').evaluate((c: HTMLCanvasElement) => [...c.getContext('2d')!.getImageData(2, 2, 1, 1).data]);
    expect(luminance(canvas)).toBeLessThan(0.2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
