// Held-out perplexity of a fitted generator: how well it predicts texts it was not fitted on.
// Each prediction sees the tokens since the start of its paragraph, as a response sees its
// prompt. Targets that are <unk> are skipped (the model never emits it).
import type { CorpusDocument } from './brown-corpus.ts';
import { tokenizeDocument } from './corpus-counts.ts';
import type { GeneratorParameters } from './generator-parameters.ts';
import { referenceLogProb } from './generator-reference.ts';
import { WordTokenizer } from './word-tokenizer.ts';

/** Every `every`-th document (from `offset`) is held out; the rest is for fitting. */
export function splitHeldOut(
  documents: readonly CorpusDocument[],
  every = 25,
  offset = 7,
): { fit: CorpusDocument[]; heldOut: CorpusDocument[] } {
  return {
    fit: documents.filter((_, i) => i % every !== offset),
    heldOut: documents.filter((_, i) => i % every === offset),
  };
}

export interface Perplexity {
  readonly perplexity: number;
  readonly positions: number;
}

/** Perplexity over every `stride`-th eligible position of `documents`. */
export function heldOutPerplexity(
  params: GeneratorParameters,
  documents: readonly CorpusDocument[],
  stride = 10,
): Perplexity {
  const tokenizer = new WordTokenizer(params.tokens);
  let logLikelihood = 0;
  let positions = 0;
  let eligible = 0;
  for (const document of documents) {
    const ids = Array.from(tokenizeDocument(document, tokenizer));
    let start = 0;
    for (let i = 0; i + 1 < ids.length; i++) {
      if (ids[i] === tokenizer.eosId) {
        start = i + 1;
        continue;
      }
      if (ids[i + 1] === tokenizer.unkId || eligible++ % stride !== 0) continue;
      const paragraph = ids.slice(start, i + 2);
      logLikelihood += referenceLogProb(params, paragraph, i - start);
      positions++;
    }
  }
  return { perplexity: Math.exp(-logLikelihood / positions), positions };
}

/**
 * The fitted model and its parts, from word frequencies alone up to the shipped model: the
 * same parameters with later terms zeroed.
 */
export function termAblations(p: GeneratorParameters): { readonly name: string; readonly params: GeneratorParameters }[] {
  const zeros = (a: Float32Array) => new Float32Array(a.length);
  const noTopic = { ...p, topicOutput: zeros(p.topicOutput) };
  const noCorrection = { ...noTopic, correctionValue: zeros(p.correctionValue) };
  return [
    { name: 'unigram', params: { ...noCorrection, bigramInput: zeros(p.bigramInput) } },
    { name: 'low-rank bigram', params: noCorrection },
    { name: '+ exact corrections', params: noTopic },
    { name: '+ topic memory (shipped)', params: p },
  ];
}
