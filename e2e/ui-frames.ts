// What the UI benchmark records in the page while a run streams in: every gap between two animation
// frames, the main thread's long tasks (> 50 ms, Long Tasks API) and the time from pressing Run to the
// first frame that shows a decoded token. Installed once per page; each run resets it.
import type { Page } from 'playwright-core';

export interface RunFigures {
  readonly wallMs: number;
  readonly frameGaps: readonly number[];
  readonly longTasks: readonly number[];
  /** Press of Run to the first frame in which a lane says it decoded a token; null if never seen. */
  readonly firstTokenMs: number | null;
}

// A string, not a function: tsx would wrap the named frame loop in a helper the page does not have.
const RECORDER = `(() => {
  if (window.__bench) return;
  const b = { on: false, t0: 0, last: 0, gaps: [], long: [], first: null };
  window.__bench = b;
  new PerformanceObserver((list) => { if (b.on) for (const e of list.getEntries()) b.long.push(e.duration); }).observe({ type: 'longtask' });
  const decoded = () => {
    // Only a lane of this run: the last run's lanes stay on screen, done, until the engine accepts the new one.
    for (const e of document.querySelectorAll('[data-testid=lane-status][data-state=generating]')) {
      const m = /([\\d,]+) tokens decoded/.exec(e.textContent || '');
      if (m && Number(m[1].replace(/,/g, '')) > 0) return true;
    }
    return false;
  };
  const frame = (now) => {
    if (b.on) {
      b.gaps.push(now - b.last);
      b.last = now;
      // performance.now(), not the frame's timestamp: a frame can begin before the click that started the clock.
      if (b.first === null && decoded()) b.first = performance.now() - b.t0;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // The clock starts at the press of Run itself, not when the test driver gets round to it.
  document.addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('[data-testid=run-button]')) return;
    b.on = true; b.t0 = b.last = performance.now(); b.gaps = []; b.long = []; b.first = null;
  }, true);
})()`;

export async function installRecorder(page: Page): Promise<void> {
  await page.evaluate(RECORDER);
}

export async function collectRun(page: Page): Promise<RunFigures> {
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { on: boolean; t0: number; gaps: number[]; long: number[]; first: number | null } }).__bench;
    b.on = false;
    return { wallMs: performance.now() - b.t0, frameGaps: b.gaps, longTasks: b.long, firstTokenMs: b.first };
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** One run's headline figures, as the table prints them. */
export interface Summary {
  readonly wallMs: number;
  readonly gapP50: number;
  readonly gapP95: number;
  readonly gapMax: number;
  readonly blockedPct: number;
  readonly longTasks: number;
  readonly longestTask: number;
  readonly firstTokenMs: number | null;
}

export function summarise(f: RunFigures): Summary {
  const blocked = f.longTasks.reduce((s, d) => s + d, 0);
  return {
    wallMs: f.wallMs, gapP50: percentile(f.frameGaps, 50), gapP95: percentile(f.frameGaps, 95), gapMax: Math.max(0, ...f.frameGaps),
    blockedPct: f.wallMs > 0 ? (100 * blocked) / f.wallMs : 0, longTasks: f.longTasks.length, longestTask: Math.max(0, ...f.longTasks),
    firstTokenMs: f.firstTokenMs,
  };
}

/** Each figure's median over runs. */
export function medianSummary(runs: readonly Summary[]): Summary {
  const m = (pick: (s: Summary) => number) => median(runs.map(pick));
  const firsts = runs.flatMap((s) => (s.firstTokenMs === null ? [] : [s.firstTokenMs]));
  return {
    wallMs: m((s) => s.wallMs), gapP50: m((s) => s.gapP50), gapP95: m((s) => s.gapP95), gapMax: m((s) => s.gapMax),
    blockedPct: m((s) => s.blockedPct), longTasks: m((s) => s.longTasks), longestTask: m((s) => s.longestTask),
    firstTokenMs: firsts.length > 0 ? median(firsts) : null,
  };
}
