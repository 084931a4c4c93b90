// The shipped example prompt files parse with the study's reader, and the built-in task's sentence
// starts match the file the benchmark and README use.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { POSITIVE_CONTINUATION_TASK } from '../../src/modelgen/builtin/task.ts';
import { readPrompts } from '../study/prompts.ts';

const file = (name: string) => fileURLToPath(new URL(`../../examples/prompts/${name}`, import.meta.url));

describe('example prompt files', () => {
  it('read as prompt sets of the sizes their README gives', async () => {
    expect(await readPrompts(file('alpacafarm-eval-805.json'))).toHaveLength(805);
    const hh = await readPrompts(file('hh-rlhf-harmless-test-100.json'));
    expect(hh).toHaveLength(100);
    expect(hh.every((p) => p.includes('Human:') && p.trimEnd().endsWith('Assistant:'))).toBe(true);
    expect(await readPrompts(file('sentence-starts.json'))).toEqual(POSITIVE_CONTINUATION_TASK.examplePrompts);
  });
});
