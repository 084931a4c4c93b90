// The generator and the reward, each from the built-ins, the hub or a folder on disk.
import type { RewardSpec } from '../../worker/api.ts';
import { useController, useSession } from '../engine/controller-context.ts';
import { withGenerator, type ModelSelection } from '../models/selection.ts';
import { useStore } from '../state/store.ts';
import { SourcePicker } from './SourcePicker.tsx';

export function ModelPicker() {
  const controller = useController();
  const selection = useStore(controller.selection, (s) => s);
  const catalog = useSession((s) => s.catalog);
  if (!selection || !catalog) return <section className="panel models"><p className="status-line">Reading the model list…</p></section>;
  const set = (patch: Partial<ModelSelection>) => controller.selection.set({ ...selection, ...patch });
  const rewardKind = (kind: RewardSpec['kind']) => () => set({ rewardKind: kind });
  return (
    <section className="panel models" aria-label="Models">
      <h2>Models</h2>
      <SourcePicker
        legend="Generator — writes the candidate answers" role="generator" draft={selection.generator}
        builtins={catalog.filter((e) => e.kind === 'generator')} onChange={(generator) => controller.selection.set(withGenerator(selection, generator, catalog))}
      />
      <fieldset className="reward-kind">
        <legend>Reward — scores the answers, also half-written ones</legend>
        <label>
          <input type="radio" name="reward-kind" checked={selection.rewardKind === 'classifier'} onChange={rewardKind('classifier')} />
          A reward model (text classification)
        </label>
        <label>
          <input type="radio" name="reward-kind" checked={selection.rewardKind === 'implicit-dpo'} onChange={rewardKind('implicit-dpo')} />
          Implicit DPO reward: log π(answer) − log π<sub>base</sub>(answer), against the generator's base model
        </label>
      </fieldset>
      {selection.rewardKind === 'classifier' ? (
        <SourcePicker
          legend="Reward model" role="reward model" draft={selection.classifier} hubPlaceholder="owner/some-reward-model (ONNX, text classification)"
          builtins={catalog.filter((e) => e.kind === 'reward')} onChange={(classifier) => set({ classifier })}
        />
      ) : (
        <SourcePicker
          legend="Base (reference) model" role="reference model" draft={selection.reference}
          builtins={catalog.filter((e) => e.kind === 'reference')} onChange={(reference) => set({ reference })}
        />
      )}
    </section>
  );
}
