// Complete choices one click away: the built-in models; the built-in tuned generator scored by its
// implicit DPO reward against its base (offline, TreeBoN's setup); or SmolLM2 from the hub with its
// implicit DPO reward. Everything below stays editable (any hub id, any folder).
import type { DevicePreference } from '../../worker/api.ts';
import { SMOLLM_DPO_NOTE } from '../lanes/dpo-note.ts';
import { defaultGenerator, defaultRewardModel, referenceFor, type CatalogEntry } from '../models/catalog.ts';
import { defaultSelection, HUB_GENERATOR, HUB_REFERENCE, tunedPairSelection, type ModelSelection } from '../models/selection.ts';

interface Props {
  readonly catalog: readonly CatalogEntry[];
  readonly device: DevicePreference;
  readonly onPick: (selection: ModelSelection) => void;
}

export function QuickChoice({ catalog, device, onPick }: Props) {
  const generator = defaultGenerator(catalog);
  const reward = defaultRewardModel(catalog);
  const pair = tunedPairSelection(catalog, device);
  const tuned = pair && catalog.find((e) => e.id === pair.generator.builtinId);
  const base = tuned && referenceFor(catalog, tuned.id);
  return (
    <div className="quick-choice" data-testid="quick-choice">
      {generator && (
        <div>
          <button type="button" onClick={() => onPick(defaultSelection(catalog, device))}>Use the built-in models</button>{' '}
          <span className="note">
            {generator.label}{reward ? ` scored by ${reward.label}` : ''}: served with this app, nothing to download.
            {generator.random ? ' Random weights: they test the machinery, their text means nothing.' : ' Small and made for one toy task; no chat.'}
          </span>
        </div>
      )}
      {pair && tuned && base && (
        <div>
          <button type="button" onClick={() => onPick(pair)}>Use the built-in tuned pair</button>{' '}
          <span className="note">
            {tuned.label}, scored by its implicit DPO reward against its base, {base.label}: TreeBoN&apos;s own partial
            score, offline. The same setup as the SmolLM2 choice below, on the toy task.
          </span>
        </div>
      )}
      <div>
        <button type="button" onClick={() => onPick(defaultSelection([], device))}>Use SmolLM2-135M-Instruct</button>{' '}
        <span className="note">
          A real (small) chat model from the Hugging Face hub ({HUB_GENERATOR}), scored by its implicit DPO reward against
          its base ({HUB_REFERENCE}). Downloaded once, then loaded from the browser cache.{' '}
          <span data-testid="dpo-approximation">{SMOLLM_DPO_NOTE}</span>
        </span>
      </div>
    </div>
  );
}
