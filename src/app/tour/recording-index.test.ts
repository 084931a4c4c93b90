import { describe, expect, it } from 'vitest';
import { parseRecordingIndex, RECORDINGS_FORMAT, recordingUrl } from './recording-index.ts';

const settings = { prompt: 'the war', seed: 6, n: 32, maxNewTokens: 48, kvBudgetTokens: 640, alpha: 0.5, sprStart: 'n' };
const entry = { id: 'a', file: 'a.json', title: 'A', tour: true, settings, outcome: 'it missed' };

describe('parseRecordingIndex', () => {
  it('reads the entries and where their files are', () => {
    const index = parseRecordingIndex({ format: RECORDINGS_FORMAT, generator: 'g', recordings: [entry] });
    expect(index).toEqual({ generator: 'g', recordings: [entry] });
    expect(recordingUrl(index.recordings[0]!)).toBe('/recordings/a.json');
  });

  it('leaves out entries that are not well formed or point outside the folder, and other files altogether', () => {
    const bad = [
      { ...entry, file: '../models/index.json' }, { ...entry, file: 'https://example.com/a.json' }, { ...entry, settings: { ...settings, seed: '6' } },
      { ...entry, settings: { ...settings, sprStart: 'all' } }, { ...entry, title: 3 }, null,
    ];
    expect(parseRecordingIndex({ format: RECORDINGS_FORMAT, recordings: [...bad, { ...entry, tour: 'yes' }] }).recordings).toEqual([{ ...entry, tour: false }]);
    expect(parseRecordingIndex({ format: 'other', recordings: [entry] }).recordings).toEqual([]);
    expect(parseRecordingIndex('nonsense').recordings).toEqual([]);
  });
});
