// The page's parts a step of the guided walk is about, found by the test ids the panels already carry:
// outlined (data-tour-focus) and the first scrolled into view, until the step changes.
import type { TourTarget } from './tour-steps.ts';

const SELECTORS: Readonly<Record<TourTarget, string>> = {
  summary: '[data-testid=recorded-summary], [data-testid=loaded-summary]',
  results: '[data-testid=result-table]',
  miss: '[data-testid=miss-line]',
  race: '[data-testid=race-bar]',
  replay: '[data-testid=replay]',
  compute: '[data-testid=compute-panel]',
  'chart-kvBytes': '[data-testid=charts] [data-testid=chart-kvBytes]',
  'chart-alive': '[data-testid=charts] [data-testid=chart-alive]',
  'chart-rewards': '[data-testid=charts] [data-testid=chart-rewards]',
  'lane-bon': '[data-testid=lane-bon]',
  'lane-spr': '[data-testid=lane-spr]',
  'lane-treebon': '[data-testid=lane-treebon]',
};

export const TOUR_FOCUS_ATTRIBUTE = 'data-tour-focus';

/** Outlines the targets and scrolls to the first; returns what takes the outlines away. */
export function highlightTargets(targets: readonly TourTarget[], reducedMotion: boolean): () => void {
  const elements = targets.flatMap((t) => [...document.querySelectorAll(SELECTORS[t])]);
  for (const e of elements) e.setAttribute(TOUR_FOCUS_ATTRIBUTE, '');
  elements[0]?.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' });
  return () => {
    for (const e of elements) e.removeAttribute(TOUR_FOCUS_ATTRIBUTE);
  };
}
