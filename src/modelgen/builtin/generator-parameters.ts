// Fit the built-in generator from the corpus. Its next-token logits are
//   bias[w] + bigramInput[c]·bigramOutput[w] + correction[c][w] + topicOutput[w]·context
// where c is the current token and context is an attention-weighted mean of the topic
// vectors of every token so far (the part that lives in the KV cache). Attention weights
// are exp(salience[token] + recency * position): content words count, function words do not,
// and recent words count more.
import type { CorpusDocument } from './brown-corpus.ts';
import { countBigrams, countTermsPerDocument, countUnigrams, tokenizeDocument } from './corpus-counts.ts';
import { fitLowRankBigram } from './low-rank-bigram.ts';
import { fitSparseCorrection } from './sparse-correction.ts';
import { fitTopicVectors } from './topic-vectors.ts';
import { chooseVocabulary, countPreTokens } from './vocabulary.ts';
import { WordTokenizer } from './word-tokenizer.ts';

export interface GeneratorHyperparameters {
  /** Words in the vocabulary (besides specials and punctuation). */
  readonly words: number;
  readonly bigramRank: number;
  /** Exact bigram corrections per current token. */
  readonly corrections: number;
  /** Dirichlet prior of the bigram, in tokens. */
  readonly prior: number;
  /** Dirichlet prior of end-of-text, in tokens: small, so responses end where paragraphs did. */
  readonly endPrior: number;
  readonly topicDims: number;
  /** Tokens found in more than this share of the texts carry no topic. */
  readonly functionWordShare: number;
  /** Scale of the topic term in the logits. */
  readonly topicWeight: number;
  /** Attention salience per unit of log inverse document frequency. */
  readonly salienceWeight: number;
  /** Attention log-weight gained per position (recent words count more). */
  readonly recency: number;
  readonly seed: number;
}

/**
 * The shipped settings. The topic weight, salience and recency were chosen by held-out
 * perplexity (scripts/measure-builtin.ts prints it); rank and corrections trade size for it.
 */
export const BUILTIN_GENERATOR_HYPERPARAMETERS: GeneratorHyperparameters = {
  words: 4000,
  bigramRank: 64,
  corrections: 24,
  prior: 200,
  endPrior: 1,
  topicDims: 16,
  functionWordShare: 0.3,
  topicWeight: 2,
  salienceWeight: 0.5,
  recency: 0.05,
  seed: 20240917,
};

/** Salience of tokens that carry no topic: far below any content word's. */
export const FUNCTION_WORD_SALIENCE = -30;
/** Bias of the unknown token: never sampled. */
export const UNKNOWN_BIAS = -1e4;

export interface GeneratorParameters {
  readonly tokens: readonly string[];
  readonly bigramRank: number;
  readonly topicDims: number;
  readonly corrections: number;
  /** [vocab]: log unigram probability (UNKNOWN_BIAS for the unknown token). */
  readonly bias: Float32Array;
  /** [vocab x bigramRank] */
  readonly bigramInput: Float32Array;
  /** [vocab x bigramRank] */
  readonly bigramOutput: Float32Array;
  /** [vocab x corrections] next-token ids and logit corrections. */
  readonly correctionIndex: Int32Array;
  readonly correctionValue: Float32Array;
  /** [vocab x topicDims]: the unit topic vector each token puts in the cache (zero for function words). */
  readonly topicValue: Float32Array;
  /** [vocab x topicDims]: unit topic vectors times the topic weight. */
  readonly topicOutput: Float32Array;
  /** [vocab]: attention log-weight of each token. */
  readonly salience: Float32Array;
  readonly recency: number;
}

export function fitGenerator(documents: readonly CorpusDocument[], hp: GeneratorHyperparameters): GeneratorParameters {
  const tokens = chooseVocabulary(countPreTokens(documents.flatMap((d) => d.paragraphs)), hp.words);
  const tokenizer = new WordTokenizer(tokens);
  const vocab = tokens.length;
  const ids = documents.map((d) => tokenizeDocument(d, tokenizer));

  const unigrams = countUnigrams(ids, vocab);
  let total = 0;
  for (const n of unigrams) total += n;
  // Add-half smoothing keeps every probability positive (the bigram prior divides by it).
  const prob = unigrams.map((n) => (n + 0.5) / (total + 0.5 * vocab));
  const bias = Float32Array.from(prob, Math.log);
  bias[tokenizer.unkId] = UNKNOWN_BIAS;

  const bigrams = countBigrams(ids, vocab);
  const bigram = fitLowRankBigram(bigrams, prob, {
    rank: hp.bigramRank,
    prior: hp.prior,
    rowWeightPower: 0.5,
    colWeightPower: 0.75,
    seed: hp.seed,
  });
  const correction = fitSparseCorrection(bigrams, prob, hp.prior, bigram, hp.corrections, {
    id: tokenizer.eosId,
    prior: hp.endPrior,
  });

  const topics = fitTopicVectors(countTermsPerDocument(ids, vocab), prob, { dims: hp.topicDims, seed: hp.seed + 1 });
  const k = topics.dims;
  const topicValue = new Float32Array(vocab * k);
  const topicOutput = new Float32Array(vocab * k);
  const salience = new Float32Array(vocab);
  const specials = new Set(tokens.flatMap((t, id) => (t.startsWith(' ') ? [] : [id])));
  for (let w = 0; w < vocab; w++) {
    const df = topics.documentFrequency[w]!;
    const isFunctionWord = specials.has(w) || df > hp.functionWordShare * topics.documents || df === 0;
    salience[w] = isFunctionWord ? FUNCTION_WORD_SALIENCE : hp.salienceWeight * Math.log(topics.documents / df);
    if (isFunctionWord) continue;
    // Unit vectors: the topic term is a cosine similarity, so a word's pull towards itself is at
    // most topicWeight (raw LSA norms let bursty technical words like "af" repeat forever).
    let norm = 0;
    for (let j = 0; j < k; j++) norm += topics.vectors[w * k + j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < k; j++) {
      topicValue[w * k + j] = topics.vectors[w * k + j]! / norm;
      topicOutput[w * k + j] = (hp.topicWeight * topics.vectors[w * k + j]!) / norm;
    }
  }

  return {
    tokens,
    bigramRank: bigram.rank,
    topicDims: k,
    corrections: correction.width,
    bias,
    bigramInput: Float32Array.from(bigram.input),
    bigramOutput: Float32Array.from(bigram.output),
    correctionIndex: correction.index,
    correctionValue: correction.value,
    topicValue,
    topicOutput,
    salience,
    recency: hp.recency,
  };
}
