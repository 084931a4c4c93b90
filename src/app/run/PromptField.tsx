import { Field } from './Field.tsx';
import type { PromptSet } from './example-prompts.ts';

interface Props {
  readonly value: string;
  readonly error?: string | undefined;
  readonly disabled: boolean;
  readonly prompts: PromptSet;
  /** Whether the built-in positivity reward is among the loaded scorers (the task's own reward). */
  readonly taskRewardLoaded: boolean;
  readonly onChange: (prompt: string) => void;
}

export function PromptField({ value, error, disabled, prompts, taskRewardLoaded, onChange }: Props) {
  const task = prompts.task;
  return (
    <div className="prompt-field">
      {task && (
        <p className="task-line" data-testid="task-line">
          <b>Built-in task — {task.title}:</b> continue the sentence; the reward is the positivity of the continuation
          {taskRewardLoaded ? '' : ' (the task\'s positivity reward is not loaded: your scorers judge instead)'}. This
          generator is not a chat model: give it the start of a sentence, not a question.
        </p>
      )}
      <Field label={task ? 'Sentence start' : 'Prompt'} error={error}>
        {(id, describedBy) => (
          <textarea
            id={id} name="prompt" rows={2} value={value} disabled={disabled} aria-invalid={Boolean(error)} aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
      <div className="examples" aria-label="Example prompts" data-testid="example-prompts">
        {prompts.examples.map((p) => (
          <button key={p.title} type="button" className="chip" disabled={disabled} onClick={() => onChange(p.prompt)} title={p.prompt}>
            {p.title}
          </button>
        ))}
      </div>
    </div>
  );
}
