// The explicit Load step: what will be loaded and how big it is, then a bar per file, a total,
// and a status line through warm-up; a load that failed says so here, with why.
import { ErrorPanel } from '../common/ErrorPanel.tsx';
import { useController, useSession } from '../engine/controller-context.ts';
import { formatBytes } from '../format.ts';
import type { CatalogEntry } from '../models/catalog.ts';
import { activeSource } from '../models/scorer-drafts.ts';
import type { ModelSelection, SourceDraft } from '../models/selection.ts';
import { useStore } from '../state/store.ts';
import { LoadProgressView } from './LoadProgressView.tsx';

function sizeOf(draft: SourceDraft, catalog: readonly CatalogEntry[]): string {
  if (draft.mode === 'builtin') {
    const entry = catalog.find((e) => e.id === draft.builtinId);
    return entry ? `${entry.label} (${formatBytes(entry.bytes)}, served with the app)` : 'a built-in model';
  }
  if (draft.mode === 'hub') return `${draft.hubId || '(no id yet)'} from the hub (cached after the first download)`;
  const bytes = draft.folder ? [...draft.folder.files.values()].reduce((s, f) => s + f.size, 0) : 0;
  return draft.folder ? `folder ${draft.folder.name} (${formatBytes(bytes)}, read from disk)` : 'a folder (not picked yet)';
}

function plan(selection: ModelSelection, catalog: readonly CatalogEntry[]): string[] {
  const several = selection.scorers.length > 1;
  return [
    `Generator: ${sizeOf(selection.generator, catalog)}`,
    ...selection.scorers.map((s, i) => {
      const what = s.kind === 'classifier' ? 'Reward model' : 'Implicit DPO reward against the base model';
      return `${several ? `Scorer ${i + 1}: ` : ''}${what}: ${sizeOf(activeSource(s), catalog)}`;
    }),
  ];
}

export function LoadPanel() {
  const controller = useController();
  const selection = useStore(controller.selection, (s) => s);
  const catalog = useSession((s) => s.catalog);
  const phase = useSession((s) => s.phase);
  const progress = useSession((s) => s.load);
  const loading = phase === 'loading';
  // Back at the choice with progress still on record: the last load ended without models.
  const failed = phase === 'choose' && (progress.files.length > 0 || progress.message !== '');
  return (
    <section className="panel load" aria-label="Load">
      <h2>Load</h2>
      {selection && catalog && (
        <ul className="plan" data-testid="load-plan">
          {plan(selection, catalog).map((line) => <li key={line}>{line}</li>)}
        </ul>
      )}
      <button className="primary" disabled={!selection || loading} onClick={() => void controller.load()} data-testid="load-button">
        {loading ? 'Loading…' : 'Load models'}
      </button>
      {/* The start screen's errors (a load's, the engine's) right under the button that caused them. */}
      <ErrorPanel />
      {(loading || failed) && <LoadProgressView progress={progress} failed={failed} />}
    </section>
  );
}
