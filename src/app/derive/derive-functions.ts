// What the derive worker computes: the figures derived at the end of a run that take a long task at a
// thousand candidates (each replays Speculative Rejection for every α over Best-of-N's answers).
import { rewardVersusCompute } from '../../core/rewardVsCompute.ts';
import { alphaSweep } from '../replay/alpha-sweep.ts';

export const deriveFunctions = {
  picture: rewardVersusCompute,
  sweep: alphaSweep,
};

export type DeriveFunctions = typeof deriveFunctions;
