// One sentence over the lanes: what Speculative Rejection did with Best-of-N's answer (missed it, cut it
// but found as good, kept it). The lanes mark where that answer went.
import { useMemo } from 'react';
import { missLine } from './miss-words.ts';
import { useAnswerFates } from './use-answer-fates.ts';

export function MissLine() {
  const { fates, comparableRewards } = useAnswerFates();
  const line = useMemo(() => missLine(fates, comparableRewards), [fates, comparableRewards]);
  if (!line) return null;
  return (
    <p className={`miss-line ${line.kind}`} data-testid="miss-line" data-kind={line.kind}>
      {line.text}
    </p>
  );
}
