// transformers.js's own generate(), greedy, over chat-formatted prompts with left padding: the
// reference our decode loop is checked against, on any model folder. Tests only.
import { AutoModelForCausalLM, AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { withModelSource } from '../models/sources.ts';

/** The new tokens generate() writes for each prompt (greedy, `steps` at most). */
export function greedyGenerate(folder: string, prompts: readonly string[], steps: number, dtype: 'fp32' | 'fp16' = 'fp32'): Promise<number[][]> {
  return withModelSource({ kind: 'path', path: folder }, async ({ modelId }) => {
    const model = await AutoModelForCausalLM.from_pretrained(modelId, { device: 'cpu', dtype });
    const tokenizer = await AutoTokenizer.from_pretrained(modelId);
    tokenizer.padding_side = 'left';
    const texts = prompts.map(
      (p) => tokenizer.apply_chat_template([{ role: 'user', content: p }], { add_generation_prompt: true, tokenize: false }) as string,
    );
    const inputs = tokenizer(texts, { padding: true, add_special_tokens: false });
    const output = (await model.generate({ ...inputs, max_new_tokens: steps, do_sample: false })) as Tensor;
    const width = (inputs.input_ids as Tensor).dims[1] as number;
    await model.dispose();
    return (output.tolist() as bigint[][]).map((row) => row.slice(width).map(Number));
  });
}

/** Tokens up to and including the first stop token (what both loops agree on; after it they may differ). */
export function untilStop(tokens: readonly number[], stops: readonly number[]): number[] {
  const end = tokens.findIndex((t) => stops.includes(t));
  return end < 0 ? [...tokens] : tokens.slice(0, end + 1);
}
