// Pure tests of how a classifier's logits become a reward (no model runs here).
import { describe, expect, it } from 'vitest';
import { describeReadout, readReward, rewardReadout } from './rewardReadout.ts';

const labels = (...names: string[]) => ({ id2label: Object.fromEntries(names.map((n, i) => [String(i), n])) });

describe('rewardReadout', () => {
  it('reads a reward model\'s single logit as it is', () => {
    const readout = rewardReadout({ id2label: { 0: 'LABEL_0' } }, 1);
    expect(readout).toEqual({ labels: 1, target: 0, name: null });
    expect(readReward([0.3, -2.5], 1, readout)).toBe(-2.5);
    expect(describeReadout(readout)).toBeNull();
  });

  it('picks the desirable label of a classifier by its name, else the other of an undesirable one, else the last', () => {
    expect(rewardReadout(labels('NEGATIVE', 'POSITIVE'), 2).target).toBe(1);
    expect(rewardReadout(labels('positive', 'negative'), 2).target).toBe(0);
    expect(rewardReadout(labels('toxic', 'LABEL_1'), 2)).toMatchObject({ target: 1, name: 'LABEL_1' });
    expect(rewardReadout(labels('neutral', 'toxic'), 2).target).toBe(0);
    expect(rewardReadout(labels('1 star', '2 stars', '3 stars', '4 stars', '5 stars'), 5)).toMatchObject({ target: 4, name: '5 stars' });
    expect(rewardReadout({}, 2)).toMatchObject({ target: 1, name: 'LABEL_1' });
  });

  it('gives the log-odds of the target label: logit − logsumexp of the others', () => {
    const readout = rewardReadout(labels('NEGATIVE', 'POSITIVE'), 2);
    expect(readReward([1, 3, 5, 2], 0, readout)).toBeCloseTo(2, 12); // 3 − 1
    expect(readReward([1, 3, 5, 2], 1, readout)).toBeCloseTo(-3, 12); // 2 − 5
    const three = rewardReadout(labels('a', 'b', 'c'), 3);
    const p = [Math.exp(0), Math.exp(1), Math.exp(2)];
    expect(readReward([0, 1, 2], 0, three)).toBeCloseTo(Math.log(p[2]! / (p[0]! + p[1]!)), 12);
    expect(describeReadout(readout)).toBe('log-odds of "POSITIVE"');
  });
});
