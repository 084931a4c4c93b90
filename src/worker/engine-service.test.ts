// The worker's service on real onnxruntime (Node, CPU) with the tiny generated models: loading with
// progress, batched run events, Stop keeping partial results, and errors as data.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../core/config.ts';
import type { RunEvent } from '../core/events.ts';
import type { EngineErrorData } from '../core/errors.ts';
import { resetDeviceLossForTests, watchDevice } from '../models/deviceLoss.ts';
import { ensureTinyModels, type TinyModelFolders } from '../testing/tiny-models.ts';
import type { LoadRequest, LoadUpdate, ModelSourceSpec } from './api.ts';
import { EngineService } from './engine-service.ts';

let folders: TinyModelFolders;
const pathOf = (id: string) => (id === 'gen' ? folders.llama : id === 'ref' ? folders.reference : id === 'reward' ? folders.classifier : `/nonexistent/${id}`);
const service = () =>
  new EngineService({
    toModelSource: (spec: ModelSourceSpec) => ({ kind: 'path', path: spec.kind === 'files' ? spec.name : pathOf(spec.id) }),
  });
const request = (reward: LoadRequest['rewards'][number]): LoadRequest => ({ generator: { kind: 'builtin', id: 'gen' }, rewards: [reward], device: 'auto' });
const classifier = request({ kind: 'classifier', source: { kind: 'builtin', id: 'reward' } });

const config = (patch: Partial<RunConfig> = {}): RunConfig => ({
  // 512 B per token: 200 tokens of KV cache make Best-of-8 run in batches and Speculative Rejection decide early.
  ...defaultRunConfig('Say something kind.'), methods: ['bon', 'spr'], n: 8, maxNewTokens: 24, kvBudgetBytes: 200 * 512,
  prefixScoreLengths: [8, 16], ...patch,
});

beforeAll(async () => {
  folders = await ensureTinyModels();
});

