// What loading a hub model will download, from the hub's file listing, before anything is fetched:
// the config and tokenizer files plus the one ONNX weight file of the first precision the repository
// ships among those the device can use (the worker's choice follows the same order).

export interface HubFileEntry {
  readonly type: string;
  readonly path: string;
  readonly size: number;
  readonly lfs?: { readonly size: number };
}

export interface HubDownload {
  readonly bytes: number;
  readonly dtype: string;
  readonly files: readonly string[];
}

/** transformers.js names weights onnx/model{suffix}.onnx per precision. */
const DTYPE_SUFFIX: Readonly<Record<string, string>> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4', q4f16: '_q4f16' };

const SMALL_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json'];

export function hubDownload(listing: readonly HubFileEntry[], dtypes: readonly string[]): HubDownload | null {
  const sizeOf = new Map(listing.filter((e) => e.type === 'file').map((e) => [e.path, e.lfs?.size ?? e.size]));
  const dtype = dtypes.find((d) => DTYPE_SUFFIX[d] !== undefined && sizeOf.has(`onnx/model${DTYPE_SUFFIX[d]}.onnx`));
  if (dtype === undefined) return null;
  const weights = `onnx/model${DTYPE_SUFFIX[dtype]}.onnx`;
  // Weights over 2 GB come with external data files next to them.
  const external = [...sizeOf.keys()].filter((p) => p.startsWith(`${weights}_data`));
  const files = [...SMALL_FILES.filter((f) => sizeOf.has(f)), weights, ...external];
  return { bytes: files.reduce((sum, f) => sum + (sizeOf.get(f) ?? 0), 0), dtype, files };
}

export async function fetchHubListing(id: string, signal?: AbortSignal): Promise<HubFileEntry[]> {
  const response = await fetch(`https://huggingface.co/api/models/${id}/tree/main?recursive=true`, signal ? { signal } : {});
  if (!response.ok) throw new Error(response.status === 404 ? 'no such model on the hub' : `hub answered HTTP ${response.status}`);
  const json: unknown = await response.json();
  return Array.isArray(json) ? (json as HubFileEntry[]) : [];
}
