// What scale a reward is on, in words, for the scorers of this run: "+0.30" means something different
// for the built-in positivity reward, a classifier's logit and the implicit DPO reward.
import type { CombineConfig } from '../../core/config.ts';
import { BUILTIN_REWARD_ID } from '../../modelgen/builtin/task.ts';

export interface ScorerKind {
  readonly id: string;
  /** null when unknown (a saved run viewed without its models). */
  readonly kind: 'classifier' | 'implicit-dpo' | null;
}

const AFINN = 'the built-in positivity reward: the mean valence of the answer\'s words, from −5 (very negative) to +5 (very positive); most answers land within ±0.5, so +0.30 is a clearly positive answer';
const IMPLICIT = 'the implicit DPO reward: a weighted sum of log-probability ratios (natural log) of the generator against its base model; 0 is the base model\'s own taste, above 0 what the tuning favours';
const CLASSIFIER = 'the reward model\'s raw score (a logit, or for a classifier with several labels the log-odds of its positive label): unbounded, only differences between answers matter';
const UNKNOWN = 'the reward model\'s own units (not a probability or a percentage): only differences between answers matter';

function one(s: ScorerKind): string {
  if (s.id === BUILTIN_REWARD_ID) return AFINN;
  if (s.kind === 'implicit-dpo') return IMPLICIT;
  if (s.kind === 'classifier') return CLASSIFIER;
  return UNKNOWN;
}

/** "Rewards are …": the scale of this run's rewards, or of the combined score with several scorers. */
export function rewardScaleText(scorers: readonly ScorerKind[], combine: CombineConfig | null): string {
  if (scorers.length === 0) return `Rewards are in ${UNKNOWN}.`;
  if (scorers.length === 1) return `Rewards are ${one(scorers[0]!)}.`;
  const normalised = combine?.normalize === 'rank' ? 'ranks (0 lowest, 1 highest in the pool)' : 'z-scores (standard deviations above the pool\'s mean)';
  const rule = combine?.rule === 'mean' ? 'their mean' : combine?.rule === 'softmin' ? 'a soft minimum' : 'the lowest of them';
  return `Rewards combine ${scorers.length} scorers: each scorer's scores become ${normalised} over the answers scored together, and an answer's reward is ${rule}. So they are on that normalised scale, not any one model's.`;
}
