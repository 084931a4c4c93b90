// What the app does and, honestly, what the built-in models are (and are not).
import { BUILTIN_GENERATOR_ID, BUILTIN_REWARD_ID } from '../../modelgen/builtin/task.ts';
import { useSession } from '../engine/controller-context.ts';

export function Intro() {
  const catalog = useSession((s) => s.catalog);
  const hasTaskModels = catalog?.some((e) => e.id === BUILTIN_GENERATOR_ID) ?? false;
  const hasTaskReward = catalog?.some((e) => e.id === BUILTIN_REWARD_ID) ?? false;
  const onlyRandom = catalog !== null && catalog.length > 0 && catalog.every((e) => e.random);
  return (
    <div className="intro" data-testid="intro">
      <p>
        A small language model running in this browser writes many answers to your prompt, and one or more reward models
        score them: keeping the best answer is the simplest way to align a model at inference time, with no training.
      </p>
      <p>
        <b className="method-bon">Best-of-N</b> finishes every answer before judging;{' '}
        <b className="method-spr">Speculative Rejection</b> judges half-written answers and stops the unpromising ones
        early, to reach as good an answer for less compute; <b className="method-treebon">TreeBoN</b> grows the
        answers as a tree, layer by layer, branching from the best partial answers, within Best-of-N&apos;s token budget
        (N × max length), of which it uses more. The methods run one after another on the same prompt, seed and
        memory budget; their lanes sit side by side, and the results say what each one cost in one figure.
      </p>
      {hasTaskModels && (
        <p data-testid="builtin-honesty">
          The built-in models are tiny and made for one toy task: a word model fitted to the Brown corpus (a million
          words of American English from 1961) that continues the start of a sentence
          {hasTaskReward ? ', and a positivity reward that averages the valence of the answer\'s words in the AFINN word list' : ''}.
          They do not chat, follow instructions or know facts, and their text is rough English at best: together they
          show the methods at work, not a useful assistant. For a real (small) chat model, pick SmolLM2-135M-Instruct
          from the hub below, or any ONNX model from the hub or a folder on this computer.
        </p>
      )}
      {onlyRandom && (
        <p data-testid="builtin-honesty">
          The built-in models have random weights: they test the machinery, their text means nothing. Pick
          SmolLM2-135M-Instruct from the hub below for real text.
        </p>
      )}
    </div>
  );
}
