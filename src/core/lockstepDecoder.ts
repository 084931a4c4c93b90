// A batch of candidates decoding in lockstep on the generator's KV cache. One step samples one token
// for every row (each row from its candidate's own stream), ends rows on a stop token or max length,
// drops ended rows from the cache, and feeds the sampled tokens back on the next step, so rows cut at
// a decision point never cost a forward pass for their last token. Streamed rewards (the implicit
// DPO reward) ride along: the reference model's rows are prefilled, fed, selected and dropped with the
// generator's, and each sampled token adds its weighted log-ratio to the candidate's running reward.
import type { DecodeBatch } from './backend.ts';
import type { Candidate } from './candidate.ts';
import { batchKvBytes } from './memory.ts';
import type { MethodContext } from './methodContext.ts';
import { sampleRows } from './sampling.ts';
import { logSoftmaxAt } from './logSoftmax.ts';

/** A streamed reward's reference rows, beside the generator's. */
interface Companion {
  /** Index of the scorer among the run's scorers. */
  readonly scorer: number;
  readonly weight: (k: number) => number;
  readonly batch: DecodeBatch;
}

export class LockstepDecoder {
  /** Candidate of each cache row, in row order; only unfinished candidates hold rows. */
  private rowCandidates: Candidate[];
  /** True when the rows' last sampled tokens are not in the cache yet. */
  private pending = false;
  private disposed = false;

  private constructor(
    private readonly ctx: MethodContext,
    private readonly batch: DecodeBatch,
    private readonly companions: readonly Companion[],
    candidates: readonly Candidate[],
  ) {
    this.rowCandidates = [...candidates];
  }

  /** Prefills one row per candidate: the prompt followed by the candidate's inherited tokens. */
  static async prefill(ctx: MethodContext, candidates: readonly Candidate[]): Promise<LockstepDecoder> {
    ctx.checkAbort();
    const sequences = candidates.map((c) => [...ctx.promptIds, ...c.tokens]);
    const batch = await ctx.meter.timed('generate', () => ctx.generator.prefill(sequences));
    // Compute spent: a backend runs identical rows once (every row of a fresh batch is the same prompt).
    const distinct = distinctTokens(sequences);
    ctx.meter.prefillTokens += distinct;
    ctx.meter.observeKv(batchKvBytes(batch, ctx.generator.info.kvBytesPerToken));
    const companions: Companion[] = [];
    try {
      for (const { index, stream } of ctx.streamedScorers) {
        const reference = await ctx.meter.timed('score', () => stream.reference.prefill(sequences));
        companions.push({ scorer: index, weight: (k) => stream.weight(k), batch: reference });
        ctx.meter.countRewardTokens(ctx.scorers.map((_, s) => (s === index ? distinct : 0)));
      }
    } catch (error) {
      await Promise.all([batch.dispose(), ...companions.map((c) => c.batch.dispose())]);
      throw error;
    }
    return new LockstepDecoder(ctx, batch, companions, candidates);
  }

  get rows(): readonly Candidate[] {
    return this.rowCandidates;
  }

  /** Response length of the rows (all rows advance together). */
  get length(): number {
    return this.rowCandidates[0]?.tokens.length ?? 0;
  }

  async step(): Promise<void> {
    const { ctx, batch } = this;
    ctx.checkAbort();
    const info = ctx.generator.info;
    const rows = this.rowCandidates;
    let kvBytes = batchKvBytes(batch, info.kvBytesPerToken);
    const tokens = await ctx.meter.timed('generate', async () => {
      if (this.pending) {
        await batch.append(rows.map((c) => c.tokens[c.tokens.length - 1]!));
        kvBytes = batchKvBytes(batch, info.kvBytesPerToken);
        ctx.meter.observeKv(kvBytes);
      }
      return sampleRows(batch.nextLogits, info.vocabSize, ctx.config.sampling, rows.map((c) => c.rng));
    });
    if (this.companions.length > 0) await this.stream(rows, tokens);
    const still: number[] = [];
    rows.forEach((c, r) => {
      const token = tokens[r]!;
      c.tokens.push(token);
      if (info.stopTokenIds.includes(token)) c.finished = 'stop-token';
      else if (c.tokens.length >= ctx.config.maxNewTokens) c.finished = 'max-length';
      if (c.finished === null) still.push(r);
      else ctx.emit({ type: 'finish', id: c.id, length: c.tokens.length, reason: c.finished, text: ctx.request(c).response });
    });
    ctx.meter.decodedTokens += rows.length;
    ctx.meter.steps += 1;
    ctx.emit({ type: 'step', step: ctx.meter.steps, alive: rows.length, kvBytes, totals: ctx.meter.totals() });
    if (still.length < rows.length) await this.select(still);
    this.pending = this.rowCandidates.length > 0;
  }

