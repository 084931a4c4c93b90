// The lanes' overlay from the guided walk's step and Best-of-N's answer's fates: the step's decision
// ringed and its candidate marked; otherwise Best-of-N's answer marked in each other lane, with its fate in words.
import type { MethodId } from '../../core/events.ts';
import type { LaneMark, LaneOverlay } from '../lanes/lane-overlay.ts';
import type { BestOfNAnswerFates } from '../miss/answer-fate.ts';
import { fateMark } from '../miss/miss-words.ts';
import type { TourFocus } from './tour-steps.ts';

export const ANSWER_MARK = 'Best-of-N\'s answer';

export function laneOverlayOf(focus: TourFocus | null, fates: BestOfNAnswerFates | null): LaneOverlay {
  const marks: LaneMark[] = [];
  const notes: Partial<Record<MethodId, string>> = {};
  if (focus?.candidate) marks.push({ method: focus.candidate.method, id: focus.candidate.id, label: focus.candidate.label });
  for (const lane of [fates?.spr, fates?.treebon]) {
    if (!lane || !fates) continue;
    notes[lane.method] = fateMark(lane.method, lane.fate, fates.answer.id);
    if (lane.fate.kind !== 'not-started') marks.push({ method: lane.method, id: lane.fate.memberId, label: ANSWER_MARK });
  }
  return { decision: focus?.decision ?? null, marks, notes };
}
