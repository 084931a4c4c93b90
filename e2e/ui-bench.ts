// `npm run bench:ui`: how smooth the page stays while a run streams in. The built app in headless
// Chromium, WASM, the built-in models, Best-of-N, Speculative Rejection and TreeBoN; per setting the
// median over a few runs of: the gaps between animation frames (p50, p95, max: a stutter is a long
// gap), the share of the run the main thread spent in long tasks (> 50 ms), their number and the
// longest, and the time from Run to the first frame showing a token. The first run after loading the
// models is reported on its own. The load average of this (shared) machine is printed beside each row.
// Figures, not a test.
//
//   npm run bench:ui -- [--n 128,1024] [--tokens 64,128] [--repeats 3] [--throttle 1,6] [--profile] [--trace]
//
// --throttle 6 is DevTools CPU throttling (6x slower main thread), standing in for a weak laptop.
// --profile adds the main thread's top functions by self time (unminified build); --trace, its work by
// kind (script, style, layout, paint) from a DevTools trace.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';
import { serveBuiltApp } from './global-setup.ts';
import { collectRun, installRecorder, medianSummary, summarise, type Summary } from './ui-frames.ts';
import { startProfile, startTrace } from './ui-profile.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '128,1024' },
    tokens: { type: 'string', default: '64,128' },
    repeats: { type: 'string', default: process.env.BENCH_REPEATS ?? '3' },
    throttle: { type: 'string', default: '1,6' },
    profile: { type: 'boolean', default: Boolean(process.env.BENCH_PROFILE) },
    trace: { type: 'boolean', default: false },
  },
});
const list = (s: string) => s.split(',').map(Number).filter((v) => v > 0);

/**
 * The KV budget of a setting: the reference's default 640 tokens at N = 128, and at N = 1024 one that
 * holds Speculative Rejection's capped equal-memory start (1000 rows of prompt + its first 8 tokens).
 */
const budgetFor = (n: number) => (n <= 128 ? 640 : 12_000);

/** Speculative Rejection starts from the same memory (the paper's comparison): as many as the budget holds, capped at 1000. */
const equalMemoryStart = (page: Page): Locator => page.getByTestId('spr-start').getByLabel(/Same memory/);

interface Setting {
  readonly n: number;
  readonly maxNewTokens: number;
  readonly throttle: number;
}

const load = () => loadavg()[0]?.toFixed(1) ?? '?';

async function measure(page: Page, setting: Setting): Promise<{ summary: Summary; load: string }> {
  const before = load();
  await page.getByTestId('run-button').click();
  await waitForRunEnd(page, 900_000);
  const summary = summarise(await collectRun(page));
  return { summary, load: `${before}–${load()}` };
}

function row(label: string, s: Summary, loads: readonly string[]): string {
  const ms = (v: number) => `${Math.round(v)}`;
  return `| ${label} | ${(s.wallMs / 1000).toFixed(1)} s | ${ms(s.gapP50)} | ${ms(s.gapP95)} | ${ms(s.gapMax)} | ${s.blockedPct.toFixed(0)}% | ` +
    `${s.longTasks} (${ms(s.longestTask)}) | ${s.firstTokenMs === null ? '–' : ms(s.firstTokenMs)} | ${loads.join(', ')} |`;
}

async function throttle(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const repeats = Number(args.repeats);
const settings: Setting[] = list(args.throttle).flatMap((t) => list(args.n).flatMap((n) => list(args.tokens).map((maxNewTokens) => ({ n, maxNewTokens, throttle: t }))));
const server = await serveBuiltApp({ minify: !args.profile });
const browser = await launchChromium();
try {
  const { page } = await openPage(browser, `${server.url}?device=wasm`);
  const cdp = await page.context().newCDPSession(page);
  await loadModels(page);
  await installRecorder(page);
  for (const method of ['bon', 'spr', 'treebon']) await page.locator(`input[name="method-${method}"]`).check();
  await equalMemoryStart(page).check();
  console.log(`UI smoothness, three methods, WASM, median of ${repeats} runs; frame gaps and tasks in ms`);
  console.log(`(${await page.getByTestId('loaded-summary').locator('span').first().textContent()})\n`);
  console.log('| run | wall | frame gap p50 | p95 | max | blocked | long tasks (longest) | first token | load avg (1 min) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  let first = true;
  for (const setting of settings) {
    const { n, maxNewTokens } = setting;
    await throttle(cdp, setting.throttle);
    await setSettings(page, { n: String(n), maxNewTokens: String(maxNewTokens), kvBudgetTokens: String(budgetFor(n)), seed: '3' });
    const label = `N = ${n}, ${maxNewTokens} tokens, budget ${budgetFor(n)}${setting.throttle > 1 ? `, CPU ${setting.throttle}x slower` : ''}`;
    if (first) {
      // The first run after loading the models, on its own: nothing of the run's UI has run yet.
      const stopFirstProfile = args.profile ? await startProfile(page) : null;
      const { summary, load: l } = await measure(page, setting);
      console.log(row(`first run after loading: ${label}`, summary, [l]));
      if (stopFirstProfile) console.log(`\n${await stopFirstProfile()}\n`);
      first = false;
    }
    const stopProfile = args.profile ? await startProfile(page) : null;
    const stopTrace = args.trace ? await startTrace(page) : null;
    const runs: { summary: Summary; load: string }[] = [];
    for (let i = 0; i < repeats; i++) runs.push(await measure(page, setting));
    console.log(row(label, medianSummary(runs.map((r) => r.summary)), runs.map((r) => r.load)));
    if (stopProfile) console.log(`\n${await stopProfile()}\n`);
    if (stopTrace) console.log(`\n${await stopTrace()}\n`);
  }
  await throttle(cdp, 1);
} finally {
  await browser.close();
  await server.close();
}
