// The start screen's way in without any download: the guided walk over a run recorded with the built-in
// models, and the other recorded examples (each says where the methods disagree).
import { useState } from 'react';
import { useController } from '../engine/controller-context.ts';
import { recordingUrl, type RecordingEntry } from './recording-index.ts';
import { openTour } from './tour-store.ts';
import { useRecordings } from './use-recordings.ts';

export function TourEntry() {
  const controller = useController();
  const index = useRecordings();
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  if (!index || index.recordings.length === 0) return null;
  const tour = index.recordings.find((r) => r.tour) ?? index.recordings[0]!;
  const open = async (entry: RecordingEntry, withTour: boolean) => {
    setOpening(true);
    try {
      const response = await fetch(recordingUrl(entry));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const issue = controller.openRun(await response.text(), entry.file);
      setProblem(issue);
      if (issue === null && withTour) openTour(controller.run.get());
    } catch (error) {
      setProblem(`The recording ${entry.file} could not be read (${error instanceof Error ? error.message : String(error)}).`);
    } finally {
      setOpening(false);
    }
  };
  return (
    <section className="panel tour-entry" aria-label="Guided tour" data-testid="tour-entry">
      <h2>New here? Take the tour first</h2>
      <p>
        A step-by-step walk through a run recorded with the built-in models: why Speculative Rejection spends less, what the same
        memory buys it, when it misses Best-of-N&apos;s answer and what α does. Nothing to download, no model to load.
      </p>
      <button className="primary" data-testid="take-tour" disabled={opening} onClick={() => void open(tour, true)}>Take the tour (no download)</button>
      <h3>Recorded examples</h3>
      <ul className="recorded-examples">
        {index.recordings.map((r) => (
          <li key={r.id} data-testid="recorded-example" data-id={r.id}>
            <button disabled={opening} onClick={() => void open(r, false)} aria-label={`Open the recording: ${r.title}`}>Open</button>{' '}
            <b>{r.title}</b>: &ldquo;{r.settings.prompt}&rdquo;, seed {r.settings.seed}, N = {r.settings.n}. <span className="muted">{r.outcome}</span>
          </li>
        ))}
      </ul>
      {problem && <p className="field-error" role="alert" data-testid="tour-problem">{problem}</p>}
    </section>
  );
}
