// The built-in positivity reward model from the real AFINN-165 lexicon, run by real onnxruntime
// through transformers.js (AutoModelForSequenceClassification) and the app's loadRewardModel:
// from AFINN alone, and with valences for a generator's other words (hand-made here; the shipped
// ones, fitted from the Brown generator, are tested in word-valence.test.ts and src/integration).
import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRewardModel, type LoadedScorer } from '../../models/rewardModel.ts';
import { writeModelFolder } from '../../testing/model-folder-fs.ts';
import { loadLocalClassifier, TEST_MODELS_DIR } from '../../testing/tiny-models.ts';
import type { ModelFiles } from '../tiny-tokenizer.ts';
import { readAfinn165 } from './read-package-data.ts';
import { buildBuiltinRewardModel, valenceLexicon, type TokenValences } from './reward-model.ts';

let afinn: Record<string, number>;
let files: ModelFiles;
let folder: string;
let model: PreTrainedModel;
let tokenizer: PreTrainedTokenizer;
let scorer: LoadedScorer;

beforeAll(async () => {
  afinn = await readAfinn165();
  files = buildBuiltinRewardModel(afinn);
  folder = (await writeModelFolder(`${TEST_MODELS_DIR}builtin-afinn-reward`, files)).folder;
  ({ model, tokenizer } = await loadLocalClassifier(folder));
  scorer = await loadRewardModel({ kind: 'path', path: folder }, { device: 'cpu', dtype: 'fp32' });
});

afterAll(async () => {
  await model?.dispose();
  await scorer?.dispose();
});

/** Mean AFINN valence over the text's tokens, computed directly from the lexicon. */
function expectedScore(tokens: readonly string[]): number {
  if (tokens.length === 0) return 0;
  return tokens.reduce((sum, t) => sum + (afinn[t] ?? 0), 0) / tokens.length;
}

describe('built-in reward model', () => {
  it('builds the same bytes twice', () => {
    const again = buildBuiltinRewardModel(afinn);
    for (const [path, bytes] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('keeps the single-word entries of the lexicon', () => {
    const lexicon = valenceLexicon(afinn);
    expect(lexicon.tokens.length).toBeGreaterThan(3000);
    expect(lexicon.valence[lexicon.tokens.indexOf(' outstanding')]).toBe(afinn['outstanding']);
    expect(lexicon.tokens).not.toContain(' no fun');
  });

  it('scores the mean valence of the tokens, padding masked (AutoModelForSequenceClassification)', async () => {
    const texts = ['a wonderful, happy day with good friends.', 'the war killed them', 'the table'];
    const tokens = [
      ['a', 'wonderful', ',', 'happy', 'day', 'with', 'good', 'friends', '.'],
      ['the', 'war', 'killed', 'them'],
      ['the', 'table'],
    ];
    const { logits } = await model(tokenizer(texts, { padding: true }));
    expect(logits.dims).toEqual([3, 1]);
    const scores = logits.tolist() as number[][];
    tokens.forEach((t, i) => expect(scores[i]![0]).toBeCloseTo(expectedScore(t), 5));
  });

  it('ranks an obviously positive response above an obviously negative one (loadRewardModel)', async () => {
    const prompt = 'the weather today';
    const { scores } = await scorer.score([
      { prompt, response: ' was beautiful and we had a wonderful, happy time.' },
      { prompt, response: ' was terrible, and the storm killed two people.' },
      { prompt, response: ' was mild.' },
    ]);
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(scores[1]).toBeLessThan(-0.5);
    expect(scores[0]).toBeGreaterThan(scores[2]!);
    expect(scores[2]).toBeGreaterThan(scores[1]!);
  });

  it('scores the response only: the prompt does not change the score', async () => {
    const response = ' and then she smiled.';
    const { scores } = await scorer.score([
      { prompt: 'a horrible, evil, disgusting war', response },
      { prompt: 'a lovely, joyful, excellent party', response },
      { prompt: '', response },
    ]);
    expect(scores[1]).toBe(scores[0]);
    expect(scores[2]).toBe(scores[0]);
    expect(scores[0]).toBeCloseTo(expectedScore(['and', 'then', 'she', 'smiled', '.']), 5);
  });

  it('scores an empty (not yet started) response as neutral', async () => {
    const { scores } = await scorer.score([{ prompt: 'the war', response: '' }]);
    expect(scores[0]).toBe(0);
  });
});

describe('built-in reward model with valences for a generator\'s vocabulary', () => {
  const generator: TokenValences = {
    tokens: ['<|endoftext|>', '<unk>', '.', ',', "##'s", ' the', ' table', ' good', ' sunny', ' john'],
    valence: [9, 9, 0, 0, 0, 0.1, -0.2, 0.5, 0.4, 0.05],
  };
  let fitted: LoadedScorer;
  beforeAll(async () => {
    const dir = (await writeModelFolder(`${TEST_MODELS_DIR}builtin-afinn-reward-fitted`, buildBuiltinRewardModel(afinn, generator))).folder;
    fitted = await loadRewardModel({ kind: 'path', path: dir }, { device: 'cpu', dtype: 'fp32' });
  });
  afterAll(async () => {
    await fitted?.dispose();
  });

  it('keeps AFINN\'s values, adds the generator\'s other tokens with theirs, and keeps the specials at 0', () => {
    const lexicon = valenceLexicon(afinn, generator);
    const valence = (token: string) => lexicon.valence[lexicon.tokens.indexOf(token)];
    expect(valence(' good')).toBe(afinn['good']); // not the generator's 0.5
    expect(valence(' sunny')).toBeCloseTo(0.4, 6);
    expect(valence(' outstanding')).toBe(afinn['outstanding']); // rated by AFINN, outside the generator's vocabulary
    expect([valence('<|endoftext|>'), valence('<unk>'), valence('.'), valence("##'s")]).toEqual([0, 0, 0, 0]);
    expect(lexicon.tokens.slice(0, 2)).toEqual(['<|endoftext|>', '<unk>']);
    expect(new Set(lexicon.tokens).size).toBe(lexicon.tokens.length);
    // New: '.', ',', "'s", the, table, sunny, john (" good" was already there).
    expect(lexicon.tokens.length).toBe(valenceLexicon(afinn).tokens.length + 7);
  });

  it('scores the mean valence over the tokens the generator wrote', async () => {
    const { scores } = await fitted.score([
      { prompt: 'x', response: " the table was good, john's table sunny." },
      { prompt: 'x', response: ' the table' },
    ]);
    // the, table, was (<unk>: 0), good, ",", john, 's, table, sunny, "." = 10 tokens.
    expect(scores[0]).toBeCloseTo((0.1 - 0.2 + 0 + afinn['good']! + 0 + 0.05 + 0 - 0.2 + 0.4 + 0) / 10, 5);
    expect(scores[1]).toBeCloseTo((0.1 - 0.2) / 2, 5);
  });
});
