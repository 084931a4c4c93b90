// One uPlot chart (canvas) in a React component: created when its shape changes (`shapeKey`: the series
// it has), resized with its box, and fed data through the redraw queue (its first data too), so that React renders nothing
// per update and a redraw is one chart's canvas work in a frame of its own.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cancelRedraw, requestRedraw } from './redraw-queue.ts';

export interface ChartFeed {
  /** The data to draw now: called when the chart's turn comes, so only the latest state is computed. */
  readonly data: () => uPlot.AlignedData;
  /** Called after drawing, with what was drawn (for the figure's data attributes). */
  readonly drawn?: (chart: uPlot) => void;
}

export function useUPlot(
  box: RefObject<HTMLDivElement | null>, options: (width: number) => uPlot.Options, shapeKey: string, feed: ChartFeed, height: number,
): void {
  const chart = useRef<uPlot | null>(null);
  const latest = useRef({ options, feed });
  latest.current = { options, feed };
  const redraw = () => {
    const u = chart.current;
    if (!u) return;
    u.setData(latest.current.feed.data());
    latest.current.feed.drawn?.(u);
  };

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const width = Math.max(200, element.clientWidth);
    const options = { ...latest.current.options(width), width, height };
    // Created empty (its axes only) and drawn at its turn in the redraw queue: several charts created in
    // one commit (a lane starts, the run ends) then cost one chart's drawing per frame, not all in one task.
    const u = new uPlot(options, options.series.map(() => []) as unknown as uPlot.AlignedData, element);
    chart.current = u;
    requestRedraw(chart, redraw);
    const observer = new ResizeObserver(() => {
      const w = Math.max(200, element.clientWidth);
      if (w !== u.width) u.setSize({ width: w, height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelRedraw(chart);
      chart.current = null;
      u.destroy();
    };
  }, [box, shapeKey, height]);

  // Every new feed (new lanes, another axis) asks for one redraw at the chart's next turn.
  useEffect(() => requestRedraw(chart, redraw), [feed]);
}
