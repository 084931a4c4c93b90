// The built-in reward model ranks partial answers: built from its packages like the shipped one and
// loaded through src/models, it scores the 8-token prefixes of the built-in generator's samples
// (scripts/measure-builtin.ts's prompts, seed and sampling) without exact ties, where the same
// reward from AFINN alone ties most of them (AFINN rates few words, so most prefixes score 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAfinnRewardFromPackages, buildBrownGeneratorFromPackages } from '../modelgen/builtin/builtin-models.ts';
import { readAfinn165 } from '../modelgen/builtin/read-package-data.ts';
import { buildBuiltinRewardModel } from '../modelgen/builtin/reward-model.ts';
import { POSITIVE_CONTINUATION_TASK } from '../modelgen/builtin/task.ts';
import { loadGenerator, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../models/index.ts';
import { writeModelFolder } from '../testing/model-folder-fs.ts';
import { rowsLongerThan, scorePrefixes, tiedShare } from '../../scripts/lib/partialRewards.ts';
import { sampleContinuations, type Continuation } from '../../scripts/lib/sampleContinuations.ts';

const DECISION_LENGTH = 8;
/** measure-builtin's share of tied 8-token partial scores with the fitted valences was 0.0%: a little room, no more. */
const MAX_TIED_SHARE = 0.01;
const prompts = POSITIVE_CONTINUATION_TASK.examplePrompts;
const options = { device: 'cpu', dtype: 'fp32' } as const;
let generator: LoadedGenerator;
let shipped: LoadedScorer;
let afinnAlone: LoadedScorer;
let samples: Continuation[];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'reward-ties-'));
  const [lm, rm, afinnRm] = await Promise.all([
    writeModelFolder(join(dir, 'lm'), await buildBrownGeneratorFromPackages()),
    writeModelFolder(join(dir, 'rm'), await buildAfinnRewardFromPackages()),
    writeModelFolder(join(dir, 'rm-afinn-alone'), buildBuiltinRewardModel(await readAfinn165())),
  ]);
  generator = await loadGenerator({ kind: 'path', path: lm.folder }, options);
  shipped = await loadRewardModel({ kind: 'path', path: rm.folder }, options);
  afinnAlone = await loadRewardModel({ kind: 'path', path: afinnRm.folder }, options);
  // Each candidate samples from its own stream, so one token past the decision length gives the
  // same prefixes, and the same rows still generating, as the script's 64-token samples.
  const sampling = { temperature: 1, topK: 50, topP: 1 };
  ({ samples } = await sampleContinuations(generator, prompts, { n: 32, maxNewTokens: DECISION_LENGTH + 1, seed: 1, sampling }));
}, 120_000);

afterAll(async () => {
  for (const model of [afinnAlone, shipped, generator]) await model?.dispose();
});

async function tiedShareAt(scorer: LoadedScorer, length: number): Promise<{ rows: number; tied: number }> {
  const rows = rowsLongerThan(samples, length);
  const partial = await scorePrefixes(generator, scorer, prompts, samples, rows, length);
  return { rows: rows.length, tied: tiedShare(partial, rows.map((i) => samples[i]!.prompt)) };
}

describe('the built-in reward on partial answers', () => {
  it(`leaves at most ${100 * MAX_TIED_SHARE}% of 8-token partial scores exactly tied within a prompt`, async () => {
    const { rows, tied } = await tiedShareAt(shipped, DECISION_LENGTH);
    expect(rows).toBe(314); // the rows measure-builtin counts at L = 8
    expect(tied).toBeLessThanOrEqual(MAX_TIED_SHARE);
  });

  it('is what changed: AFINN alone ties most of the same partial scores', async () => {
    // measure-builtin: 89.8% tied at 8 tokens with AFINN alone.
    expect((await tiedShareAt(afinnAlone, DECISION_LENGTH)).tied).toBeGreaterThan(0.5);
  });

  it('still ranks an obviously positive response above a neutral one and a neutral one above a negative one', async () => {
    const prompt = 'the weather today';
    const { scores } = await shipped.score([
      { prompt, response: ' was beautiful and we had a wonderful, happy time.' },
      { prompt, response: ' was the same as the day before.' },
      { prompt, response: ' was terrible, and the storm killed two people.' },
    ]);
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(Math.abs(scores[1]!)).toBeLessThan(0.3);
    expect(scores[2]).toBeLessThan(-0.5);
  });
});
