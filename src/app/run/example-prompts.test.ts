import { describe, expect, it } from 'vitest';
import { POSITIVE_CONTINUATION_TASK } from '../../modelgen/builtin/task.ts';
import { BUILTIN_TASK_PROMPTS, CHAT_PROMPTS, EXAMPLE_PROMPTS, promptAfterLoad, promptSetFor, shapeAfterLoad } from './example-prompts.ts';

describe('example prompts', () => {
  it('offers the built-in task\'s sentence starts for both built-in generators, chat prompts otherwise', () => {
    expect(promptSetFor('builtin-brown-lm')).toBe(BUILTIN_TASK_PROMPTS);
    // The tuned pair's generator only continues sentences too.
    expect(promptSetFor('builtin-brown-lm-positive')).toBe(BUILTIN_TASK_PROMPTS);
    expect(BUILTIN_TASK_PROMPTS.examples.map((e) => e.prompt)).toEqual(POSITIVE_CONTINUATION_TASK.examplePrompts);
    expect(BUILTIN_TASK_PROMPTS.task?.instruction).toMatch(/positive continuation/);
    expect(promptSetFor('HuggingFaceTB/SmolLM2-135M-Instruct')).toBe(CHAT_PROMPTS);
    expect(promptSetFor(null)).toBe(CHAT_PROMPTS);
  });

  it('swaps an untouched example for the new set\'s first, and keeps what the user wrote', () => {
    const chat = EXAMPLE_PROMPTS[1]!.prompt;
    const first = POSITIVE_CONTINUATION_TASK.examplePrompts[0]!;
    expect(promptAfterLoad(chat, BUILTIN_TASK_PROMPTS)).toBe(first);
    expect(promptAfterLoad('', BUILTIN_TASK_PROMPTS)).toBe(first);
    expect(promptAfterLoad(first, CHAT_PROMPTS)).toBe(EXAMPLE_PROMPTS[0]!.prompt);
    expect(promptAfterLoad(POSITIVE_CONTINUATION_TASK.examplePrompts[3]!, BUILTIN_TASK_PROMPTS)).toBe(POSITIVE_CONTINUATION_TASK.examplePrompts[3]);
    expect(promptAfterLoad('my own words', BUILTIN_TASK_PROMPTS)).toBe('my own words');
  });

  it('switches N, length and KV budget with the generator unless the user changed them', () => {
    expect(shapeAfterLoad(CHAT_PROMPTS.shape, BUILTIN_TASK_PROMPTS)).toEqual(BUILTIN_TASK_PROMPTS.shape);
    expect(shapeAfterLoad(BUILTIN_TASK_PROMPTS.shape, CHAT_PROMPTS)).toEqual(CHAT_PROMPTS.shape);
    const mine = { ...CHAT_PROMPTS.shape, kvBudgetTokens: '5000' };
    expect(shapeAfterLoad(mine, BUILTIN_TASK_PROMPTS)).toBe(mine);
  });
});
