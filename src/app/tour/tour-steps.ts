// The guided walk through a finished run, step by step, derived from its log alone: the prompt, the
// candidates starting, the memory filling, each decision (why there, how many scored, kept and cut), the
// answer, Best-of-N's answer's fate, the race, α, TreeBoN and the compute picture. Each step names the
// parts of the page it is about and the moment of the run the lanes should show (the race clock).
import { defaultRunConfig } from '../../core/config.ts';
import type { MethodId } from '../../core/events.ts';
import { initialBatchPlan, MIN_FIRST_ROUND_TOKENS } from '../../core/memory.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatCount, formatDuration, formatReward } from '../format.ts';
import { computeView, pictureLog } from '../compute/compute-view.ts';
import { catchUpSentence } from '../compute/compute-words.ts';
import { bestOfNAnswerFates } from '../miss/answer-fate.ts';
import { missLine } from '../miss/miss-words.ts';
import { RaceCursor, type RaceTimeline } from '../race/race-timeline.ts';
import { alphaSweep, sweepInputOf } from '../replay/alpha-sweep.ts';
import type { LaneState, RunState } from '../state/run-state.ts';
import { answerTime, decisionFacts, memoryFacts, percent, type DecisionFacts, type MemoryFacts } from './tour-facts.ts';

export type TourTarget =
  | 'summary' | 'results' | 'miss' | 'race' | 'replay' | 'compute' | 'chart-kvBytes' | 'chart-alive' | 'chart-rewards'
  | `lane-${MethodId}`;

export interface TourFocus {
  /** The parts of the page the step is about, the first scrolled into view. */
  readonly targets: readonly TourTarget[];
  readonly decision: { readonly method: MethodId; readonly round: number } | null;
  readonly candidate: { readonly method: MethodId; readonly id: number; readonly label: string } | null;
  /** The lanes and charts as they were this long after each method's start (ms); null: the whole run. */
  readonly at: number | null;
}

export interface TourStep {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** The step in one line. */
  readonly takeaway: string;
  readonly focus: TourFocus;
}

const focus = (targets: readonly TourTarget[], more: Partial<TourFocus> = {}): TourFocus => ({ targets, decision: null, candidate: null, at: null, ...more });
const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

interface Context {
  readonly state: RunState;
  readonly cursor: RaceCursor | null;
  readonly memory: MemoryFacts;
}

/** The steps of a finished run; empty when it has no finished lane to walk through. */
export function tourSteps(state: RunState, timeline: RaceTimeline | null): TourStep[] {
  const first = state.methods.map((m) => state.lanes[m]).find((l) => l?.start);
  const memory = first && memoryFacts(first);
  if (!first?.start || !memory || state.methods.some((m) => !state.lanes[m]?.end)) return [];
  const c: Context = { state, cursor: timeline && new RaceCursor(timeline), memory };
  const { bon, spr, treebon } = state.lanes;
  return [
    promptStep(c, first),
    ...(bon ? [bestOfNStep(c, bon, spr?.decisions[0]?.t ?? Infinity)] : []),
    ...(spr ? sprSteps(c, spr, bon ?? null) : []),
    ...(bon && spr ? [missStep(c, bon), raceStep(c, bon, spr)] : []),
    ...(bon && spr ? alphaStep(c) : []),
    ...(treebon ? [treeBoNStep(c, treebon)] : []),
    ...(bon ? [computeStep(c)] : []),
  ];
}

function promptStep(c: Context, lane: LaneState): TourStep {
  const s = lane.start!;
  const names = c.state.methods.map((m) => METHOD_LABELS[m]).join(', ');
  return {
    id: 'prompt',
    title: 'The prompt',
    text: `The prompt "${s.prompt}" (${plural(s.promptTokens, 'token')}). The generator (${s.generator}) writes answers to it and the reward model (${s.scorers.join(' and ')}) scores them. ` +
      `${names}: the same models, the same seed and the same memory, a KV cache of ${formatCount(c.memory.budgetTokens)} tokens, for answers of up to ${c.memory.maxNewTokens} tokens. ` +
      'Below, each lane grows its candidate answers left to right, one token per step.',
    takeaway: 'Aligning at inference time: write several answers, keep the one the reward model likes best.',
    focus: focus(['summary', ...c.state.methods.map((m) => `lane-${m}` as const)], { at: 0 }),
  };
}

