// `npm run bench:ui`: how smooth the page stays while a run streams in. Runs Best-of-N, Speculative
// Rejection and TreeBoN with N = 128 on WASM in headless Chromium (the built-in models) and prints, per
// setting, the median over a few runs of: the main thread's long tasks (> 50 ms, Long Tasks API), the
// share of the run they blocked, and the longest gap between two animation frames (what a user feels
// as a stutter). Figures, not a test. BENCH_PROFILE=1 adds the main thread's top functions by self time.
import type { Page } from 'playwright-core';
import { loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';
import { serveBuiltApp } from './global-setup.ts';
import { startProfile } from './ui-profile.ts';

interface Figures {
  readonly wallMs: number;
  readonly longTasks: readonly number[];
  readonly maxFrameGapMs: number;
}

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

async function measureRun(page: Page): Promise<Figures> {
  // A string, not a function: tsx would wrap the named frame loop in a helper the page does not have.
  await page.evaluate(`(() => {
    const bench = { long: [], t0: performance.now(), lastFrame: performance.now(), maxGap: 0, on: true };
    window.__bench = bench;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.long.push(e.duration); }).observe({ type: 'longtask' });
    const frame = (now) => {
      bench.maxGap = Math.max(bench.maxGap, now - bench.lastFrame);
      bench.lastFrame = now;
      if (bench.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
  await page.getByTestId('run-button').click();
  await waitForRunEnd(page, 300_000);
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { long: number[]; t0: number; maxGap: number; on: boolean } }).__bench;
    b.on = false;
    return { wallMs: performance.now() - b.t0, longTasks: b.long, maxFrameGapMs: b.maxGap };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const server = await serveBuiltApp({ minify: !process.env.BENCH_PROFILE });
const browser = await launchChromium();
try {
  const { page } = await openPage(browser, `${server.url}?device=wasm`);
  await loadModels(page);
  for (const method of ['bon', 'spr', 'treebon']) await page.locator(`input[name="method-${method}"]`).check();
  console.log(`UI smoothness, N = 128, three methods, WASM, median of ${REPEATS} runs`);
  console.log(`(${await page.getByTestId('loaded-summary').locator('span').first().textContent()})`);
  for (const maxNewTokens of ['64', '128']) {
    await setSettings(page, { n: '128', maxNewTokens, kvBudgetTokens: '8000', seed: '3' });
    const runs: Figures[] = [];
    const stopProfile = process.env.BENCH_PROFILE ? await startProfile(page) : null;
    for (let i = 0; i < REPEATS; i++) runs.push(await measureRun(page));
    const blocked = runs.map((f) => f.longTasks.reduce((s, d) => s + d, 0));
    console.log(
      `max new tokens ${maxNewTokens}: run ${(median(runs.map((f) => f.wallMs)) / 1000).toFixed(2)} s, ` +
        `${median(runs.map((f) => f.longTasks.length))} long tasks, blocked ${Math.round(median(blocked))} ms ` +
        `(${Math.round(median(runs.map((f, i) => (100 * (blocked[i] ?? 0)) / f.wallMs)))}% of the run), ` +
        `longest task ${Math.round(median(runs.map((f) => Math.max(0, ...f.longTasks))))} ms, ` +
        `longest frame gap ${Math.round(median(runs.map((f) => f.maxFrameGapMs)))} ms`,
    );
    if (stopProfile) console.log(await stopProfile());
  }
} finally {
  await browser.close();
  await server.close();
}
