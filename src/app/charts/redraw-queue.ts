// Chart redraws wait their turn: at most one chart redraws per animation frame, and a chart asked to
// redraw several times before its turn redraws once, with the latest data. So a redraw never shares a
// frame with another one (a frame holds one chart's work at most) and the charts together cost at most
// one redraw per frame, whatever the number of batches of events that arrived.
type Redraw = () => void;

const queue = new Map<object, Redraw>();
let scheduled = false;

function runOne(): void {
  scheduled = false;
  const next = queue.entries().next();
  if (next.done) return;
  const [key, redraw] = next.value;
  queue.delete(key);
  redraw();
  if (queue.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(runOne, 16);
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