describe('EngineService', () => {
  it('loads with per-file progress and stages, then reports the models', async () => {
    const engine = service();
    const updates: LoadUpdate[][] = [];
    const outcome = await engine.load(classifier, (u) => updates.push(u));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.generator.kvBytesPerToken).toBeGreaterThan(0);
    expect(outcome.value.scorers).toHaveLength(1);
    const flat = updates.flat();
    const stages = flat.flatMap((u) => (u.type === 'stage' ? [u.stage] : []));
    expect(stages[0]).toBe('download');
    expect(stages.slice(-2)).toEqual(['warmup', 'ready']);
    const onnx = flat.filter((u) => u.type === 'file' && u.file.endsWith('.onnx'));
    expect(onnx.some((u) => u.type === 'file' && u.done)).toBe(true);
  });

  it('runs both methods and sends events in batches, not one message per event', async () => {
    const engine = service();
    await engine.load(classifier, () => undefined);
    const batches: RunEvent[][] = [];
    const outcome = await engine.run(config(), (events) => batches.push(events));
    expect(outcome).toMatchObject({ ok: true, value: { stopped: false } });
    const events = batches.flat();
    if (outcome.ok) expect(events).toHaveLength(outcome.value.events);
    expect(batches.length).toBeLessThan(events.length / 2);
    const ends = events.filter((e) => e.type === 'run-end');
    expect(ends.map((e) => e.method)).toEqual(['bon', 'spr']);
    expect(events.some((e) => e.type === 'decision' && e.method === 'spr')).toBe(true);
    expect(events.some((e) => e.type === 'prefix-scores')).toBe(true);
  });

  it('stops between steps and keeps what was produced', async () => {
    const engine = service();
    await engine.load(classifier, () => undefined);
    const events: RunEvent[] = [];
    const running = engine.run(config({ methods: ['bon'], n: 16, maxNewTokens: 200, kvBudgetBytes: 4000 * 512 }), (batch) => {
      events.push(...batch);
      if (events.some((e) => e.type === 'step')) engine.stop();
    });
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: true, value: { stopped: true } });
    const end = events.find((e) => e.type === 'run-end');
    expect(end?.type === 'run-end' && end.stopped).toBe(true);
    expect(events.filter((e) => e.type === 'step').length).toBeLessThan(200);
  });

  it('scores with the implicit DPO reward against a reference', async () => {
    const engine = service();
    const loaded = await engine.load(request({ kind: 'implicit-dpo', reference: { kind: 'builtin', id: 'ref' } }), () => undefined);
    expect(loaded.ok && loaded.value.scorers[0]?.label).toMatch(/implicit/);
    const outcome = await engine.run(config({ methods: ['spr'] }), () => undefined);
    expect(outcome.ok).toBe(true);
  });

  it('loads several scorers with progress for each, and runs TreeBoN with UCB on their MaxMin combination', async () => {
    const engine = service();
    const updates: LoadUpdate[] = [];
    const loaded = await engine.load(
      { ...classifier, rewards: [{ kind: 'classifier', source: { kind: 'builtin', id: 'reward' } }, { kind: 'implicit-dpo', reference: { kind: 'builtin', id: 'ref' } }] },
      (u) => updates.push(...u),
    );
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.scorers.map((s) => s.kind)).toEqual(['classifier', 'implicit-dpo']);
    const messages = updates.flatMap((u) => (u.type === 'stage' ? [u.message] : []));
    expect(messages.filter((m) => /scorer \d of 2/.test(m))).toHaveLength(2);
    // Files of the generator, the reward model and the reference each report progress of their own.
    expect(new Set(updates.flatMap((u) => (u.type === 'file' ? [u.model] : []))).size).toBe(3);
    const events: RunEvent[] = [];
    const combine = { rule: 'min', normalize: 'z', temperature: 0.5 } as const;
    const treebon = { children: 2, layers: 3, ucb: 1, ucbFloor: 0 };
    const outcome = await engine.run(config({ methods: ['treebon'], n: 8, kvBudgetBytes: 4000 * 512, combine, treebon }), (b) => events.push(...b));
    expect(outcome.ok).toBe(true);
    const start = events.find((e) => e.type === 'run-start');
    expect(start?.type === 'run-start' && start.scorers).toEqual(loaded.value.scorers.map((s) => s.id));
    const decisions = events.filter((e) => e.type === 'decision');
    expect(decisions).toHaveLength(2);
    for (const d of decisions) if (d.type === 'decision') expect(d.candidates.every((c) => c.scores.length === 2)).toBe(true);
  });

  it('tells a watcher when the GPU device is lost, as device-lost error data', async () => {
    const heard: EngineErrorData[] = [];
    await service().watchDeviceLoss((error) => heard.push(error));
    // A stand-in for the GPUDevice onnxruntime runs on: only its `lost` promise is read.
    watchDevice({ lost: Promise.resolve({ reason: 'destroyed', message: 'the adapter went away' }) });
    await new Promise((r) => setTimeout(r, 0));
    resetDeviceLossForTests();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ code: 'device-lost', message: expect.stringMatching(/the adapter went away/) });
  });

  it('returns errors as data: a missing model, a bad setting, no models yet', async () => {
    const engine = service();
    const missing = await engine.load({ ...classifier, generator: { kind: 'hub', id: 'nobody/nothing' } }, () => undefined);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('model-not-found');
    const notLoaded = await engine.run(config(), () => undefined);
    expect(notLoaded.ok).toBe(false);
    await engine.load(classifier, () => undefined);
    const bad = await engine.run(config({ n: 0 }), () => undefined);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-config', field: 'n' } });
    const tokens = await engine.promptTokens('Hello there');
    expect(tokens.ok && tokens.value).toBeGreaterThan(2);
  });

  it('runs one run at a time: a second run while one is going is refused, and the first is not disturbed', async () => {
    const engine = service();
    await engine.load(classifier, () => undefined);
    const first = engine.run(config({ methods: ['bon'] }), () => undefined);
    const second = await engine.run(config(), () => undefined);
    expect(second).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already in progress/) } });
    expect(await first).toMatchObject({ ok: true, value: { stopped: false } });
    expect(await engine.run(config({ methods: ['bon'] }), () => undefined)).toMatchObject({ ok: true });
  });

  it('blames a prompt that leaves no room for an answer on the prompt, not the budget or the answer length', async () => {
    const engine = service();
    const loaded = await engine.load(classifier, () => undefined);
    const max = loaded.ok ? loaded.value.generator.maxPositions : null;
    expect(max).toBeGreaterThan(0);
    const outcome = await engine.run(config({ prompt: 'kind words '.repeat(max!) }), () => undefined);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-config', field: 'prompt', message: expect.stringMatching(/shorten the prompt/) } });
    if (!outcome.ok) expect(outcome.error.message).not.toMatch(/KV budget|at most 0/);
  });

  it('says a picked folder whose files do not parse is the folder\'s problem, not a bug', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'garbage-model-')), 'my-model');
    try {
      cpSync(folders.llama, folder, { recursive: true });
      writeFileSync(join(folder, 'onnx', 'model.onnx'), 'this is not an ONNX file');
      const outcome = await service().load({ ...classifier, generator: { kind: 'files', name: folder, files: new Map() } }, () => undefined);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unsupported-model', message: expect.stringMatching(/files in the folder .*my-model could not be read as a model/) } });
      if (!outcome.ok) expect(`${outcome.error.message} ${outcome.error.hint}`).not.toMatch(/bug/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
