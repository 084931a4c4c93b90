// How several scorers become one score: each is normalised over the candidates scored together, then
// the rule combines them per candidate. Shown on the start screen (with two or more scorers picked) and
// in the run panel (with two or more loaded); both edit the same run form.
import { useMemo } from 'react';
import type { CombineConfig } from '../../core/config.ts';
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';
import { NumberSetting } from './Field.tsx';
import { checkRunForm } from './run-form.ts';

const NORMALISATIONS: readonly { value: CombineConfig['normalize']; label: string }[] = [
  { value: 'z', label: 'z-score (how many standard deviations above the pool mean)' },
  { value: 'rank', label: 'rank (0 for the pool\'s lowest, 1 for its highest)' },
];

const RULES: readonly { value: CombineConfig['rule']; label: string }[] = [
  { value: 'min', label: 'MaxMin: the lowest normalised score counts (every scorer must be satisfied)' },
  { value: 'softmin', label: 'Soft-min: like the minimum, softened by a temperature' },
  { value: 'mean', label: 'Mean (for comparison: a high score can make up for a low one)' },
];

export function CombineFields({ scorers, disabled }: { readonly scorers: number; readonly disabled: boolean }) {
  const controller = useController();
  const form = useStore(controller.form, (f) => f);
  const error = useMemo(() => {
    const check = checkRunForm(form, { scorers });
    return check.ok ? undefined : check.errors.combineTemperature ?? check.errors.combineRule ?? check.errors.combineNormalize;
  }, [form, scorers]);
  const set = (patch: Partial<typeof form>) => controller.form.update((f) => ({ ...f, ...patch }));
  return (
    <fieldset className="combine" data-testid="combine">
      <legend>How the {scorers} scorers combine</legend>
      <p className="note">
        Each scorer's scores are normalised over the candidates scored together (a decision point's pool, or the final
        answers), then combined per candidate. The combined score decides what is pruned and which answer wins.
      </p>
      <div className="combine-columns">
        <div role="radiogroup" aria-label="Normalisation">
          <b>Normalisation</b>
          {NORMALISATIONS.map((n) => (
            <label key={n.value}>
              <input type="radio" name="combine-normalize" checked={form.combineNormalize === n.value} disabled={disabled} onChange={() => set({ combineNormalize: n.value })} />
              {n.label}
            </label>
          ))}
        </div>
        <div role="radiogroup" aria-label="Rule">
          <b>Rule</b>
          {RULES.map((r) => (
            <label key={r.value}>
              <input type="radio" name="combine-rule" checked={form.combineRule === r.value} disabled={disabled} onChange={() => set({ combineRule: r.value })} />
              {r.label}
            </label>
          ))}
          {form.combineRule === 'softmin' && (
            <NumberSetting
              name="combineTemperature" label="Soft-min temperature" help="Towards 0: the minimum; large: the mean." value={form.combineTemperature}
              error={error} disabled={disabled} onChange={(v) => set({ combineTemperature: v })}
            />
          )}
        </div>
      </div>
    </fieldset>
  );
}
