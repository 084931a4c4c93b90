// The guided walk: one step at a time (tour-steps.ts), with Back and Next, a one-line takeaway, and the
// parts of the page it is about outlined, scrolled to and shown at the step's moment of the run. Arrow
// keys move through it and Escape closes it. Closed, it offers itself for any finished run.
import { useEffect, useMemo, useRef } from 'react';
import { useRun, useSession } from '../engine/controller-context.ts';
import { useRace } from '../race/race-view.ts';
import { prefersReducedMotion } from '../race/use-reduced-motion.ts';
import { useStore } from '../state/store.ts';
import { highlightTargets } from './tour-targets.ts';
import { tourSteps } from './tour-steps.ts';
import { closeTour, isOpenOn, openTour, tourStore } from './tour-store.ts';

export function TourPanel() {
  const race = useRace();
  const tour = useStore(tourStore, (s) => s);
  const busy = useSession((s) => s.phase === 'running' || s.phase === 'stopping');
  const run = useRun((s) => s);
  const finished = run.methods.length > 0 && run.methods.every((m) => run.lanes[m]?.end);
  const open = isOpenOn(tour, run) && !busy;
  const steps = useMemo(() => (open && finished ? tourSteps(run, race.timeline()) : []), [open, finished, run, race]);
  const index = Math.min(tour.step, Math.max(0, steps.length - 1));
  const step = steps[index] ?? null;
  const heading = useRef<HTMLHeadingElement>(null);

  // The step's moment on the race clock, its overlay on the lanes, its outlines on the page.
  useEffect(() => {
    if (!step) return;
    tourStore.update((s) => ({ ...s, focus: step.focus }));
    race.show(step.focus.at);
    return highlightTargets(step.focus.targets, prefersReducedMotion());
  }, [step, race]);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  if (!open || !step) {
    if (!finished || busy) return null;
    return (
      <div className="tour-launcher">
        <button data-testid="tour-open" onClick={() => openTour(run)}>Walk me through this run</button>
      </div>
    );
  }
  const go = (to: number) => tourStore.update((s) => ({ ...s, step: Math.max(0, Math.min(steps.length - 1, to)) }));
  const close = () => {
    closeTour();
    race.show(null);
  };
  const last = index === steps.length - 1;
  return (
    <section
      className="tour-panel" aria-label="Guided tour" data-testid="tour-panel" data-step={step.id}
      onKeyDown={(e) => {
        if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
        if (e.key === 'ArrowRight') go(index + 1);
        else if (e.key === 'ArrowLeft') go(index - 1);
        else if (e.key === 'Escape') close();
        else return;
        e.preventDefault();
      }}
    >
      <p className="tour-count">Step {index + 1} of {steps.length}</p>
      <h2 ref={heading} tabIndex={-1} data-testid="tour-title">{step.title}</h2>
      <div aria-live="polite">
        <p data-testid="tour-text">{step.text}</p>
        <p className="tour-takeaway" data-testid="tour-takeaway">{step.takeaway}</p>
      </div>
      <div className="tour-buttons">
        <button data-testid="tour-back" disabled={index === 0} onClick={() => go(index - 1)}>Back</button>
        {last
          ? <button className="primary" data-testid="tour-done" onClick={close}>Done</button>
          : <button className="primary" data-testid="tour-next" onClick={() => go(index + 1)}>Next</button>}
        <button data-testid="tour-close" onClick={close} aria-label="Close the guided tour">Close</button>
        <span className="muted tour-keys">← → to move, Esc to close</span>
      </div>
    </section>
  );
}