/** `before`: shown before Speculative Rejection's first decision, which is the next steps' news. */
function bestOfNStep(c: Context, bon: LaneState, before: number): TourStep {
  const s = bon.start!;
  const batches = Number(s.params['batches'] ?? 1);
  const at = Math.min(bon.steps[Math.floor(s.maxNewTokens / 2)]?.t ?? 0, Math.max(0, before - 0.002));
  const rows = s.capacityRows;
  const held = rows * (c.memory.promptTokens + c.memory.maxNewTokens);
  const winner = bon.end?.winner;
  return {
    id: 'bon',
    title: `Best-of-N writes all ${s.n} answers to the end`,
    text: `A full-length answer holds ${c.memory.promptTokens} + ${c.memory.maxNewTokens} tokens of KV cache, so the memory holds ${plural(rows, 'answer')} at once ` +
      `(${formatCount(held)} of ${formatCount(c.memory.budgetTokens)} tokens). Best-of-N writes its ${s.n} ` +
      (batches > 1 ? `in ${batches} batches, one after another (the light bands), ` : 'in one batch, ') +
      `every one to its end, then scores them all and keeps the best${winner ? `: #${winner.id}, reward ${formatReward(winner.reward)}` : ''}.`,
    takeaway: 'Best-of-N pays for every answer in full, the hopeless ones too.',
    focus: focus(['lane-bon', 'chart-alive'], { at }),
  };
}

function sprSteps(c: Context, spr: LaneState, bon: LaneState | null): TourStep[] {
  const s = spr.start!;
  const decisions = decisionFacts(spr, c.memory);
  const started = s.n;
  const sameMemory = s.params['initial'] === 'memory';
  const startText = sameMemory
    ? `In the same memory where Best-of-N holds ${bon?.start ? plural(bon.start.capacityRows, 'full-length answer') : 'its full-length answers'}, Speculative Rejection starts ${started}: ` +
      'as many as get a first round of at least 8 tokens. Short answers take little memory.'
    : `Speculative Rejection starts the same ${started} answers as Best-of-N, all at once: the same seed gives each candidate the same words in both lanes, ` +
      'so it prunes Best-of-N\'s own answers. Short answers take little memory, so all of them fit for a while. ' +
      `From the same memory instead (the paper's comparison) it would start ${sameMemoryStart(c)}: as many as get a first round of ${Math.min(MIN_FIRST_ROUND_TOKENS, c.memory.maxNewTokens)} tokens.`;
  const firstDecision = decisions[0];
  const steps: TourStep[] = [{
    id: 'spr-start',
    title: sameMemory ? `The same memory starts ${started}` : `Speculative Rejection starts all ${started}`,
    text: startText,
    takeaway: 'Start many, decide later: a half-written answer is cheap to hold.',
    focus: focus(['lane-spr', 'chart-alive'], { at: spr.steps[Math.floor((firstDecision?.length ?? 2) / 2)]?.t ?? 0 }),
  }];
  if (firstDecision) steps.push(memoryStep(c, firstDecision));
  decisions.forEach((d, i) => steps.push(decisionStep(c, spr, d, decisions[i + 1] ?? null)));
  steps.push(sprAnswerStep(spr, bon));
  return steps;
}

/** What a same-memory start would begin with on this run's prompt and budget (capped as the app's default). */
function sameMemoryStart(c: Context): number {
  const { promptTokens, budgetTokens, maxNewTokens } = c.memory;
  return initialBatchPlan({ initial: 'memory', maxInitial: defaultRunConfig('').spr.maxInitial }, 0, promptTokens, budgetTokens, maxNewTokens).rows;
}

function memoryStep(c: Context, d: DecisionFacts): TourStep {
  const { promptTokens, budgetTokens } = c.memory;
  const ended = d.endedBefore > 0 ? ` (${d.endedBefore} of them ended on their own before that, leaving their room unused.)` : '';
  const why = d.trigger === 'schedule'
    ? `A fixed decision length comes first: at ${d.length} tokens, before the ${d.rows} rows fill the ${formatCount(budgetTokens)}-token memory.`
    : `The ${d.rows} rows can each grow to ${d.length} tokens before ${d.rows} × (${promptTokens} + ${d.length}) = ${formatCount(d.plannedTokens)} tokens of KV cache ` +
      `fill the ${formatCount(budgetTokens)}-token memory: no row can grow another token.${ended}`;
  return {
    id: 'memory-full',
    title: 'The memory fills',
    text: `${why} Speculative Rejection has to stop some answers to go on.`,
    takeaway: 'Decisions come when the memory is full, not on a fixed clock.',
    focus: focus(['chart-kvBytes', 'lane-spr'], { at: Math.max(0, d.t - 0.001) }),
  };
}

