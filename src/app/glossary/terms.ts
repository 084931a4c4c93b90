// Every term the page uses that a reader may not know, in one place: the glossary tooltips (Term.tsx)
// and the glossary list in the header read these words. A definition says what the word means here.

export const TERMS = {
  'best-of-n': {
    label: 'Best-of-N',
    text: 'Sample N complete answers, score each with the reward model, keep the highest. Every answer runs to its end.',
  },
  'speculative-rejection': {
    label: 'Speculative Rejection',
    text: 'Sun et al., NeurIPS 2024. Start many answers; each time the KV budget is full, score the unfinished answers and stop the lowest-scoring fraction α. The answer is the best complete response.',
  },
  treebon: {
    label: 'TreeBoN',
    text: 'Qiu et al., 2024 (arXiv 2410.16033). Grow answers layer by layer: at each layer\'s end the best N ÷ children partial answers become parents and each spawns children, so N candidates are written at every layer.',
  },
  'the-paper': {
    label: 'the paper',
    text: 'The Speculative Rejection paper: Sun et al., "Fast Best-of-N Decoding via Speculative Rejection", NeurIPS 2024, and its reference code. Its setting: decide whenever the KV budget is full, and start as many candidates as that memory holds.',
  },
  candidate: {
    label: 'candidate',
    text: 'One answer being written for the prompt. Each has a number (#) and samples from its own random stream.',
  },
  'kv-cache': {
    label: 'KV cache',
    text: 'The keys and values of every token already read, kept per layer so that each new token costs one step instead of re-reading the whole text. It grows with rows × tokens: 2 × layers × KV heads × head size × bytes per number, for each token.',
  },
  'kv-budget': {
    label: 'KV budget',
    text: 'The most KV cache the batch may hold at once, in tokens summed over all rows (prompt + answer so far). No method here ever holds more.',
  },
  prefill: {
    label: 'prefill',
    text: 'Reading the prompt (or a prefix being started again) into the KV cache in one pass, before decoding. Identical rows are read once.',
  },
  'decoded-tokens': {
    label: 'tokens decoded',
    text: 'New tokens the generator sampled: one per row being written, per step.',
  },
  'reward-model-tokens': {
    label: 'reward-model tokens',
    text: 'Tokens the reward models read. A classifier re-reads each scored text in full, at every decision; the implicit DPO reward is streamed and reads each new token once.',
  },
  'total-compute': {
    label: 'total compute',
    text: 'One figure for what a method cost: FLOPs ≈ 2 × parameters × tokens, added over the generator (tokens decoded + prefill tokens) and each reward model (the tokens it read).',
  },
  'wall-time': {
    label: 'wall time',
    text: 'Time on this machine from the method\'s start to its answer. The methods run one after another, so each has the machine to itself.',
  },
  n: {
    label: 'N',
    text: 'How many answers each method samples. Speculative Rejection may start more (same memory) or fewer (when N rows do not fit the KV budget); TreeBoN writes N at every layer.',
  },
  'max-new-tokens': {
    label: 'max new tokens',
    text: 'The longest answer, in tokens. An answer also ends when the model writes a stop token.',
  },
  temperature: {
    label: 'temperature',
    text: 'Divides the model\'s scores before sampling: below 1 the next token is more predictable, above 1 more varied; 0 always takes the likeliest token.',
  },
  'top-k': {
    label: 'top-k',
    text: 'Sample each next token only from the k likeliest ones (0: no limit).',
  },
  'top-p': {
    label: 'top-p',
    text: 'Nucleus sampling: sample only from the fewest likeliest tokens whose probabilities add up to p (1: no limit).',
  },
  seed: {
    label: 'seed',
    text: 'Each candidate draws from its own random stream, made from the seed and its number: the same seed gives the same answers in every method.',
  },
  alpha: {
    label: 'α',
    text: 'The fraction Speculative Rejection rejects at each decision: it keeps round((1 − α) × pool) (halves to even), at least 1.',
  },
  'decision-point': {
    label: 'decision point',
    text: 'Where Speculative Rejection scores every candidate of the pool and rejects a fraction α. When the budget decides, it comes when every row still being written fills its share of the KV budget: at ⌊budget ÷ rows⌋ − prompt tokens, the rows counted when the round starts.',
  },
  pool: {
    label: 'pool',
    text: 'What a decision ranks: the answers still being written and the complete answers kept so far. Complete answers compete with their whole text.',
  },
  'partial-reward': {
    label: 'partial reward',
    text: 'The reward model\'s score of an unfinished answer, scored as if it were complete.',
  },
  'final-reward': {
    label: 'final reward',
    text: 'The reward model\'s score of a complete answer. Only complete answers can win.',
  },
  reward: {
    label: 'reward',
    text: 'The reward model\'s score, in its own units: not a probability or a percentage. Only differences between answers matter.',
  },
  'implicit-dpo': {
    label: 'implicit DPO reward',
    text: 'How much likelier the tuned model finds each token of the answer than its base model does: Σₖ wₖ log π(yₖ) / π_base(yₖ), with wₖ = 1/(k+1) (TreeBoN\'s weighting). DPO training makes this log-ratio the reward the model was tuned toward, so it needs no separate reward model.',
  },
  'tie-break': {
    label: 'ties',
    text: 'Answers with equal rewards are ordered by candidate number, the lower first: at every decision and for the winner.',
  },
  'same-n': {
    label: 'same N',
    text: 'Speculative Rejection starts with Best-of-N\'s N candidates: does pruning them save compute?',
  },
  'same-memory': {
    label: 'same memory',
    text: 'Speculative Rejection starts as many candidates as the KV budget holds for a first round of 8 tokens (the paper\'s comparison): what does the same GPU buy?',
  },
  'cut-for-memory': {
    label: 'cut for memory',
    text: 'Survivors α would have kept that were rejected anyway, because their next token would not fit the KV budget.',
  },
  'sequential-batches': {
    label: 'sequential batches',
    text: 'Best-of-N writes as many full-length answers at once as the KV budget holds, then the next batch, until N are done.',
  },
  layer: {
    label: 'layer',
    text: 'TreeBoN splits max new tokens into layers; at the end of each, every candidate is scored and the best become parents of the next layer\'s candidates.',
  },
  'pearson-r': {
    label: 'r',
    text: 'Pearson\'s r: how closely a straight line relates partial and final rewards, from −1 to 1 (0: unrelated).',
  },
  'kendall-tau': {
    label: 'τ',
    text: 'Kendall\'s τ (tau-b): how often two answers are ordered alike by their partial and by their final rewards, from −1 to 1. Keeping the best ranked answers depends on this.',
  },
  flops: {
    label: 'FLOPs',
    text: 'Floating-point operations. A model of P parameters costs about 2 × P FLOPs per token it reads or writes.',
  },
} as const satisfies Record<string, { readonly label: string; readonly text: string }>;

export type TermId = keyof typeof TERMS;

export const TERM_IDS = Object.keys(TERMS) as TermId[];
