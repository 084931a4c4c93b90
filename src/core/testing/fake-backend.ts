// FAKE models for pure-logic tests of the engine: no weights, no onnxruntime. They implement the
// backend contract deterministically so the algorithms can be checked exactly; the real models are
// tested elsewhere on tiny generated ONNX files. Next-token logits depend on the row's whole token
// history, so a row that got another row's cache (a selectRows bug) samples different tokens.
import type { DecodeBatch, Generator, GeneratorInfo, ScoreRequest, ScoreResult, Scorer, StreamedReward } from '../backend.ts';
import { logSoftmaxAt } from '../logSoftmax.ts';
import { mix32 } from '../random.ts';

export interface FakeGeneratorOptions {
  readonly vocabSize?: number;
  readonly stopTokenIds?: readonly number[];
  readonly kvBytesPerToken?: number;
  /** Stop-token logit for an empty sequence, and its rise per token of the sequence (ends get likelier with length). */
  readonly stopBias?: number;
  readonly stopRise?: number;
  /** Report a padded cache: rows share one width, rounded up to a multiple of this (a backend allocating in blocks). */
  readonly padTo?: number;
  readonly maxPositions?: number;
  /** A size to report, for the FLOPs estimate. */
  readonly parameters?: number;
  /** Another model over the same vocabulary: different logits (a DPO reference for the streamed reward). */
  readonly salt?: number;
  /** Called after every append, e.g. to fire an abort signal at a chosen step. */
  readonly onAppend?: (appendsSoFar: number) => void;
}

export interface FakeStats {
  prefills: number;
  appends: number;
  selects: number;
  disposes: number;
  liveBatches: number;
  /** Rows of every append call, in order. */
  appendRows: number[];
  /** Most cache positions held at once over all live batches (rows x width when padded, else the sum of lengths). */
  peakCacheTokens: number;
}

export function hashTokens(tokens: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const t of tokens) h = mix32(h ^ t);
  return h;
}

export class FakeGenerator implements Generator {
  readonly info: GeneratorInfo;
  readonly stats: FakeStats = { prefills: 0, appends: 0, selects: 0, disposes: 0, liveBatches: 0, appendRows: [], peakCacheTokens: 0 };
  /** Batches not yet disposed, for the peak memory they hold together. */
  readonly live = new Set<FakeBatch>();

  constructor(readonly options: FakeGeneratorOptions = {}) {
    this.info = {
      id: 'fake-generator',
      vocabSize: options.vocabSize ?? 16,
      stopTokenIds: options.stopTokenIds ?? [0],
      kvBytesPerToken: options.kvBytesPerToken ?? 64,
      ...(options.maxPositions !== undefined && { maxPositions: options.maxPositions }),
      ...(options.parameters !== undefined && { parameters: options.parameters }),
    };
  }

  encodePrompt(prompt: string): number[] {
    // Word ids avoid the stop tokens: 1 + hash mod (vocab - 1).
    return prompt.split(/\s+/).filter(Boolean).map((w) => 1 + (hashTokens([...w].map((ch) => ch.charCodeAt(0))) % (this.info.vocabSize - 1)));
  }

  decode(tokenIds: readonly number[]): string {
    return tokenIds.filter((t) => !this.info.stopTokenIds.includes(t)).map((t) => `w${t}`).join(' ');
  }

  async prefill(sequences: readonly (readonly number[])[]): Promise<DecodeBatch> {
    this.stats.prefills++;
    this.stats.liveBatches++;
    const batch = new FakeBatch(this, sequences.map((s) => [...s]));
    this.live.add(batch);
    this.observeCache();
    return batch;
  }

  /** Records the cache positions every live batch holds now (called after each change). */
  observeCache(): void {
    let tokens = 0;
    for (const batch of this.live) tokens += batch.cacheWidth === undefined ? batch.lengths.reduce((a, b) => a + b, 0) : batch.rows * batch.cacheWidth;
    this.stats.peakCacheTokens = Math.max(this.stats.peakCacheTokens, tokens);
  }

  /** Fills `out` with the next-token logits after `sequence` (prompt + response): a function of the sequence alone, as in a real model. */
  logitsAfter(sequence: readonly number[], out: Float32Array): void {
    const h = hashTokens(sequence) ^ (this.options.salt ?? 0);
    for (let v = 0; v < this.info.vocabSize; v++) out[v] = ((mix32(h ^ mix32(v)) & 0xffff) / 65536) * 4 - 2;
    const stop = (this.options.stopBias ?? -4) + (this.options.stopRise ?? 0.15) * sequence.length;
    for (const s of this.info.stopTokenIds) out[s] = stop;
  }
}

class FakeBatch implements DecodeBatch {
  private logits: Float32Array;
  private logitsValid = true;
  private disposed = false;

  constructor(private readonly generator: FakeGenerator, private sequences: number[][]) {
    this.logits = new Float32Array(0);
    this.refresh();
  }

