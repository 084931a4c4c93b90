// What loading a hub model will take: if this browser already holds it (a previous download), that it
// loads offline, with a way to remove it; otherwise the download size from the hub's file listing
// (needs network; offline it says so, and the size still shows as the download runs).
import { useCallback, useEffect, useState } from 'react';
import { useController, useSession } from '../engine/controller-context.ts';
import { formatBytes } from '../format.ts';
import { cachedHubModel, forgetHubModel, type CachedHubModel } from '../models/browser-cache.ts';
import { fetchHubListing, hubDownload } from '../models/hub-download.ts';
import { hubIdProblem } from '../models/selection.ts';
import { useStore } from '../state/store.ts';

type SizeState = { readonly id: string; readonly text: string };
type CacheState = { readonly id: string; readonly cached: CachedHubModel | null };

export function HubSize({ id }: { readonly id: string }) {
  const controller = useController();
  const device = useStore(controller.selection, (s) => s?.device ?? 'auto');
  const dtypes = useSession((s) => s.capabilities?.placements[device].dtypes);
  const [size, setSize] = useState<SizeState | null>(null);
  const [cache, setCache] = useState<CacheState | null>(null);
  const valid = hubIdProblem(id) === null;

  const checkCache = useCallback(() => {
    let current = true;
    void cachedHubModel(id).then((cached) => current && setCache({ id, cached }));
    return () => {
      current = false;
    };
  }, [id]);
  useEffect(() => (valid ? checkCache() : undefined), [valid, checkCache]);

  const cached = cache?.id === id ? cache.cached : undefined;
  const usable = cached && dtypes ? cached.dtypes.filter((d) => dtypes.includes(d)) : [];
  const needsDownload = cached === null || (cached !== undefined && dtypes !== undefined && usable.length === 0);
  useEffect(() => {
    if (!valid || !dtypes || !needsDownload) return undefined;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchHubListing(id.trim(), abort.signal)
        .then((listing) => {
          const download = hubDownload(listing, dtypes);
          setSize({
            id,
            text: download
              ? `Download: ${formatBytes(download.bytes)} (${download.dtype} weights, ${download.files.length} files).`
              : 'No ONNX weights this device can use in this repository: it cannot be loaded here.',
          });
        })
        .catch((error: unknown) => {
          if (!abort.signal.aborted) setSize({ id, text: `Size unknown (${error instanceof Error ? error.message : 'hub unreachable'}).` });
        });
    }, 400);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id, valid, dtypes, needsDownload]);

  if (!valid) return null;
  const forget = async () => {
    await forgetHubModel(id);
    checkCache();
  };
  return (
    <>
      {cached && (
        <p className="note" data-testid="hub-cached">
          In this browser: {formatBytes(cached.bytes)} ({cached.dtypes.join(', ') || 'no'} weights, {cached.files.length} files)
          {usable.length > 0 ? ': loads offline.' : dtypes ? `, but not in a precision this device uses (${dtypes.join(', ')}).` : '.'}{' '}
          <button type="button" onClick={() => void forget()}>Remove from this browser</button>
        </p>
      )}
      {needsDownload && <p className="note" data-testid="hub-size">{size?.id === id ? size.text : 'Looking up the download size…'}</p>}
    </>
  );
}
