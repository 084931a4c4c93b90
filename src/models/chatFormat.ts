// How prompts and responses become token ids: the model's own chat template when it has one,
// otherwise the raw text (with whatever special tokens the tokenizer adds, e.g. BOS).
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { promptMessages } from './conversation.ts';

export function hasChatTemplate(tokenizer: PreTrainedTokenizer): boolean {
  return tokenizer.chat_template !== null && tokenizer.chat_template !== undefined;
}

/** Token ids of a user prompt (or an HH-style transcript: see conversation.ts) ready for the assistant's reply. */
export function encodePrompt(tokenizer: PreTrainedTokenizer, prompt: string): number[] {
  if (!hasChatTemplate(tokenizer)) return tokenizer.encode(prompt);
  const text = tokenizer.apply_chat_template(promptMessages(prompt), {
    add_generation_prompt: true,
    tokenize: false,
  }) as string;
  // The template writes its own special tokens (BOS included when it wants one).
  return tokenizer.encode(text, { add_special_tokens: false });
}

/** Response text of generated ids, special tokens (end of turn, padding) left out. */
export function decodeResponse(tokenizer: PreTrainedTokenizer, ids: readonly number[]): string {
  return ids.length === 0 ? '' : tokenizer.decode([...ids], { skip_special_tokens: true });
}

/** End-of-turn markers of common chat formats (ChatML, Llama 3, Phi 3, Gemma). */
const END_OF_TURN_TOKENS = ['<|im_end|>', '<|eot_id|>', '<|end|>', '<end_of_turn>', '<|endoftext|>'];

/**
 * Ids that end a response: generation_config's eos_token_id (a number or a list), the tokenizer's
 * eos, and end-of-turn tokens the tokenizer knows as special tokens.
 */
export function stopTokenIds(tokenizer: PreTrainedTokenizer, generationEos: unknown): number[] {
  const ids = new Set<number>();
  const add = (value: unknown) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) ids.add(value);
  };
  if (Array.isArray(generationEos)) generationEos.forEach(add);
  else add(generationEos);
  add(tokenizer.eos_token_id);
  const special = new Set(tokenizer.all_special_ids);
  for (const token of END_OF_TURN_TOKENS) {
    const id = tokenizer.convert_tokens_to_ids(token);
    if (typeof id === 'number' && special.has(id)) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
