import { describe, expect, it } from 'vitest';
import type { AlphaRow } from './alpha-sweep.ts';
import { sweepNotes } from './sweep-words.ts';

const row = (alpha: number, decodedTokens: number, reward: number, rounds: number, cutForMemory = 0): AlphaRow => ({
  alpha, reward, winnerId: 19, decodedTokens, rewardTokens: null, rounds, cutForMemory, approximate: false,
});

describe('sweepNotes', () => {
  it('explains α = 0 deciding, tokens that do not fall steadily, and a best reward that never changes', () => {
    const notes = sweepNotes([row(0, 1130, 0.27, 11, 21), row(0.6, 748, 0.27, 1), row(0.7, 748, 0.27, 1), row(0.8, 571, 0.27, 1)], 19);
    expect(notes[0]).toMatch(/^α = 0 rejects nothing by itself, yet it decided 11 times \(whenever the budget was full\) and cut 21 for memory: /);
    expect(notes[1]).toMatch(/^Tokens do not fall evenly with α \(0\.6 and 0\.7 here\)/);
    expect(notes[2]).toBe('The best reward is the same for every α: Best-of-N\'s best answer (#19) ranked high enough at every decision that no α cut it.');
  });

  it('says when α = 0 cut nothing, at fixed lengths', () => {
    expect(sweepNotes([row(0, 900, 0.2, 3), row(0.5, 600, 0.2, 3)], 4, 'fixed')[0]).toBe('α = 0 rejects nothing: at each of its 3 decisions (at the fixed lengths, and whenever the budget was full) it kept every answer.');
  });

  it('says nothing about steps when tokens fall with α, and why a lower reward is lower', () => {
    const notes = sweepNotes([row(0.5, 800, 0.27, 2), row(0.9, 500, 0.1, 1)], 19);
    expect(notes).toEqual(['Where the best reward is lower, that α cut Best-of-N\'s best answer (#19) before it was complete: its partial reward ranked too low at a decision.']);
  });
});
