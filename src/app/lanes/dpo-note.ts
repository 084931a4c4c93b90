// SmolLM2-135M-Instruct was DPO-trained from an SFT checkpoint, not from SmolLM2-135M: scored against
// that base, its log-ratio only approximates the DPO implicit reward. Said wherever the app offers or
// runs that pair.

export const SMOLLM_DPO_NOTE =
  'SmolLM2-135M-Instruct was DPO-trained from a supervised fine-tuned (SFT) checkpoint, not from SmolLM2-135M: against that base, log π/π_base is only an approximation of its implicit DPO reward.';

const INSTRUCT = /smollm2-135m-instruct/i;
const BASE = /smollm2-135m(?!-instruct)/i;

/** Whether the generator is SmolLM2-135M-Instruct scored by an implicit DPO reward against SmolLM2-135M. */
export function isApproximateSmolPair(
  generatorId: string | null | undefined,
  scorers: readonly { readonly id: string; readonly label: string; readonly kind: string }[],
): boolean {
  if (!generatorId || !INSTRUCT.test(generatorId)) return false;
  return scorers.some((s) => s.kind === 'implicit-dpo' && (BASE.test(s.id) || BASE.test(s.label)));
}
