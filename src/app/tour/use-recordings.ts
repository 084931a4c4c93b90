// The shipped recordings' index, fetched once per page (the start screen and the run panel's examples
// both list it). A missing or unreadable index lists nothing: the rest of the app works without it.
import { useEffect, useState } from 'react';
import { parseRecordingIndex, RECORDINGS_URL, type RecordingEntry } from './recording-index.ts';

export interface Recordings {
  readonly generator: string;
  readonly recordings: readonly RecordingEntry[];
}

let loading: Promise<Recordings> | null = null;

export function loadRecordings(): Promise<Recordings> {
  loading ??= fetch(RECORDINGS_URL)
    .then(async (response) => (response.ok ? parseRecordingIndex(await response.json()) : { generator: '', recordings: [] }))
    .catch(() => ({ generator: '', recordings: [] }));
  return loading;
}

/** null until the index was read. */
export function useRecordings(): Recordings | null {
  const [recordings, setRecordings] = useState<Recordings | null>(null);
  useEffect(() => {
    let live = true;
    void loadRecordings().then((r) => live && setRecordings(r));
    return () => {
      live = false;
    };
  }, []);
  return recordings;
}
