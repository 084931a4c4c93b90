// Chart redraws wait their turn: at most one chart redraws per animation frame, each chart at most every
// MIN_INTERVAL_MS, and a chart asked to redraw several times before its turn redraws once, with the
// latest data. So a frame holds one chart's work at most, and the charts together cost a few redraws a
// second however many batches of events arrive (a chart changing 5 times a second still reads as live).
type Redraw = () => void;

export const MIN_INTERVAL_MS = 150;

const queue = new Map<object, Redraw>();
const lastDrawn = new WeakMap<object, number>();
let scheduled = false;

function runOne(now: number): void {
  scheduled = false;
  for (const [chart, redraw] of queue) {
    if (now - (lastDrawn.get(chart) ?? -Infinity) < MIN_INTERVAL_MS) continue;
    queue.delete(chart);
    lastDrawn.set(chart, now);
    redraw();
    break;
  }
  if (queue.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(() => runOne(performance.now()), 16);
  else requestAnimationFrame(runOne);
}

/** Queues `redraw` for `chart`, replacing one already queued for it (which keeps its place in the queue). */
export function requestRedraw(chart: object, redraw: Redraw): void {
  queue.set(chart, redraw);
  schedule();
}

/** Drops a queued redraw (the chart went away). */
export function cancelRedraw(chart: object): void {
  queue.delete(chart);
}
