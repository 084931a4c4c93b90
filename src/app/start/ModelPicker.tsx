// The generator and the scorers, each from the built-ins, the hub or a folder on disk, and how
// several scorers combine.
import { useController, useSession } from '../engine/controller-context.ts';
import { CombineFields } from '../run/CombineFields.tsx';
import { withGenerator } from '../models/selection.ts';
import { useStore } from '../state/store.ts';
import { QuickChoice } from './QuickChoice.tsx';
import { ScorerList } from './ScorerList.tsx';
import { SourcePicker } from './SourcePicker.tsx';

export function ModelPicker() {
  const controller = useController();
  const selection = useStore(controller.selection, (s) => s);
  const catalog = useSession((s) => s.catalog);
  const loading = useSession((s) => s.phase === 'loading');
  if (!selection || !catalog) return <section className="panel models"><p className="status-line">Reading the model list…</p></section>;
  const generatorId = selection.generator.mode === 'builtin' ? selection.generator.builtinId : null;
  return (
    <section className="panel models" aria-label="Models">
      <h2>Models</h2>
      <QuickChoice catalog={catalog} device={selection.device} onPick={(picked) => controller.selection.set(picked)} />
      <SourcePicker
        legend="Generator — writes the candidate answers" role="generator" draft={selection.generator}
        builtins={catalog.filter((e) => e.kind === 'generator')} onChange={(generator) => controller.selection.set(withGenerator(selection, generator, catalog))}
      />
      <ScorerList
        scorers={selection.scorers} catalog={catalog} generatorId={generatorId}
        onChange={(scorers) => controller.selection.set({ ...selection, scorers })}
      />
      {selection.scorers.length > 1 && <CombineFields scorers={selection.scorers.length} disabled={loading} />}
    </section>
  );
}
