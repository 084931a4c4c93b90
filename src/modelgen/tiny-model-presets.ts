// The option sets of the tiny models that tests and the app share, so
// `.cache/test-models/*` (tests) and `public/models/*` (app) hold the same bytes.
import type { TinyClassifierOptions } from './tiny-classifier.ts';
import type { TinyLlamaOptions } from './tiny-llama.ts';

/** The generator (think of it as the DPO-tuned policy). */
export const TINY_GENERATOR_OPTIONS: TinyLlamaOptions = { seed: 1234 };

/**
 * The DPO reference: the generator's weights plus 10% noise. Close enough that the
 * per-token log ratio log(pi / pi_ref) is small, different enough that it is not zero.
 */
export const TINY_REFERENCE_OPTIONS: TinyLlamaOptions = { seed: 1234, perturbation: { seed: 5678, scale: 0.1 } };

export const TINY_REWARD_OPTIONS: TinyClassifierOptions = { seed: 4321 };