function decisionStep(c: Context, spr: LaneState, d: DecisionFacts, next: DecisionFacts | null): TourStep {
  const alpha = spr.start!.params['alpha'];
  const alphaText = typeof alpha === 'number' ? `the best ${d.kept + d.cutForMemory} (1 − α = ${Math.round((1 - alpha) * 100)}% of the pool)` : `the best ${d.kept}`;
  const complete = d.completeInPool > 0 ? ` (${plural(d.completeInPool, 'complete answer')} among them compete too)` : '';
  const memory = d.cutForMemory > 0 ? ` ${plural(d.cutForMemory, 'more')} that α would keep ${d.cutForMemory === 1 ? 'was' : 'were'} cut too: ${d.cutForMemory === 1 ? 'its' : 'their'} next token would not fit the memory.` : '';
  const why = d.round === 1 ? '' : d.trigger === 'schedule'
    ? `It comes at a fixed length, ${d.length} tokens. `
    : `Cutting freed memory: the ${d.rows} rows that went on grew until ${d.rows} × (${c.memory.promptTokens} + ${d.length}) = ${formatCount(d.plannedTokens)} tokens filled it again. `;
  const after = next ? '' : ` The ${d.kept} left fit the memory to the end: they finish with no more cuts.`;
  return {
    id: `decision-${d.round}`,
    title: `Decision ${d.round} at ${d.length} tokens`,
    text: `${why}The reward model scored all ${d.pool} partial answers${complete}; ${alphaText} go on, ${d.cut} are cut (the faded dashed branches), never to be written further.${memory}${after}`,
    takeaway: d.round === 1
      ? 'A half-written answer\'s score is a cheap guess of its final score: drop the worst early and save their tokens.'
      : 'Each cut frees memory, so the next decision comes further out, where the guess is better.',
    focus: focus(['lane-spr', 'chart-rewards'], { at: d.t, decision: { method: 'spr', round: d.round } }),
  };
}

function sprAnswerStep(spr: LaneState, bon: LaneState | null): TourStep {
  const winner = spr.end?.winner ?? null;
  const c = winner ? spr.candidates.get(winner.id) : undefined;
  const ended = c?.finishReason === 'stop-token' ? 'it ended itself' : `it reached ${c?.length ?? ''} tokens`;
  const tokens = spr.end?.totals.decodedTokens ?? 0;
  const bonTokens = bon?.end?.totals.decodedTokens ?? 0;
  const versus = bon?.end ? ` It decoded ${formatCount(tokens)} tokens, ${percent(tokens, bonTokens)} of Best-of-N's ${formatCount(bonTokens)} (whose answer scores ${formatReward(bon.end.winner?.reward)}).` : '';
  return {
    id: 'spr-answer',
    title: 'Speculative Rejection\'s answer',
    text: winner
      ? `Its answer is #${winner.id}, reward ${formatReward(winner.reward)}: the best complete answer (${ended}). A cut answer never wins, however well it started.${versus}`
      : 'It has no complete answer.',
    takeaway: 'Same search, fewer tokens: the answer is always a complete one.',
    focus: focus(['results', 'lane-spr'], winner ? { candidate: { method: 'spr', id: winner.id, label: 'its answer' } } : {}),
  };
}

function missStep(c: Context, bon: LaneState): TourStep {
  const fates = bestOfNAnswerFates(c.state);
  const line = missLine(fates, (bon.start?.scorers.length ?? 1) === 1);
  const fate = fates?.spr?.fate;
  const member = fate && fate.kind !== 'not-started' ? fate.memberId : null;
  const missed = line?.kind === 'missed';
  return {
    id: 'miss',
    title: missed ? 'The miss' : 'Best-of-N\'s answer',
    text: line?.text ?? 'Speculative Rejection ran on other candidates than Best-of-N (another seed or prompt): their answers cannot be followed across lanes.',
    takeaway: missed
      ? 'Partial scores are a guess: an answer that starts badly and ends well gets cut. The higher α, the more such misses.'
      : 'Here the guess held: the answer Best-of-N paid for in full survived every cut.',
    focus: focus(['miss', 'lane-spr'], {
      ...(member !== null && { candidate: { method: 'spr' as const, id: member, label: 'Best-of-N\'s answer' } }),
      ...(fate?.kind === 'cut' && { decision: { method: 'spr' as const, round: fate.at.round } }),
    }),
  };
}

