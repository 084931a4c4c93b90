// What one method's run shares with the code that drives it: settings, models, the event sink,
// the meter, the scoreboard, and scoring of candidates through every scorer.
import { throwIfAborted, type AbortSignalLike } from './abort.ts';
import type { Generator, ScoreRequest, Scorer, StreamedReward } from './backend.ts';
import { responseIds, streamedRewardAt, type Candidate } from './candidate.ts';
import type { RunConfig } from './config.ts';
import type { MethodId, RunEvent, RunEventOf, ScoredCandidate } from './events.ts';
import { EngineError } from './errors.ts';
import { budgetTokens } from './memory.ts';
import { Meter } from './meter.ts';
import { Scoreboard } from './scoreboard.ts';
import { scoreWithAll, type RawPoolScores } from './scorePool.ts';

/** An event as a method writes it: the context stamps `method` and `t`. */
export type EventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'method' | 't'> : never) : never;

export interface MethodStart {
  readonly n: number;
  readonly capacityRows: number;
  readonly params: RunEventOf<'run-start'>['params'];
}

export class MethodContext {
  readonly meter: Meter;
  readonly scoreboard = new Scoreboard();
  readonly budgetTokens: number;
  /** Scorers the decoder keeps up to date while rows decode (see backend.ts StreamedReward). */
  readonly streamedScorers: readonly { readonly index: number; readonly stream: StreamedReward }[];

  constructor(
    readonly method: MethodId,
    readonly config: RunConfig,
    readonly generator: Generator,
    readonly scorers: readonly Scorer[],
    readonly promptIds: readonly number[],
    private readonly sink: (event: RunEvent) => void,
    private readonly clock: { readonly now: () => number; readonly runStart: number },
    readonly signal: AbortSignalLike | undefined,
  ) {
    this.meter = new Meter(clock.now, { generator: generator.info.parameters, scorers: scorers.map((s) => s.parameters) });
    this.budgetTokens = budgetTokens(config.kvBudgetBytes, generator.info.kvBytesPerToken);
    this.streamedScorers = scorers.flatMap((s, index) => (s.streamed ? [{ index, stream: s.streamed }] : []));
  }

  emit(body: EventBody): void {
    this.sink({ ...body, method: this.method, t: this.clock.now() - this.clock.runStart } as RunEvent);
  }

  checkAbort(): void {
    throwIfAborted(this.signal);
  }

  start(plan: MethodStart): void {
    const { config, generator } = this;
    this.emit({
      type: 'run-start',
      prompt: config.prompt,
      promptTokens: this.promptIds.length,
      n: plan.n,
      maxNewTokens: config.maxNewTokens,
      kvBytesPerToken: generator.info.kvBytesPerToken,
      kvBudgetBytes: config.kvBudgetBytes,
      capacityRows: plan.capacityRows,
      generator: generator.info.id,
      scorers: this.scorers.map((s) => s.id),
      ...(this.streamedScorers.length > 0 && { streamedScorers: this.streamedScorers.map((s) => s.index) }),
      parameters: { generator: generator.info.parameters ?? null, scorers: this.scorers.map((s) => s.parameters ?? null) },
      combine: config.combine,
      seed: config.seed,
      sampling: config.sampling,
      params: plan.params,
    });
  }

  /** The request a scorer sees for a candidate's first `length` response tokens (all of them by default). */
  request(c: Candidate, length = c.tokens.length): ScoreRequest {
    const ids = responseIds(c.tokens.slice(0, length), this.generator.info.stopTokenIds);
    return { prompt: this.config.prompt, response: this.generator.decode(ids), responseTokenIds: ids };
  }

  /**
   * Raw scores of candidates' first `length` tokens, per scorer: a streamed reward is read off the
   * candidate (its cost was counted as it decoded), every other scorer scores the text.
   */
  async rawScores(items: readonly { readonly c: Candidate; readonly length: number }[]): Promise<RawPoolScores> {
    this.checkAbort();
    const requests = items.map(({ c, length }) => this.request(c, length));
    const called = this.scorers.filter((s) => !s.streamed);
    const scored = await scoreWithAll(called, requests, this.signal);
    let next = 0;
    const column = this.scorers.map((s) => (s.streamed ? -1 : next++));
    return {
      raw: items.map(({ c, length }, i) => this.scorers.map((_, s) => (column[s]! < 0 ? streamedRewardAt(c, s, length) : scored.raw[i]![column[s]!]!))),
      tokens: scored.tokens,
      perRequest: scored.perRequest,
      byScorer: this.scorers.map((_, s) => (column[s]! < 0 ? 0 : scored.byScorer[column[s]!]!)),
    };
  }

  /** Score candidates as they are now (partial or complete), counting the compute, and record them. */
  async scoreCandidates(candidates: readonly Candidate[]): Promise<void> {
    await this.meter.timed('score', async () => {
      const { raw, byScorer, perRequest } = await this.rawScores(candidates.map((c) => ({ c, length: c.tokens.length })));
      this.meter.countRewardTokens(byScorer);
      candidates.forEach((c, i) => {
        const ids = responseIds(c.tokens, this.generator.info.stopTokenIds);
        this.scoreboard.record({
          id: c.id, scores: raw[i]!, length: c.tokens.length, finished: c.finished !== null, text: this.generator.decode(ids),
          rewardTokens: perRequest[i]!,
        });
      });
    });
  }

  /**
   * Emits `final` for the complete responses, each scored on its whole text, rewards combined over
   * them alone (a rejected partial answer never shifts the normalisation of the final pick).
   */
  emitFinal(complete: readonly Candidate[]): ScoredCandidate[] {
    const stale = complete.filter((c) => this.scoreboard.latest(c.id)?.length !== c.tokens.length);
    if (stale.length > 0) throw new EngineError({ code: 'internal', message: `${stale.length} complete response(s) were not scored on their whole text.` });
    const byId = new Map(this.scoreboard.combined(this.config.combine, new Set(complete.map((c) => c.id))).map((c) => [c.id, c]));
    const candidates = complete.map((c) => byId.get(c.id)).filter((c): c is ScoredCandidate => c !== undefined);
    this.emit({ type: 'final', candidates });
    return candidates;
  }

  /** Emits `run-end`; the winner is the best complete response scored so far. */
  end(stopped: boolean): void {
    this.emit({ type: 'run-end', winner: this.scoreboard.best(this.config.combine), stopped, totals: this.meter.totals() });
  }
}
