// Outside a browser there is no Worker: derive() runs the same function on the page and gives its answer.
import { describe, expect, it } from 'vitest';
import { rewardVersusCompute } from '../../core/rewardVsCompute.ts';
import { twoMethodRun } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { alphaSweep, sweepInputOf } from '../replay/alpha-sweep.ts';
import { derive } from './derive-client.ts';

describe('derive without a worker', () => {
  it('answers as the function itself does', async () => {
    expect(typeof Worker).toBe('undefined');
    const input = sweepInputOf(applyEvents(emptyRunState, twoMethodRun));
    expect(await derive('sweep', input)).toEqual(alphaSweep(input));
    expect(await derive('picture', twoMethodRun)).toEqual(rewardVersusCompute(twoMethodRun));
  });
});
