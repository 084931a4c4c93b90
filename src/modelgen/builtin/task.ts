// The task the built-in models are for, and what the start screen says about them.

export const BUILTIN_GENERATOR_ID = 'builtin-brown-lm';
export const BUILTIN_REWARD_ID = 'builtin-afinn-reward';
/** The built-in generator tilted toward positive words; the plain one is its base (reference). */
export const BUILTIN_POSITIVE_GENERATOR_ID = 'builtin-brown-lm-positive';

export interface BuiltinTask {
  readonly id: string;
  readonly title: string;
  /** What the user asks for, in one sentence. */
  readonly instruction: string;
  /** Raw sentence starts (the generator has no chat template): each can turn out well or badly. */
  readonly examplePrompts: readonly string[];
}

export const POSITIVE_CONTINUATION_TASK: BuiltinTask = {
  id: 'positive-continuation',
  title: 'Positive continuation',
  instruction:
    'Generate a positive continuation of a sentence start: the generator writes, the positivity reward model picks.',
  // Every word here is in the generator's vocabulary (a test checks), so no prompt word is
  // lost to <unk>: American spelling, as in the corpus.
  examplePrompts: [
    'the weather today',
    'my friend said that',
    'when i opened the letter',
    'the new school',
    'after the meeting, the president',
    'her first day at work',
    'the doctor told me that',
    'our family',
    'the music last night',
    'when he came home',
    'the war',
    'this city',
  ],
};

export const BUILTIN_GENERATOR_LABEL = 'Brown corpus word model (built in)';
export const BUILTIN_GENERATOR_DESCRIPTION =
  'A word-level language model fitted when the app is built from the Brown corpus (about one million words of ' +
  'American English published in 1961: news, fiction, science, religion and more, 500 texts). It predicts the ' +
  'next word from the current one (a low-rank bigram model with exact corrections for the commonest word pairs) ' +
  'and from the topic of the words so far (averaged in its KV cache). Vocabulary: the 4,000 most frequent ' +
  'lowercased words plus punctuation; anything else is unknown. It writes rough, locally plausible English with ' +
  'no grammar beyond word pairs, no facts and no instruction following: it only continues a sentence start. ' +
  'About 3.5 MB.';

export const BUILTIN_POSITIVE_GENERATOR_LABEL = 'Brown corpus word model, tuned positive (built in)';
export const BUILTIN_POSITIVE_GENERATOR_DESCRIPTION =
  'The built-in Brown corpus model with every word made e^(valence/2) times likelier, valence being the one the ' +
  'built-in positivity reward gives it (its AFINN-165 rating, -5..+5, or a small fitted one): the policy that best ' +
  'trades the next word\'s positivity against staying close to the base ' +
  'model (KL-regularised, the objective DPO optimises), solved in closed form instead of trained. The plain Brown ' +
  'model is its base, so it comes with an implicit DPO reward, log π/π_base, for TreeBoN to prune by. About 3.5 MB.';

export const BUILTIN_REWARD_LABEL = 'AFINN positivity (built in)';
export const BUILTIN_REWARD_DESCRIPTION =
  'Scores how positive a response is: the mean valence of its words. Words in AFINN-165, a hand-rated list of ' +
  'about 3,300 English words, keep their rating from -5 (very negative) to +5 (very positive); the built-in ' +
  'word model\'s other words get a small valence (mostly within ±0.3) fitted from how the word model uses ' +
  'them, so answers that share no rated word still differ. Punctuation and unknown words count as neutral. ' +
  'It scores the response only, never the prompt. It reads words one at a time: it does not ' +
  'understand negation ("not good" scores as good), sarcasm, context or whether the text makes sense.';
