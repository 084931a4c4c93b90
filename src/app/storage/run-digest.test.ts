import { describe, expect, it } from 'vitest';
import { bonEvents, sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { addToDigest, digestRun, emptyDigest } from './run-digest.ts';

describe('digestRun', () => {
  it('names the prompt, models and methods, and each method\'s best complete reward', () => {
    const digest = digestRun(twoMethodRun);
    expect(digest).toEqual({
      prompt: 'Say something kind.', methods: ['bon', 'spr'], generator: 'fixture-gen', scorers: ['fixture-reward'],
      best: { bon: 2.5, spr: 2.5 }, stopped: [], open: [], events: twoMethodRun.length,
    });
  });

  it('folded batch by batch gives the digest of the whole log, with the methods still open', () => {
    const halfway = [...bonEvents, ...sprEvents.slice(0, 5)];
    const folded = [bonEvents.slice(0, 3), bonEvents.slice(3), sprEvents.slice(0, 5)].reduce(addToDigest, emptyDigest);
    expect(folded).toEqual(digestRun(halfway));
    expect(folded.open).toEqual(['spr']);
    expect(folded.best).toEqual({ bon: 2.5 });
  });

  it('records stopped methods, and a winner with no finite reward as missing', () => {
    const end = bonEvents.at(-1);
    if (end?.type !== 'run-end') throw new Error('fixture');
    const stopped = { ...end, stopped: true, winner: end.winner && { ...end.winner, reward: Number.NaN } };
    const digest = digestRun([...bonEvents.slice(0, -1), stopped]);
    expect(digest.stopped).toEqual(['bon']);
    expect(digest.best).toEqual({ bon: null });
  });
});
