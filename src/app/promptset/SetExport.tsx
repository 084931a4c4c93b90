// Downloads of the set's results as training data: the data file and its sidecar of settings and provenance.
import { useState } from 'react';
import type { MethodId } from '../../core/events.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../promptset/exportRequest.ts';
import { DEFAULT_PAIR_OPTIONS, type AnswerSource, type RejectedRule } from '../../promptset/preferencePair.ts';
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';

const FORMAT_WORDS: Readonly<Record<ExportFormat, string>> = {
  sft: 'SFT: {"prompt", "completion"} with the best answer',
  preference: 'Preference pairs: {"prompt", "chosen", "rejected"} (TRL DPO)',
  scored: 'Every complete answer with its rewards',
  csv: 'CSV of the per-prompt totals',
};

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function SetExport() {
  const { sets } = useController();
  const methods = useStore(sets.state, (s) => s.open?.config?.methods ?? null);
  const [format, setFormat] = useState<ExportFormat>('preference');
  const [from, setFrom] = useState<AnswerSource>(DEFAULT_PAIR_OPTIONS.from);
  const [rejected, setRejected] = useState<RejectedRule>(DEFAULT_PAIR_OPTIONS.rejected);
  const [pairSeed, setPairSeed] = useState(String(DEFAULT_PAIR_OPTIONS.pairSeed));
  const seed = Number(pairSeed);
  const seedOk = Number.isInteger(seed);
  const files = (): ReturnType<typeof sets.exportFiles> => sets.exportFiles({ format, from, rejected, pairSeed: seedOk ? seed : 1 });
  const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
  return (
    <div className="set-export" data-testid="set-export">
      <h3>Download the results</h3>
      <label>
        Format{' '}
        <select name="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_WORDS[f]}</option>)}
        </select>
      </label>
      {(format === 'sft' || format === 'preference') && (
        <label>
          Answers of{' '}
          <select name="export-from" value={from} onChange={(e) => setFrom(e.target.value as AnswerSource)}>
            <option value="all">every method, pooled</option>
            {(methods ?? []).map((m: MethodId) => <option key={m} value={m}>{METHOD_LABELS[m]}</option>)}
          </select>
        </label>
      )}
      {format === 'preference' && (
        <>
          <label>
            Rejected{' '}
            <select name="export-rejected" value={rejected} onChange={(e) => setRejected(e.target.value as RejectedRule)}>
              <option value="lowest">the lowest-scoring complete answer</option>
              <option value="below-median">a random one below the median</option>
            </select>
          </label>
          {rejected === 'below-median' && (
            <label>
              Seed <input name="export-pair-seed" value={pairSeed} size={4} aria-invalid={!seedOk} onChange={(e) => setPairSeed(e.target.value)} />
            </label>
          )}
        </>
      )}
      <button type="button" data-testid="export-data" disabled={!seedOk} onClick={() => { const f = files(); if (f) download(f.data.name, f.data.text, type); }}>
        Download the data
      </button>
      <button type="button" data-testid="export-meta" disabled={!seedOk} onClick={() => { const f = files(); if (f) download(f.meta.name, f.meta.text, 'application/json'); }}>
        Download its settings and provenance (.meta.json)
      </button>
      <p className="note">
        Only complete answers, only prompts whose every method ran to the end. A preference line pairs the best answer with the rejected one; a
        prompt whose two tie is left out. The .meta.json file records the settings, the model ids, the rule and every prompt left out.
      </p>
    </div>
  );
}
