// Best-of-N's answer's fate in words: a short mark for each lane, and the headline when Speculative
// Rejection missed it ("… it was cut at decision 1 because …").
import type { MethodId, ScoredCandidate } from '../../core/events.ts';
import { formatReward } from '../format.ts';
import type { AnswerFate, BestOfNAnswerFates, CutAt, LaneFate } from './answer-fate.ts';

export type MissKind = 'missed' | 'cut-but-matched' | 'found' | 'beaten';

export interface MissLine {
  readonly kind: MissKind;
  readonly text: string;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const decisionWord = (method: MethodId) => (method === 'treebon' ? 'layer' : 'decision');

function cutWords(method: MethodId, at: CutAt): string {
  const where = method === 'treebon' ? `not chosen as a parent at layer ${at.round}` : `cut at decision ${at.round}`;
  return `${where} (${at.length} tokens), partial reward ${formatReward(at.partialReward)}, ${ordinal(at.rank)} of ${at.pool}`;
}

/** One line for the lane: where Best-of-N's answer went in it. */
export function fateMark(method: MethodId, fate: AnswerFate, answerId: number): string {
  const who = `Best-of-N's answer (#${answerId})`;
  const as = (member: number) => (member === answerId ? '' : ` (here #${member})`);
  switch (fate.kind) {
    case 'not-started':
      return `${who}: never started here (${fate.started} started)`;
    case 'cut':
      return `${who}${as(fate.memberId)}: ${cutWords(method, fate.at)}`;
    case 'no-children':
      return `${who}${as(fate.memberId)}: a parent at layer ${fate.layer}, given no children`;
    case 'complete':
      return `${who}${as(fate.memberId)}: written to its end here${fate.chosen ? ', and chosen' : ', but another answer scored higher'}`;
  }
}

/** Rewards compare across lanes only with one scorer (several are normalised over each lane's own pool). */
function worse(answer: ScoredCandidate | null, than: ScoredCandidate, comparable: boolean): boolean {
  if (!answer) return true;
  return comparable ? answer.reward < than.reward : answer.id !== than.id;
}

function because(at: CutAt): string {
  if (at.forMemory) {
    return `its partial reward there, ${formatReward(at.partialReward)}, ranked ${ordinal(at.rank)} of ${at.pool}, among those α keeps, but only ${at.kept} could go on inside the KV budget`;
  }
  return `its partial reward there, ${formatReward(at.partialReward)}, ranked ${ordinal(at.rank)} of ${at.pool} and only the best ${at.kept} went on`;
}

/**
 * Speculative Rejection's handling of Best-of-N's answer, as one sentence; null without both lanes.
 * `comparableRewards`: one scorer, so rewards of different lanes are on one scale.
 */
export function missLine(fates: BestOfNAnswerFates | null, comparableRewards: boolean): MissLine | null {
  const spr: LaneFate | null = fates?.spr ?? null;
  if (!fates || !spr) return null;
  const { answer } = fates;
  const theirs = spr.answer;
  const final = `Complete, it scores ${formatReward(answer.reward)}; Speculative Rejection's answer${theirs ? ` (#${theirs.id}) scores ${formatReward(theirs.reward)}` : ' is missing'}.`;
  const fate = spr.fate;
  if (fate.kind === 'complete') {
    return fate.chosen
      ? { kind: 'found', text: `Speculative Rejection kept Best-of-N's answer (#${answer.id}) through every decision and chose it too.` }
      : { kind: 'beaten', text: `Speculative Rejection kept Best-of-N's answer (#${answer.id}) to its end, and chose another it scored higher${theirs ? ` (#${theirs.id}, ${formatReward(theirs.reward)})` : ''}.` };
  }
  const missed = worse(theirs, answer, comparableRewards);
  if (fate.kind === 'not-started') {
    const text = `it never started it (#${answer.id}): the KV budget gave only ${fate.started} candidates a first round.`;
    return missed
      ? { kind: 'missed', text: `Speculative Rejection missed Best-of-N's answer: ${text} ${final}` }
      : { kind: 'cut-but-matched', text: `Speculative Rejection never started Best-of-N's answer (#${answer.id}) but found one as good: ${formatReward(theirs?.reward)}.` };
  }
  if (fate.kind === 'no-children') return null;
  const at = `at ${decisionWord('spr')} ${fate.at.round} (${fate.at.length} tokens)`;
  return missed
    ? { kind: 'missed', text: `Speculative Rejection missed Best-of-N's answer (#${answer.id}): it was cut ${at} because ${because(fate.at)}. ${final}` }
    : {
      kind: 'cut-but-matched',
      text: `Speculative Rejection cut Best-of-N's answer (#${answer.id}) ${at}, but found one as good or better: ${formatReward(theirs?.reward)} against ${formatReward(answer.reward)}.`,
    };
}
