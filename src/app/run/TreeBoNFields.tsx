// TreeBoN's settings: children per parent, layers, and how a layer's children are shared among its
// parents (evenly, or by a bandit: UCB with constant c after a floor each). Checked by the engine's
// validator like every other field; the shape of the tree they give is spelled out below them.
import { NumberSetting } from './Field.tsx';
import type { FormErrors, RunForm } from './run-form.ts';
import { treeShape } from './tree-shape.ts';

interface Props {
  readonly form: RunForm;
  readonly errors: FormErrors;
  readonly disabled: boolean;
  readonly set: <K extends keyof RunForm>(key: K, value: RunForm[K]) => void;
}

export function TreeBoNFields({ form, errors, disabled, set }: Props) {
  const off = disabled || !form.methods.includes('treebon');
  const shape = treeShape(form);
  return (
    <fieldset className="treebon-fields" data-testid="treebon-fields">
      <legend>TreeBoN</legend>
      <div className="settings-grid">
        <NumberSetting
          name="treebonChildren" label="Children per parent" help="Branches each parent spawns at a layer's end." value={form.treebonChildren}
          error={errors.treebonChildren} disabled={off} onChange={(v) => set('treebonChildren', v)}
        />
        <NumberSetting
          name="treebonLayers" label="Layers" help="Max new tokens split into this many segments." value={form.treebonLayers}
          error={errors.treebonLayers} disabled={off} onChange={(v) => set('treebonLayers', v)}
        />
        <div className="branching" role="radiogroup" aria-label="Branching">
          <b>Branching</b>
          <label>
            <input type="radio" name="ucb-mode" checked={form.ucbMode === 'off'} disabled={off} onChange={() => set('ucbMode', 'off')} />
            Even: every parent gets the same number of children
          </label>
          <label>
            <input type="radio" name="ucb-mode" checked={form.ucbMode === 'on'} disabled={off} onChange={() => set('ucbMode', 'on')} />
            Bandit-guided (UCB): more children to parents with a high mean partial reward or few visits
          </label>
        </div>
        {form.ucbMode === 'on' && (
          <>
            <NumberSetting
              name="ucbC" label="UCB constant c" help="Exploration: 0 follows the mean reward only." value={form.ucbC}
              error={errors.ucbC} disabled={off} onChange={(v) => set('ucbC', v)}
            />
            <NumberSetting
              name="ucbFloor" label="Floor (children each parent gets first)" help="0 lets UCB starve a parent." value={form.ucbFloor}
              error={errors.ucbFloor} disabled={off} onChange={(v) => set('ucbFloor', v)}
            />
          </>
        )}
      </div>
      {shape && !off && <p className="note" data-testid="tree-shape">{shape}</p>}
    </fieldset>
  );
}
