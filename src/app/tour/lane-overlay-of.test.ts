import { describe, expect, it } from 'vitest';
import type { BestOfNAnswerFates } from '../miss/answer-fate.ts';
import { ANSWER_MARK, laneOverlayOf } from './lane-overlay-of.ts';
import type { TourFocus } from './tour-steps.ts';

const answer = { id: 3, reward: 0.2, scores: [0.2], length: 48, finished: true, text: 'x' };
const fates: BestOfNAnswerFates = {
  answer, n: 32,
  spr: { method: 'spr', answer: null, fate: { kind: 'cut', memberId: 3, at: { round: 1, length: 18, partialReward: -0.02, rank: 28, pool: 32, kept: 16, forMemory: false } } },
  treebon: { method: 'treebon', answer: null, fate: { kind: 'complete', memberId: 90, chosen: false } },
};

describe('laneOverlayOf', () => {
  it('marks Best-of-N\'s answer in the other lanes and says its fate under each', () => {
    const overlay = laneOverlayOf(null, fates);
    expect(overlay.decision).toBeNull();
    expect(overlay.marks).toEqual([{ method: 'spr', id: 3, label: ANSWER_MARK }, { method: 'treebon', id: 90, label: ANSWER_MARK }]);
    expect(overlay.notes.spr).toMatch(/^Best-of-N's answer \(#3\): cut at decision 1/);
    expect(overlay.notes.treebon).toMatch(/^Best-of-N's answer \(#3\) \(here #90\): written to its end here/);
    expect(overlay.notes.bon).toBeUndefined();
  });

  it('puts a step\'s own candidate first (the lane shows one mark) and rings its decision', () => {
    const focus: TourFocus = { targets: ['lane-spr'], at: null, decision: { method: 'spr', round: 2 }, candidate: { method: 'spr', id: 6, label: 'its answer' } };
    const overlay = laneOverlayOf(focus, fates);
    expect(overlay.marks[0]).toEqual({ method: 'spr', id: 6, label: 'its answer' });
    expect(overlay.decision).toEqual({ method: 'spr', round: 2 });
  });

  it('marks nothing in a lane that never started the answer', () => {
    const overlay = laneOverlayOf(null, { ...fates, spr: { method: 'spr', answer: null, fate: { kind: 'not-started', started: 2 } }, treebon: null });
    expect(overlay.marks).toEqual([]);
    expect(overlay.notes.spr).toMatch(/never started here/);
  });
});
