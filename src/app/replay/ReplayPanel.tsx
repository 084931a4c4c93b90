// "What if α were different?": Speculative Rejection replayed for every α from Best-of-N's recorded
// answers (see alpha-sweep.ts), computed in the derive worker once Best-of-N has ended; no model runs.
import { useRun } from '../engine/controller-context.ts';
import { formatCount, formatReward } from '../format.ts';
import { Term } from '../glossary/Term.tsx';
import { derive } from '../derive/derive-client.ts';
import { useDerived } from '../derive/use-derived.ts';
import type { AlphaSweep } from './alpha-sweep.ts';
import { sweepNotes } from './sweep-words.ts';

function scheduleWords(sweep: AlphaSweep): string {
  return sweep.decision.mode === 'fixed'
    ? `deciding at ${sweep.decision.lengths.join(', ')} tokens`
    : 'deciding whenever the KV budget is full';
}

export function ReplayPanel() {
  // Each selected field changes once per run, so the sweep is computed once, not on every batch.
  const bonStart = useRun((s) => s.lanes.bon?.start ?? null);
  const bonFinal = useRun((s) => s.lanes.bon?.final ?? null);
  const prefixScores = useRun((s) => s.lanes.bon?.prefixScores ?? null);
  const sprStart = useRun((s) => s.lanes.spr?.start ?? null);
  const runStartedFromMemory = sprStart?.params['initial'] === 'memory';
  const combine = useRun((s) => s.combine);
  // Replays every α over Best-of-N's answers: off the page's thread, once per run.
  const sweep = useDerived(
    bonStart && bonFinal && prefixScores ? () => derive('sweep', { bonStart, bonFinal, prefixScores, sprStart, combine }) : null,
    [bonStart, bonFinal, prefixScores, sprStart, combine],
  );
  if (!sweep) return null;
  const approximate = sweep.rows.some((r) => r.approximate);
  const bestOfNWinner = bonFinal && bonFinal.length > 0 ? bonFinal.reduce((a, b) => (b.reward > a.reward || (b.reward === a.reward && b.id < a.id) ? b : a)).id : null;
  const notes = sweepNotes(sweep.rows, bestOfNWinner, sweep.decision.mode);
  return (
    <section className="panel replay results" aria-label="Replay for other values of alpha" data-testid="replay">
      <h2>What if α were different?</h2>
      <p className="note">
        Speculative Rejection replayed from Best-of-N&apos;s {formatCount(sweep.bestOfNDecodedTokens)} decoded tokens: the same
        candidates (each samples from its own seeded stream){sweep.started < sweep.n ? <>, the first {sweep.started} of {sweep.n} (the budget gives only {sweep.started} rows a first round)</> : null},{' '}
        {scheduleWords(sweep)}, rejecting a fraction α each time, scored by Best-of-N&apos;s partial rewards, recorded at every
        length these replays decide at. No model runs. The answer is always a complete response.
        {sweep.runAlpha === null && runStartedFromMemory ? <> This run started Speculative Rejection from the same memory: these rows are what it would do from Best-of-N&apos;s N instead.</> : null}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="α table (scrolls sideways on a narrow screen)">
      <table>
        <thead>
          <tr>
            <th><Term id="alpha">α</Term></th><th>Best <Term id="reward">reward</Term></th><th><Term id="decoded-tokens">Tokens decoded</Term></th>
            <th>Of Best-of-N&apos;s</th><th><Term id="reward-model-tokens">Reward-model tokens</Term></th><th><Term id="decision-point">Decisions</Term></th>
            <th><Term id="cut-for-memory">Cut for memory</Term></th>
          </tr>
        </thead>
        <tbody>
          {sweep.rows.map((r) => (
            <tr key={r.alpha} data-testid="replay-row" data-alpha={r.alpha} className={r.alpha === sweep.runAlpha ? 'this-run' : undefined}>
              <th scope="row">{r.alpha.toFixed(1)}{r.alpha === sweep.runAlpha && <span className="muted"> (this run)</span>}</th>
              <td data-testid="replay-reward">{formatReward(r.reward)}{r.winnerId !== null && <span className="muted"> #{r.winnerId}</span>}</td>
              <td data-testid="replay-tokens">{r.approximate ? '≈ ' : ''}{formatCount(r.decodedTokens)}</td>
              <td>{sweep.bestOfNDecodedTokens > 0 ? `${Math.round((100 * r.decodedTokens) / sweep.bestOfNDecodedTokens)}%` : '–'}</td>
              <td data-testid="replay-reward-tokens">{r.rewardTokens === null ? '–' : formatCount(r.rewardTokens)}</td>
              <td>{r.rounds}</td>
              <td data-testid="replay-cut-for-memory">{formatCount(r.cutForMemory)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <ul className="note sweep-notes" data-testid="sweep-notes">
        {notes.map((n) => <li key={n}>{n}</li>)}
      </ul>
      {approximate && (
        <p className="note">≈ This run was recorded without some decision lengths (an older run file): the nearest shorter recorded length&apos;s scores stood in, so those rows are approximate.</p>
      )}
    </section>
  );
}