function raceStep(c: Context, bon: LaneState, spr: LaneState): TourStep {
  const sprDone = answerTime(spr);
  const bonDone = answerTime(bon);
  const bonThen = c.cursor?.stateAt(sprDone).lanes.bon;
  let written = 0;
  let batch: number | null = null;
  for (const cand of bonThen?.candidates.values() ?? []) {
    if (cand.status === 'finished') written++;
    if (cand.status === 'alive') batch = cand.batch + 1;
  }
  const then = bonThen && batch !== null ? ` At that moment Best-of-N had finished ${written} of its ${bon.start?.n} answers and was writing batch ${batch}.` : '';
  const first = sprDone <= bonDone;
  return {
    id: 'race',
    title: 'The race',
    text: `The engine runs the methods one after another; on one clock, each from its own start, Speculative Rejection had its answer after ${formatDuration(sprDone)} and Best-of-N after ${formatDuration(bonDone)}.${then} ` +
      'Race replays every lane at its recorded pace.',
    takeaway: first ? 'Fewer tokens, fewer sequential batches: the answer sooner.' : 'Here the saved tokens did not save time: scoring partial answers has its own cost.',
    focus: focus(['race', 'lane-bon', 'lane-spr'], { at: sprDone }),
  };
}

function alphaStep(c: Context): TourStep[] {
  const sweep = alphaSweep(sweepInputOf(c.state));
  if (!sweep) return [];
  const row = (alpha: number) => sweep.rows.find((r) => Math.abs(r.alpha - alpha) < 1e-9);
  const describe = (alpha: number) => {
    const r = row(alpha);
    return r ? `α = ${alpha}: reward ${formatReward(r.reward)} for ${percent(r.decodedTokens, sweep.bestOfNDecodedTokens)} of the tokens` : null;
  };
  const cases = [0, sweep.runAlpha ?? 0.5, 0.9].filter((a, i, all) => all.indexOf(a) === i).map(describe).filter((t) => t !== null);
  return [{
    id: 'alpha',
    title: 'What α does',
    text: 'α is the fraction cut at each decision. The table replays Speculative Rejection for every α on Best-of-N\'s recorded answers, with no model: ' +
      `${cases.join('; ')}. At α = 0 only the memory cuts.`,
    takeaway: 'Higher α: cheaper, and more likely to cut the best answer.',
    focus: focus(['replay']),
  }];
}

function treeBoNStep(c: Context, tree: LaneState): TourStep {
  const s = tree.start!;
  const layers = Number(s.params['layers'] ?? tree.decisions.length + 1);
  const children = Number(s.params['children'] ?? 0);
  const parents = tree.decisions[0]?.kept ?? 0;
  const winner = tree.end?.winner;
  return {
    id: 'treebon',
    title: 'TreeBoN grows a tree',
    text: `TreeBoN keeps ${s.n} answers alive in each of its ${layers} layers: at the end of a layer it scores the partial answers, keeps the best ${parents} as parents ` +
      `and gives each ${children} children that continue it. It decoded ${formatCount(tree.end?.totals.decodedTokens ?? 0)} tokens` +
      `${winner ? `; its answer scores ${formatReward(winner.reward)}` : ''}.`,
    takeaway: 'TreeBoN re-spends the tokens it prunes on branches of the best; Speculative Rejection just stops them.',
    focus: focus(['lane-treebon']),
  };
}

function computeStep(c: Context): TourStep {
  const lane = (m: MethodId) => c.state.lanes[m] ?? null;
  const view = computeView(pictureLog([lane('bon'), lane('spr'), lane('treebon')]), 'flops');
  const spr = view?.catchUps.find((k) => k.method === 'spr');
  const sentences = view ? view.catchUps.map((k) => catchUpSentence(k, view)).join(' ') : '';
  const ratio = spr && view ? spr.catchUp.ratios[view.metric] : null;
  const paid = ratio !== null && ratio >= 1;
  return {
    id: 'compute',
    title: 'Reward against compute',
    text: 'Best reward against the compute spent: Best-of-N as a curve over N = 1, 2, 4, …, Speculative Rejection for every α and as run' +
      `${c.state.lanes.treebon ? ', TreeBoN as run' : ''}. Up and to the left is better. ${sentences}`,
    takeaway: !spr ? 'Each point is one way to spend compute on the search.'
      : paid ? 'Pruning paid: Speculative Rejection got its reward for less compute than Best-of-N needs for it.'
      : 'Here pruning did not pay: Best-of-N found as good an answer among its first few. It pays when partial scores predict the final ones.',
    focus: focus(['compute']),
  };
}
