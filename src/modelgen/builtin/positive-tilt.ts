// The built-in generator "tuned" toward positive words, in closed form rather than by training:
// every word's logit is raised by its valence / beta, so at each step
//   pi(w | context) ∝ pi_base(w | context) · exp(valence(w) / beta),
// the policy that maximises the expected valence of the next word minus beta · KL(pi || pi_base) —
// the solution of the KL-regularised objective that DPO also optimises, taken one word at a time.
// Its implicit reward against the base, log pi/pi_base = valence/beta − log Z(context), is what
// TreeBoN's partial score reads. The shipped model uses the built-in reward model's own valences
// (AFINN's, and fitted ones for the words AFINN does not rate: word-valence.ts), so it is the
// per-word optimum for the reward it is paired with.
import type { GeneratorParameters } from './generator-parameters.ts';

/** Strength of the tilt: a word of valence +3 becomes e^(3/2) ≈ 4.5 times likelier than under the base. */
export const POSITIVE_TILT_BETA = 2;

/** Valence of a generator token (" word" -> afinn["word"]); 0 for punctuation, specials and unrated words. */
export function tokenValence(token: string, afinn: Readonly<Record<string, number>>): number {
  if (!token.startsWith(' ')) return 0;
  const word = token.slice(1);
  return Object.hasOwn(afinn, word) ? afinn[word]! : 0;
}

/** The same model with each token's output bias raised by `valence[id]` / beta. */
export function tiltTowardValence(
  p: GeneratorParameters,
  valence: ArrayLike<number>,
  beta: number = POSITIVE_TILT_BETA,
): GeneratorParameters {
  if (!(beta > 0)) throw new Error(`tiltTowardValence: beta must be positive (got ${beta})`);
  if (valence.length !== p.tokens.length) throw new Error('tiltTowardValence: one valence per token');
  const bias = Float32Array.from(p.bias, (b, id) => b + valence[id]! / beta);
  return { ...p, bias };
}
