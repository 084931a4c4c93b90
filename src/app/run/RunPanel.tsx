// The run settings. Every value is checked by the engine's validator as it is typed; Run is enabled
// only when all are valid, and each problem is explained next to its field.
import { useMemo, type ReactNode } from 'react';
import { useController, useSession } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';
import { BUILTIN_REWARD_ID } from '../../modelgen/builtin/task.ts';
import { Term } from '../glossary/Term.tsx';
import { BudgetHint } from './BudgetHint.tsx';
import { CombineFields } from './CombineFields.tsx';
import { promptSetFor } from './example-prompts.ts';
import { NumberSetting } from './Field.tsx';
import { MethodChoice } from './MethodChoice.tsx';
import { PromptField } from './PromptField.tsx';
import { checkRunForm, type RunForm } from './run-form.ts';
import { RunControls } from './RunControls.tsx';
import { SprStartChoice } from './SprStartChoice.tsx';
import { TreeBoNFields } from './TreeBoNFields.tsx';
import { scrollToLanesWhenShown } from './scroll-to-lanes.ts';
import { usePromptTokens } from './use-prompt-tokens.ts';
import { CopyLink } from '../url/CopyLink.tsx';

type NumericKey = 'n' | 'alpha' | 'maxNewTokens' | 'temperature' | 'topK' | 'topP' | 'seed' | 'kvBudgetTokens';

const SETTINGS: readonly { key: NumericKey; label: ReactNode; help: string }[] = [
  { key: 'n', label: <><Term id="n">N</Term> (candidates)</>, help: 'Answers sampled per method.' },
  { key: 'alpha', label: <><Term id="alpha">α</Term> (rejected per decision)</>, help: 'Speculative Rejection drops this fraction at each decision.' },
  { key: 'maxNewTokens', label: <Term id="max-new-tokens">Max new tokens</Term>, help: 'Longest answer.' },
  { key: 'kvBudgetTokens', label: <><Term id="kv-budget">KV budget</Term> (tokens)</>, help: 'Memory for the batch: prompt + answer tokens of all rows at once.' },
  { key: 'temperature', label: <Term id="temperature">Temperature</Term>, help: '0 = greedy.' },
  { key: 'topK', label: <Term id="top-k">Top-k</Term>, help: '0 = off.' },
  { key: 'topP', label: <Term id="top-p">Top-p</Term>, help: '1 = off.' },
  { key: 'seed', label: <Term id="seed">Seed</Term>, help: 'Same seed, same answers.' },
];

export function RunPanel() {
  const controller = useController();
  const form = useStore(controller.form, (f) => f);
  const phase = useSession((s) => s.phase);
  const loaded = useSession((s) => s.loaded);
  const promptTokens = usePromptTokens(form.prompt);
  const kvBytesPerToken = loaded?.generator.kvBytesPerToken ?? 1;
  const scorers = loaded?.scorers.length ?? 1;
  const check = useMemo(
    () => checkRunForm(form, {
      kvBytesPerToken,
      scorers,
      ...(promptTokens !== null && { promptTokens }),
      ...(loaded?.generator.maxPositions != null && { maxPositions: loaded.generator.maxPositions }),
    }),
    [form, kvBytesPerToken, promptTokens, loaded, scorers],
  );
  const prompts = promptSetFor(loaded?.generator.id ?? null);
  const taskRewardLoaded = loaded?.scorers.some((s) => s.id === BUILTIN_REWARD_ID) ?? false;
  const errors = check.ok ? {} : check.errors;
  const busy = phase === 'running' || phase === 'stopping';
  const set = <K extends keyof RunForm>(key: K, value: RunForm[K]) => controller.form.update((f) => ({ ...f, [key]: value }));
  return (
    <section className="panel run-panel" aria-label="Run settings">
      <PromptField
        value={form.prompt} error={errors.prompt} disabled={busy} prompts={prompts} taskRewardLoaded={taskRewardLoaded} onChange={(v) => set('prompt', v)}
      />
      <MethodChoice value={form.methods} error={errors.methods} disabled={busy} onChange={(v) => set('methods', v)} />
      <div className="settings-grid">
        {SETTINGS.map((s) => (
          <NumberSetting key={s.key} name={s.key} label={s.label} help={s.help} error={errors[s.key]} value={form[s.key]} disabled={busy} onChange={(v) => set(s.key, v)} />
        ))}
        <fieldset className={errors.decisionMode || errors.decisionLengths ? 'decision invalid' : 'decision'}>
          <legend><Term id="decision-point">Decision points</Term></legend>
          <label>
            <input type="radio" name="decision-mode" checked={form.decisionMode === 'memory'} disabled={busy} onChange={() => set('decisionMode', 'memory')} />
            When the KV budget is full (<Term id="the-paper">the paper</Term>)
          </label>
          <label>
            <input type="radio" name="decision-mode" checked={form.decisionMode === 'fixed'} disabled={busy} onChange={() => set('decisionMode', 'fixed')} />
            At fixed lengths:
          </label>
          <input
            type="text" name="decisionLengths" aria-label="Decision lengths" value={form.decisionLengths} disabled={busy || form.decisionMode !== 'fixed'}
            aria-invalid={Boolean(errors.decisionLengths)} onChange={(e) => set('decisionLengths', e.target.value)}
          />
          {(errors.decisionLengths ?? errors.decisionMode) && <p className="field-error" role="alert">{errors.decisionLengths ?? errors.decisionMode}</p>}
        </fieldset>
      </div>
      {form.methods.includes('spr') && (
        <SprStartChoice
          start={form.sprStart} maxStart={form.sprMaxStart} error={errors.sprStart ?? errors.sprMaxStart} disabled={busy}
          onStart={(v) => set('sprStart', v)} onMaxStart={(v) => set('sprMaxStart', v)}
        />
      )}
      <TreeBoNFields form={form} errors={errors} disabled={busy} set={set} />
      {scorers > 1 && <CombineFields scorers={scorers} disabled={busy} />}
      <BudgetHint
        budgetTokens={Number(form.kvBudgetTokens)} kvBytesPerToken={kvBytesPerToken} promptTokens={promptTokens}
        n={Number(form.n)} maxNewTokens={Number(form.maxNewTokens)} sprStart={form.sprStart} sprMaxStart={Number(form.sprMaxStart)}
      />
      {!check.ok && check.other.length > 0 && <p className="field-error" role="alert">{check.other.join(' ')}</p>}
      <RunControls
        phase={phase} canRun={check.ok && phase === 'ready'}
        onRun={() => {
          if (!check.ok) return;
          scrollToLanesWhenShown(controller.run);
          void controller.runWith(check.config);
        }}
        onStop={controller.stop} onReset={() => void controller.reset()}
      />
      <CopyLink />
    </section>
  );
}
