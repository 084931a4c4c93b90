// A valence for every word of the generator's vocabulary, so that partial rewards stop being
// exact ties. AFINN-165 rates ~480 of the 4,000 words and leaves out the rest, mostly because
// they are neutral. Each word is described by the generator's own vectors (low-rank bigram input
// and output, LSA topic vector: 64 + 64 + 16 numbers), and a ridge regression maps them to
// AFINN's valence, every unrated word counting as 0 — so a word only moves away from 0 as far as
// the words it resembles are rated, which keeps neutral words near neutral. The regularisation
// is chosen by cross-validation on 4 of 5 deterministic folds; the fifth is held out to report
// how well the vectors predict valence. The shipped valences then keep AFINN's exact value for
// every word it rates, give every other word the regression's prediction (fitted on all words),
// and keep 0 for punctuation, "'s" and the specials. Frequent words ("the", "was") get a fitted
// value too: leaving the generator's function words at 0, tried while choosing, still left 29% of
// the 8-token partial scores in scripts/measure-builtin.ts tied (0% with them fitted).
import { pearson } from '../../core/stats.ts';
import type { GeneratorParameters } from './generator-parameters.ts';
import { tokenValence } from './positive-tilt.ts';
import { ridgeProblem, type RidgeProblem } from './ridge-regression.ts';

/** Regularisation strengths tried, on standardised features. */
export const VALENCE_RIDGE_LAMBDAS: readonly number[] = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000];
export const VALENCE_FOLDS = 5;

export interface HeldOutValenceFit {
  /** Words in the held-out fold, and how many of them AFINN rates. */
  readonly words: number;
  readonly ratedWords: number;
  /** Pearson of prediction and AFINN valence over the held-out rated words. */
  readonly pearsonRated: number;
  /** Pearson over every held-out word (unrated ones at 0). */
  readonly pearsonAll: number;
}

export interface WordValences {
  /** Per generator token id. */
  readonly valence: Float64Array;
  /** Where each value comes from, per token id. */
  readonly source: readonly ('afinn' | 'fitted' | 'neutral')[];
  readonly lambda: number;
  readonly heldOut: HeldOutValenceFit;
}

/** Each token's vectors in the generator, row-major [vocab x (2 bigramRank + topicDims)]. */
export function wordVectors(p: GeneratorParameters): { features: Float64Array; width: number } {
  const { bigramRank: r, topicDims: k } = p;
  const width = 2 * r + k;
  const features = new Float64Array(p.tokens.length * width);
  for (let id = 0; id < p.tokens.length; id++) {
    const row = id * width;
    for (let j = 0; j < r; j++) features[row + j] = p.bigramInput[id * r + j]!;
    for (let j = 0; j < r; j++) features[row + r + j] = p.bigramOutput[id * r + j]!;
    for (let j = 0; j < k; j++) features[row + 2 * r + j] = p.topicValue[id * k + j]!;
  }
  return { features, width };
}

function rowsOf(features: Float64Array, width: number, ids: readonly number[]): Float64Array {
  const out = new Float64Array(ids.length * width);
  ids.forEach((id, i) => out.set(features.subarray(id * width, (id + 1) * width), i * width));
  return out;
}

interface Dataset {
  readonly features: Float64Array;
  readonly width: number;
  /** AFINN valence per token id, 0 when unrated. */
  readonly target: Float64Array;
}

function problemOn(data: Dataset, train: readonly number[]): RidgeProblem {
  const targets = Float64Array.from(train, (id) => data.target[id]!);
  return ridgeProblem(rowsOf(data.features, data.width, train), train.length, data.width, targets);
}

function predictOn(data: Dataset, problem: RidgeProblem, lambda: number, ids: readonly number[]): Float64Array {
  return problem.fit(lambda).predict(rowsOf(data.features, data.width, ids), ids.length);
}

/** The lambda of least mean squared error, cross-validated over `folds` (the first wins a tie). */
function chooseLambda(data: Dataset, folds: readonly (readonly number[])[]): number {
  const errors = VALENCE_RIDGE_LAMBDAS.map(() => 0);
  folds.forEach((validation, f) => {
    const problem = problemOn(data, folds.flatMap((fold, g) => (g === f ? [] : fold)));
    VALENCE_RIDGE_LAMBDAS.forEach((lambda, l) => {
      const predicted = predictOn(data, problem, lambda, validation);
      validation.forEach((id, i) => (errors[l]! += (predicted[i]! - data.target[id]!) ** 2));
    });
  });
  return VALENCE_RIDGE_LAMBDAS[errors.indexOf(Math.min(...errors))]!;
}

export function fitWordValences(p: GeneratorParameters, afinn: Readonly<Record<string, number>>): WordValences {
  const { features, width } = wordVectors(p);
  const data: Dataset = { features, width, target: Float64Array.from(p.tokens, (t) => tokenValence(t, afinn)) };
  const isWord = (t: string) => t.startsWith(' ') && t.length > 1;
  // Alphabetical order, dealt round-robin: folds mix frequent and rare words, independent of the corpus order.
  const words = p.tokens.flatMap((t, id) => (isWord(t) ? [id] : [])).sort((a, b) => (p.tokens[a]! < p.tokens[b]! ? -1 : 1));
  const folds = Array.from({ length: VALENCE_FOLDS }, (_, f) => words.filter((_, i) => i % VALENCE_FOLDS === f));
  const [heldOut, ...rest] = folds as [number[], ...number[][]];

  const lambda = chooseLambda(data, rest);
  const heldOutPrediction = predictOn(data, problemOn(data, rest.flat()), lambda, heldOut);
  const rated = heldOut.flatMap((id, i) => (data.target[id] !== 0 ? [i] : []));
  const fit: HeldOutValenceFit = {
    words: heldOut.length,
    ratedWords: rated.length,
    pearsonRated: pearson(rated.map((i) => heldOutPrediction[i]!), rated.map((i) => data.target[heldOut[i]!]!)),
    pearsonAll: pearson([...heldOutPrediction], heldOut.map((id) => data.target[id]!)),
  };

  const allIds = p.tokens.map((_, id) => id);
  const predicted = predictOn(data, problemOn(data, words), lambda, allIds);
  const source = p.tokens.map((t) => {
    if (isWord(t) && Object.hasOwn(afinn, t.slice(1))) return 'afinn' as const;
    return isWord(t) ? ('fitted' as const) : ('neutral' as const);
  });
  const valence = Float64Array.from(allIds, (id) =>
    source[id] === 'afinn' ? data.target[id]! : source[id] === 'fitted' ? predicted[id]! : 0,
  );
  return { valence, source, lambda, heldOut: fit };
}
