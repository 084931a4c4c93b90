// Best-of-N's answer followed through the other lanes, on logs of the real engine (FAKE models): the
// fate must agree with what the lanes' own candidates say (texts, decisions, winners).
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { runAlignment } from '../../core/runAlignment.ts';
import { compareByReward } from '../../core/selection.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import { applyEvents, emptyRunState, type RunState } from '../state/run-state.ts';
import { bestOfNAnswerFates } from './answer-fate.ts';

async function stateOf(config: RunConfig): Promise<RunState> {
  const events = await runAlignment(config, { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {} });
  return applyEvents(emptyRunState, events);
}

const threeMethods = (seed: number, extra: Partial<RunConfig> & { budgetTokens?: number } = {}) =>
  fakeRunConfig({ n: 8, methods: ['bon', 'spr', 'treebon'], seed, treebon: { children: 2, layers: 4, ucb: null }, budgetTokens: 8 * 12, ...extra });

describe('bestOfNAnswerFates', () => {
  it('in Speculative Rejection: cut where a decision cut it, at its rank in that pool, or kept to its end', async () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 16; seed++) {
      const state = await stateOf(threeMethods(seed));
      const fates = bestOfNAnswerFates(state)!;
      const answer = fates.answer;
      const spr = state.lanes.spr!;
      const fate = fates.spr!.fate;
      kinds.add(fate.kind);
      if (fate.kind === 'cut') {
        const decision = spr.decisions.find((d) => d.round === fate.at.round)!;
        const entry = decision.candidates.find((c) => c.id === answer.id)!;
        expect(entry.kept).toBe(false);
        expect(fate.at.partialReward).toBe(entry.reward);
        expect(fate.at.length).toBe(decision.length);
        expect(fate.at.rank - 1).toBe(decision.candidates.filter((c) => compareByReward(c, entry) < 0).length);
        // The same stream: what Speculative Rejection had written of it is how Best-of-N's answer starts.
        expect(answer.text.startsWith(entry.text)).toBe(true);
        expect(spr.end!.winner!.id).not.toBe(answer.id);
        expect(spr.end!.winner!.reward).toBeLessThanOrEqual(answer.reward);
      } else {
        expect(fate).toMatchObject({ kind: 'complete', memberId: answer.id });
        expect(spr.candidates.get(answer.id)!.text).toBe(answer.text);
        expect(fate.kind === 'complete' && fate.chosen).toBe(spr.end!.winner!.id === answer.id);
      }
    }
    // Over these seeds both happen: the test is not vacuous.
    expect([...kinds].sort()).toEqual(['complete', 'cut']);
  });

  it('in TreeBoN: follows the root and its first children, which continue its stream, to its cut or its end', async () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 16; seed++) {
      const state = await stateOf(threeMethods(seed));
      const fates = bestOfNAnswerFates(state)!;
      const tree = state.lanes.treebon!;
      const fate = fates.treebon!.fate;
      kinds.add(fate.kind);
      if (fate.kind === 'complete') {
        expect(tree.candidates.get(fate.memberId)!.text).toBe(fates.answer.text);
        expect(fate.chosen).toBe(tree.end!.winner!.id === fate.memberId);
      } else if (fate.kind === 'cut') {
        const decision = tree.decisions.find((d) => d.round === fate.at.round)!;
        const entry = decision.candidates.find((c) => c.id === fate.memberId)!;
        expect(entry.kept).toBe(false);
        expect(fates.answer.text.startsWith(entry.text)).toBe(true);
      }
    }
    expect(kinds.has('cut')).toBe(true);
    expect(kinds.has('complete')).toBe(true);
  });

  it('says when Speculative Rejection never started the answer (a same-N start the budget cut short)', async () => {
    let found = false;
    for (let seed = 1; seed <= 24 && !found; seed++) {
      // 8 rows of 4 prompt + 8 tokens do not fit 5 x 12 tokens: Speculative Rejection starts 5 of Best-of-N's 8.
      const state = await stateOf(threeMethods(seed, { methods: ['bon', 'spr'], budgetTokens: 5 * 12 + 4 }));
      const fates = bestOfNAnswerFates(state)!;
      expect(state.lanes.spr!.candidates.size).toBeLessThan(8);
      if (fates.answer.id < state.lanes.spr!.candidates.size) continue;
      expect(fates.spr!.fate).toEqual({ kind: 'not-started', started: state.lanes.spr!.candidates.size });
      found = true;
    }
    expect(found).toBe(true);
  });

  it('compares nothing across runs of another seed or prompt, and waits for Best-of-N\'s answer', async () => {
    const state = await stateOf(threeMethods(3, { methods: ['bon'] }));
    const other = await stateOf(threeMethods(4, { methods: ['spr'] }));
    const mixed: RunState = { ...state, methods: ['bon', 'spr'], lanes: { ...state.lanes, spr: other.lanes.spr! } };
    expect(bestOfNAnswerFates(mixed)?.spr).toBeNull();
    const running = applyEvents(emptyRunState, [state.lanes.bon!.start!] as RunEvent[]);
    expect(bestOfNAnswerFates(running)).toBeNull();
  });
});