  get rows(): number {
    return this.sequences.length;
  }

  get lengths(): readonly number[] {
    return this.sequences.map((s) => s.length);
  }

  get cacheWidth(): number | undefined {
    const block = this.generator.options.padTo;
    return block === undefined ? undefined : Math.ceil(Math.max(0, ...this.lengths) / block) * block;
  }

  get nextLogits(): Float32Array {
    this.check();
    if (!this.logitsValid) throw new Error('fake batch: nextLogits read after selectRows, before append');
    return this.logits;
  }

  async append(tokens: readonly number[]): Promise<void> {
    this.check();
    if (tokens.length !== this.rows) throw new Error(`fake batch: ${tokens.length} tokens for ${this.rows} rows`);
    tokens.forEach((t, r) => this.sequences[r]!.push(t));
    this.refresh();
    this.generator.observeCache();
    const stats = this.generator.stats;
    stats.appends++;
    stats.appendRows.push(this.rows);
    this.generator.options.onAppend?.(stats.appends);
  }

  async selectRows(rows: readonly number[]): Promise<void> {
    this.check();
    for (const r of rows) if (!Number.isInteger(r) || r < 0 || r >= this.rows) throw new Error(`fake batch: no row ${r}`);
    this.sequences = rows.map((r) => [...this.sequences[r]!]);
    this.logitsValid = false;
    this.generator.observeCache();
    this.generator.stats.selects++;
  }

  async dispose(): Promise<void> {
    this.check();
    this.disposed = true;
    this.generator.live.delete(this);
    this.generator.stats.disposes++;
    this.generator.stats.liveBatches--;
  }

  private check(): void {
    if (this.disposed) throw new Error('fake batch: used after dispose');
  }

  private refresh(): void {
    const vocab = this.generator.info.vocabSize;
    this.logits = new Float32Array(this.rows * vocab);
    this.sequences.forEach((s, r) => this.generator.logitsAfter(s, this.logits.subarray(r * vocab, (r + 1) * vocab)));
    this.logitsValid = true;
  }
}

/** A FAKE reward model: each word has a fixed value; the score is their sum over sqrt(words + 1). */
export class FakeScorer implements Scorer {
  readonly label: string;
  calls = 0;
  scored = 0;

  constructor(readonly id = 'fake-scorer', private readonly salt = 0, readonly parameters?: number) {
    this.label = `fake scorer ${id}`;
  }

  wordValue(word: string): number {
    return ((mix32(hashTokens([...word].map((ch) => ch.charCodeAt(0))) ^ this.salt) & 0xff) / 255) * 2 - 1;
  }

  scoreText(response: string): number {
    const words = response.split(' ').filter(Boolean);
    return words.reduce((sum, w) => sum + this.wordValue(w), 0) / Math.sqrt(words.length + 1);
  }

  async score(requests: readonly ScoreRequest[]): Promise<ScoreResult> {
    this.calls++;
    this.scored += requests.length;
    const scores = requests.map((r) => this.scoreText(r.response));
    const perRequest = requests.map((r) => r.prompt.split(' ').length + r.response.split(' ').length);
    return { scores, tokens: perRequest.reduce((a, b) => a + b, 0), perRequest };
  }
}

/**
 * A FAKE implicit reward: sum_k w_k (log p_policy(y_k) - log p_reference(y_k)) over the response's
 * token ids, the policy being the generator. `score` recomputes it from scratch (the reference the
 * streamed path must equal); `streamed` lets the engine keep it up to date while decoding.
 */
export class FakeImplicitReward implements Scorer {
  readonly id = 'fake-implicit';
  readonly label = 'fake implicit reward';
  readonly streamed: StreamedReward;
  calls = 0;

  constructor(private readonly policy: FakeGenerator, readonly reference: FakeGenerator) {
    this.streamed = { reference, weight: (k) => 1 / (k + 1) };
  }

  async score(requests: readonly ScoreRequest[]): Promise<ScoreResult> {
    this.calls++;
    const vocab = this.policy.info.vocabSize;
    const p = new Float32Array(vocab);
    const q = new Float32Array(vocab);
    const perRequest = requests.map((r) => 2 * (this.policy.encodePrompt(r.prompt).length + (r.responseTokenIds?.length ?? 0)));
    const scores = requests.map((r) => {
      const prompt = this.policy.encodePrompt(r.prompt);
      const ids = r.responseTokenIds ?? [];
      let sum = 0;
      ids.forEach((token, k) => {
        const before = [...prompt, ...ids.slice(0, k)];
        this.policy.logitsAfter(before, p);
        this.reference.logitsAfter(before, q);
        sum += (logSoftmaxAt(p, token) - logSoftmaxAt(q, token)) / (k + 1);
      });
      return sum;
    });
    return { scores, tokens: perRequest.reduce((a, b) => a + b, 0), perRequest };
  }
}
