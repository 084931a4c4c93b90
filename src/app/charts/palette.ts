// Colours the charts draw on their canvases, for the page's colour scheme (the system setting): axes,
// grid, the budget line and Speculative Rejection's decision lines stay readable in light and dark mode.

export interface ChartPalette {
  readonly axis: string;
  readonly grid: string;
  readonly bad: string;
  readonly spr: string;
  readonly cut: string;
}

const LIGHT: ChartPalette = { axis: '#5b6472', grid: '#e5e7eb', bad: '#b91c1c', spr: '#c2410c', cut: '#9ca3af' };
const DARK: ChartPalette = { axis: '#a1a8b3', grid: '#2d3646', bad: '#f87171', spr: '#fb923c', cut: '#6b7280' };

export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function chartPalette(): ChartPalette {
  return prefersDark() ? DARK : LIGHT;
}