  /**
   * Feeds the reference rows the tokens they have not seen (when the generator's are pending too), then
   * adds each sampled token's weighted log-ratio to its candidate's streamed reward. A stop token adds nothing.
   */
  private async stream(rows: readonly Candidate[], tokens: readonly number[]): Promise<void> {
    const { ctx, batch } = this;
    const { vocabSize, stopTokenIds } = ctx.generator.info;
    const policy = batch.nextLogits;
    for (const companion of this.companions) {
      await ctx.meter.timed('score', async () => {
        if (this.pending) {
          await companion.batch.append(rows.map((c) => c.tokens[c.tokens.length - 1]!));
          ctx.meter.countRewardTokens(ctx.scorers.map((_, s) => (s === companion.scorer ? rows.length : 0)));
        }
      });
      const reference = companion.batch.nextLogits;
      rows.forEach((c, r) => {
        const sums = (c.streamed[companion.scorer] ??= []);
        const previous = sums.at(-1) ?? 0;
        const token = tokens[r]!;
        if (stopTokenIds.includes(token)) {
          sums.push(previous);
          return;
        }
        const row = (logits: Float32Array) => logits.subarray(r * vocabSize, (r + 1) * vocabSize);
        const logRatio = logSoftmaxAt(row(policy), token) - logSoftmaxAt(row(reference), token);
        sums.push(previous + companion.weight(sums.length) * logRatio);
      });
    }
  }

  /** Steps until every row has `length` response tokens or has ended. */
  async decodeUntil(length: number): Promise<void> {
    while (this.rowCandidates.length > 0 && this.length < length) await this.step();
  }

  /** Keeps only these candidates' rows (in the order given); the rest leave the cache. */
  async keep(candidates: readonly Candidate[]): Promise<void> {
    const rowOf = new Map(this.rowCandidates.map((c, r) => [c.id, r]));
    const rows = candidates.map((c) => {
      const r = rowOf.get(c.id);
      if (r === undefined) throw new Error(`candidate ${c.id} holds no row in this batch`);
      return r;
    });
    await this.select(rows);
  }

  /**
   * TreeBoN's branching: each child takes a copy of its parent's cache row (the parent's prefix is
   * shared, not recomputed). Children already carry their parent's tokens, including the sampled
   * last one that the next step feeds for every sibling.
   */
  async branch(children: readonly Candidate[]): Promise<void> {
    const rowOf = new Map(this.rowCandidates.map((c, r) => [c.id, r]));
    const rows = children.map((child) => {
      const r = child.parent === null ? undefined : rowOf.get(child.parent);
      if (r === undefined) throw new Error(`candidate ${child.id}'s parent holds no row in this batch`);
      return r;
    });
    await this.select(rows, children);
  }

  private async select(rows: readonly number[], replacements?: readonly Candidate[]): Promise<void> {
    const next = replacements ? [...replacements] : rows.map((r) => this.rowCandidates[r]!);
    // A batch with no rows left is simply disposed; backends need not support an empty selection.
    if (rows.length > 0 && !isIdentity(rows, this.rowCandidates.length)) {
      await this.ctx.meter.timed('prune', async () => {
        await this.batch.selectRows(rows);
        for (const companion of this.companions) await companion.batch.selectRows(rows);
      });
    }
    this.rowCandidates = next;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.all([this.batch.dispose(), ...this.companions.map((c) => c.batch.dispose())]);
  }
}

function isIdentity(rows: readonly number[], count: number): boolean {
  return rows.length === count && rows.every((r, i) => r === i);
}

/** Tokens over the distinct sequences: what a prefill that computes identical rows once processes. */
export function distinctTokens(sequences: readonly (readonly number[])[]): number {
  const seen = new Set<string>();
  let total = 0;
  for (const sequence of sequences) {
    const key = sequence.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    total += sequence.length;
  }
  return total;
}
