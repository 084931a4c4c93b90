// What every live chart shares: no animation, no drag-zoom, axes in the page's type, the x range shared
// by all charts (set by the caller before each redraw) and a legend that names the methods.
import type uPlot from 'uplot';
import { chartPalette } from './palette.ts';

const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface BaseChart {
  readonly xLabel: string;
  /** Read at each redraw. */
  readonly xRange: () => [number, number];
  readonly yRange: (min: number, max: number) => [number, number];
  readonly yFormat: (v: number) => string;
  readonly yWidth: number;
  /** The y axis's name, written along it. */
  readonly yLabel?: string;
  readonly series: uPlot.Series[];
  /** Shows each series' value under the cursor in the legend (line charts); off for scatter marks. */
  readonly liveLegend: boolean;
  readonly draw?: (u: uPlot) => void;
}

export function chartOptions(c: BaseChart): (width: number) => uPlot.Options {
  return () => chartOptionsNow(c);
}

function chartOptionsNow(c: BaseChart): uPlot.Options {
  const palette = chartPalette();
  return {
    width: 0,
    height: 0,
    pxAlign: false,
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    legend: { live: c.liveLegend },
    scales: {
      x: { time: false, range: () => c.xRange() },
      y: { range: (_u, min, max) => c.yRange(min, max) },
    },
    axes: [
      {
        label: c.xLabel, font: AXIS_FONT, labelFont: LABEL_FONT, labelSize: 18, size: 28, stroke: palette.axis,
        grid: { stroke: palette.grid, width: 1, dash: [3, 3] }, values: (_u, splits) => splits.map((v) => String(Math.round(v * 100) / 100)),
      },
      {
        ...(c.yLabel === undefined ? {} : { label: c.yLabel, labelFont: LABEL_FONT, labelSize: 18 }),
        font: AXIS_FONT, size: c.yWidth, stroke: palette.axis, grid: { stroke: palette.grid, width: 1, dash: [3, 3] }, values: (_u, splits) => splits.map(c.yFormat),
      },
    ],
    series: [{ label: c.xLabel, value: (_u, v) => (v === null || v === undefined ? '–' : String(Math.round(v * 100) / 100)) }, ...c.series],
    hooks: c.draw ? { draw: [c.draw] } : {},
  };
}
