// The race replay's controls. Live, the engine runs the methods one after another (and the bar says so);
// after the run, Race plays every lane together on one clock, each from its own start, at the recorded
// pace times the speed. With reduced motion, Race shows the end at once; the clock can always be moved by hand.
import { useEffect, useMemo, useRef, useState } from 'react';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useRun, useSession } from '../engine/controller-context.ts';
import { formatDuration } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { useStore } from '../state/store.ts';
import { defaultSpeed, RACE_SPEEDS, speedLabel } from './race-speed.ts';
import { laneFinishes } from './race-timeline.ts';
import { useRace } from './race-view.ts';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';

export function RaceBar() {
  const busy = useSession((s) => s.phase === 'running' || s.phase === 'stopping');
  const ended = useRun((s) => s.methods.length > 0 && s.methods.every((m) => s.lanes[m]?.end));
  if (busy) {
    return (
      <section className="race-bar" aria-label="Race replay" data-testid="race-bar" data-state="live">
        <p className="note">
          Live, the engine runs the methods one after another on this device, each alone, so each one&apos;s time is its own.
          After the run, <b>Race</b> replays them side by side on one clock.
        </p>
      </section>
    );
  }
  return ended ? <RaceControls /> : null;
}

function RaceControls() {
  // The finishes come from the store (it changes no more once the run ended); the log is read only when
  // the clock first moves.
  const run = useRun((s) => s);
  const order = useMemo(() => laneFinishes(run), [run]);
  const duration = Math.max(0, ...order.map((k) => k.finish));
  return duration > 0 ? <RaceClock key={run.eventCount} order={order} duration={duration} /> : null;
}

function RaceClock({ order, duration }: { readonly order: ReturnType<typeof laneFinishes>; readonly duration: number }) {
  const race = useRace();
  const view = useStore(race.view, (v) => v);
  const reduced = usePrefersReducedMotion();
  const [speed, setSpeed] = useState(() => defaultSpeed(duration));
  const [playing, setPlaying] = useState(false);
  const bar = useRef<HTMLElement>(null);
  const time = view?.time ?? duration;

  useEffect(() => {
    if (!playing) return;
    let last: number | null = null;
    let frame = 0;
    const tick = (now: number) => {
      const current = race.view.get();
      // Cleared from elsewhere (a new run, the whole-run button): the race is over.
      if (current === null) return setPlaying(false);
      const t = Math.min(duration, current.time + (last === null ? 0 : now - last) * speed);
      last = now;
      race.show(t);
      if (t >= duration) return setPlaying(false);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, duration, race]);

  const play = () => {
    // The lanes are under the bar: bring them into view.
    bar.current?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    if (reduced) {
      race.show(duration);
      return;
    }
    if (view === null || view.time >= duration) race.show(0);
    setPlaying(true);
  };
  const moveTo = (t: number) => {
    setPlaying(false);
    race.show(Math.max(0, Math.min(duration, t)));
  };
  const finished = order.filter((k) => k.finish <= time);
  const state = playing ? 'playing' : view === null ? 'idle' : time >= duration ? 'end' : 'paused';
  return (
    <section ref={bar} className="race-bar" aria-label="Race replay" data-testid="race-bar" data-state={state}>
      <div className="race-controls">
        <h2>Race</h2>
        <button className="primary" data-testid="race-play" onClick={playing ? () => setPlaying(false) : play}>
          {playing ? 'Pause' : reduced ? 'Show the finish' : state === 'paused' ? 'Play from here' : 'Race'}
        </button>
        <label>
          Speed{' '}
          <select data-testid="race-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {RACE_SPEEDS.map((s) => <option key={s} value={s}>{speedLabel(s)}{s === 1 ? ' (as recorded)' : ''}</option>)}
          </select>
        </label>
        <input
          type="range" className="race-clock" aria-label="Race clock: time since each method's start" data-testid="race-clock" min={0} max={duration}
          step={duration / 200} value={time} aria-valuetext={formatDuration(time)} onChange={(e) => moveTo(Number(e.target.value))}
        />
        <output data-testid="race-time" data-time={time}>{formatDuration(time)} of {formatDuration(duration)}</output>
        <button data-testid="race-whole-run" disabled={view === null} onClick={() => { setPlaying(false); race.show(null); }}>Whole run</button>
      </div>
      <p className="note">
        The methods ran one after another; here every lane runs from its own start on one clock, at the recorded pace
        {speed === 1 ? '' : ` × ${speedLabel(speed)}`}.{reduced ? ' Reduced motion: Race shows the finish at once; move the clock to see any moment.' : ''}
      </p>
      <ol className="race-finishes" data-testid="race-finishes">
        {order.map((k) => (
          <li key={k.method} data-method={k.method} data-finish={k.finish} data-finished={k.finish <= time} style={{ borderColor: METHOD_COLORS[k.method] }}>
            {METHOD_LABELS[k.method]}: {k.finish <= time ? <b>answer after {formatDuration(k.finish)}</b> : 'writing…'}
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {view !== null && finished.length > 0 ? `${finished.map((k) => METHOD_LABELS[k.method]).join(', then ')} ha${finished.length === 1 ? 's' : 've'} an answer.` : ''}
      </p>
    </section>
  );
}
