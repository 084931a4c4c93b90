// Example prompts per kind of generator: chat prompts for instruction-tuned models, and for the
// built-in Brown-corpus models (the plain one and its tuned-positive variant) the sentence starts of
// their own task (they only continue text).
import { BUILTIN_GENERATOR_ID, BUILTIN_POSITIVE_GENERATOR_ID, POSITIVE_CONTINUATION_TASK } from '../../modelgen/builtin/task.ts';

export interface ExamplePrompt {
  readonly title: string;
  readonly prompt: string;
}

export interface PromptSet {
  /** The task the generator was made for, in one line; null for general (chat) models. */
  readonly task: { readonly title: string; readonly instruction: string } | null;
  readonly examples: readonly ExamplePrompt[];
  /**
   * N, max new tokens and KV budget (tokens) that suit these prompts: a budget of about N rows of a
   * quarter of the full length, so Best-of-N needs sequential batches and Speculative Rejection prunes.
   */
  readonly shape: RunShape;
}

export interface RunShape {
  readonly n: string;
  readonly maxNewTokens: string;
  readonly kvBudgetTokens: string;
}

/** Prompts that make the comparison easy to read: short answers, where a reward model has an opinion. */
export const EXAMPLE_PROMPTS: readonly ExamplePrompt[] = [
  { title: 'Kind reply', prompt: 'My friend failed an exam today. What should I tell them?' },
  { title: 'Explain', prompt: 'Explain in two sentences why the sky is blue.' },
  { title: 'Advice', prompt: 'Give me one tip for sleeping better.' },
  { title: 'Story', prompt: 'Write the first line of a happy story about a dog.' },
];

// Chat prompts take ~30-60 tokens with a chat template: 800 tokens hold 16 rows of ~50.
export const CHAT_PROMPTS: PromptSet = { task: null, examples: EXAMPLE_PROMPTS, shape: { n: '16', maxNewTokens: '48', kvBudgetTokens: '800' } };

export const BUILTIN_TASK_PROMPTS: PromptSet = {
  task: { title: POSITIVE_CONTINUATION_TASK.title, instruction: POSITIVE_CONTINUATION_TASK.instruction },
  // The sentence starts are short: each is its own chip label.
  examples: POSITIVE_CONTINUATION_TASK.examplePrompts.map((prompt) => ({ title: prompt, prompt })),
  // Sentence starts are ~5 tokens: 640 tokens hold 32 rows of ~20.
  shape: { n: '32', maxNewTokens: '64', kvBudgetTokens: '640' },
};

/** The built-in generators that only continue sentences: the Brown model and its tuned-positive variant. */
const SENTENCE_GENERATORS: readonly string[] = [BUILTIN_GENERATOR_ID, BUILTIN_POSITIVE_GENERATOR_ID];

/** The prompts that suit the loaded generator (by its id: a built-in, or a copy of its folder). */
export function promptSetFor(generatorId: string | null): PromptSet {
  return generatorId !== null && SENTENCE_GENERATORS.includes(generatorId) ? BUILTIN_TASK_PROMPTS : CHAT_PROMPTS;
}

/**
 * The prompt once a generator is loaded: an untouched example (or nothing) becomes the first example
 * of the new set; anything the user wrote stays.
 */
export function promptAfterLoad(current: string, next: PromptSet): string {
  const known = [...CHAT_PROMPTS.examples, ...BUILTIN_TASK_PROMPTS.examples].map((e) => e.prompt);
  const untouched = current.trim() === '' || known.includes(current);
  const fits = next.examples.some((e) => e.prompt === current);
  return untouched && !fits ? next.examples[0]?.prompt ?? current : current;
}

/** The run shape once a generator is loaded: the new set's, unless the user changed the current one. */
export function shapeAfterLoad(current: RunShape, next: PromptSet): RunShape {
  const same = (a: RunShape, b: RunShape) => a.n === b.n && a.maxNewTokens === b.maxNewTokens && a.kvBudgetTokens === b.kvBudgetTokens;
  const untouched = [CHAT_PROMPTS.shape, BUILTIN_TASK_PROMPTS.shape].some((known) => same(current, known));
  return untouched ? next.shape : current;
}
