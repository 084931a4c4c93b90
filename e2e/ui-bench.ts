// `npm run bench:ui`: how smooth the page stays while a run streams in. Runs Best-of-N and Speculative
// Rejection with N = 128 on WASM in headless Chromium and prints, per run, the event batches the page
// received and the main thread's long tasks (> 50 ms, from the Long Tasks API). Figures, not a test.
import type { Page } from 'playwright-core';
import { loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';
import { serveBuiltApp } from './global-setup.ts';

interface Figures {
  readonly wallMs: number;
  readonly updates: number;
  readonly longTasks: readonly number[];
}

async function measureRun(page: Page): Promise<Figures> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { updates: number; long: number[]; t0: number } };
    w.__bench = { updates: 0, long: [], t0: performance.now() };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.long.push(e.duration); }).observe({ type: 'longtask' });
    new MutationObserver(() => w.__bench.updates++).observe(document.querySelector('.lanes') ?? document.body, { subtree: true, characterData: true, childList: true });
  });
  await page.getByTestId('run-button').click();
  await waitForRunEnd(page);
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { updates: number; long: number[]; t0: number } }).__bench;
    return { wallMs: performance.now() - b.t0, updates: b.updates, longTasks: b.long };
  });
}

const server = await serveBuiltApp();
const browser = await launchChromium();
try {
  const { page } = await openPage(browser, `${server.url}?device=wasm`);
  await loadModels(page);
  console.log(`UI smoothness, N = 128, WASM, ${await page.getByTestId('loaded-summary').textContent()}`);
  for (const maxNewTokens of ['64', '128']) {
    await setSettings(page, { n: '128', maxNewTokens, kvBudgetTokens: '8000' });
    const f = await measureRun(page);
    const long = [...f.longTasks].sort((a, b) => a - b);
    const total = long.reduce((s, d) => s + d, 0);
    console.log(
      `max new tokens ${maxNewTokens}: ${(f.wallMs / 1000).toFixed(2)} s, ${f.updates} DOM update batches in the lanes, ` +
        `${long.length} long tasks (median ${Math.round(long[Math.floor(long.length / 2)] ?? 0)} ms, max ${Math.round(long.at(-1) ?? 0)} ms, ` +
        `${Math.round((100 * total) / f.wallMs)}% of the run blocked)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
