// The page's main-thread CPU profile through the DevTools protocol, summed by function (self time),
// for finding what makes a run stutter. Used by the UI benchmark with BENCH_PROFILE=1.
import type { Page } from 'playwright-core';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Starts sampling; the returned function stops and formats the top `top` functions by self time. */
export async function startProfile(page: Page, top = 25): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    return formatProfile(profile, top);
  };
}

function formatProfile(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const selfUs = new Map<string, number>();
  // Inclusive time of components (capitalised names): where a render's cost comes from.
  const componentUs = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    const dt = deltas[i + 1] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    selfUs.set(keyOf(node), (selfUs.get(keyOf(node)) ?? 0) + dt);
    total += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const n = byId.get(at);
      if (!n || !/^[A-Z]/.test(n.callFrame.functionName) || seen.has(keyOf(n))) continue;
      seen.add(keyOf(n));
      componentUs.set(keyOf(n), (componentUs.get(keyOf(n)) ?? 0) + dt);
    }
  });
  const list = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([key, us]) => `  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  return [`main thread busy ${Math.round(total / 1000)} ms (JS only, no style/layout); top functions by self time:`, ...list(selfUs),
    'capitalised functions (components) by inclusive time:', ...list(componentUs), ...longStretches(profile, byId, parentOf, keyOf)].join('\n');
}

/**
 * The profile's stretches of uninterrupted work over 50 ms (where long tasks come from, the Long Tasks
 * API itself naming no culprit), longest first, each with the functions that took most of it
 * (inclusive, so a component names its whole render).
 */
function longStretches(
  profile: Profile, byId: Map<number, ProfileNode>, parentOf: Map<number, number>, keyOf: (n: ProfileNode) => string, top = 12,
): string[] {
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  const stretches: { us: number; ids: number[] }[] = [];
  let current: { us: number; ids: number[] } | null = null;
  samples.forEach((id, i) => {
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    const dt = deltas[i + 1] ?? 0;
    if (idle) {
      if (current && current.us > 50_000) stretches.push(current);
      current = null;
      return;
    }
    current ??= { us: 0, ids: [] };
    current.us += dt;
    current.ids.push(id);
  });
  if (!stretches.length) return [];
  stretches.sort((a, b) => b.us - a.us);
  const lines = [`stretches of work over 50 ms: ${stretches.length}; the ${Math.min(top, stretches.length)} longest, with their costliest functions (inclusive):`];
  for (const s of stretches.slice(0, top)) {
    const inclusive = new Map<string, number>();
    for (const id of s.ids) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const n = byId.get(at);
        if (!n || n.callFrame.functionName === '(root)' || seen.has(keyOf(n))) continue;
        seen.add(keyOf(n));
        inclusive.set(keyOf(n), (inclusive.get(keyOf(n)) ?? 0) + 1);
      }
    }
    const named = [...inclusive.entries()].filter(([k]) => !/^(\(anonymous\)|run|performWorkUntilDeadline|flushWork|workLoop|processRootSchedule|flushSyncWorkAcrossRoots_impl|performSyncWorkOnRoot|performWorkOnRoot|renderRootSync|workLoopSync|commitRoot|commitRootImpl) /.test(k));
    const parts = named.sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${Math.round((100 * n) / s.ids.length)}%`);
    lines.push(`  ${(s.us / 1000).toFixed(0).padStart(5)} ms: ${parts.join(' · ')}`);
  }
  return lines;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly functionName?: string; readonly url?: string; readonly lineNumber?: number } };
}

/** A function call's entry point names itself, so that script time splits by who called in. */
function kindOf(e: TraceEvent): string {
  const d = e.args?.data;
  if (e.name !== 'FunctionCall' || !d) return e.name;
  return `FunctionCall ${d.functionName || '(anonymous)'} ${d.url?.split('/').pop() ?? ''}:${d.lineNumber ?? ''}`;
}

/**
 * Records a DevTools timeline trace; the returned function stops it and sums the renderer main thread's
 * work by kind (script, style, layout, paint, canvas...), which the JS profile lumps into "(program)".
 */
export async function startTrace(page: Page, top = 20): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
    const byName = new Map<string, { us: number; n: number }>();
    for (const e of onMain) {
      const s = byName.get(kindOf(e)) ?? { us: 0, n: 0 };
      byName.set(kindOf(e), { us: s.us + (e.dur ?? 0), n: s.n + 1 });
    }
    const rows = [...byName.entries()].sort((a, b) => b[1].us - a[1].us).slice(0, top)
      .map(([name, s]) => `  ${(s.us / 1000).toFixed(0).padStart(6)} ms  ${String(s.n).padStart(6)}x  ${name}`);
    return ['main thread by kind of work (trace events, nested ones counted in their parents too):', ...rows].join('\n');
  };
}
