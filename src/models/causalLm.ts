// The generator: a causal LM behind the engine's Generator interface. The engine samples; this
// runs forward passes and keeps the KV cache (see decodeBatch.ts).
import type { Generator, GeneratorInfo } from '../core/backend.ts';
import { decodeResponse, encodePrompt, stopTokenIds } from './chatFormat.ts';
import { KvDecodeBatch } from './decodeBatch.ts';
import { describeDecoder, type DecoderModel } from './decoder.ts';
import { deviceRowSelector } from './gatherSession.ts';
import { cpuRowSelector, type KvRowSelector } from './kvRows.ts';
import { loadPretrained, type LoadedParts, type LoadOptions } from './loadPretrained.ts';
import type { Device, ModelDtype } from './placement.ts';
import type { ModelSource } from './sources.ts';

export interface GeneratorLoadOptions extends LoadOptions {
  /**
   * How rows are selected in the KV cache: copied on the CPU, or gathered by a small ONNX session on
   * the model's device. 'auto' gathers on WebGPU (the cache stays on the GPU) and copies elsewhere.
   */
  readonly rowSelection?: 'auto' | 'cpu-copy' | 'device-gather';
}

export interface LoadedGenerator extends Generator {
  readonly device: Device;
  readonly dtype: ModelDtype;
  dispose(): Promise<void>;
}

export async function loadGenerator(source: ModelSource, options: GeneratorLoadOptions): Promise<LoadedGenerator> {
  const parts = await loadPretrained(source, options, 'causal-lm');
  try {
    return generatorFromParts(parts, options.rowSelection ?? 'auto');
  } catch (error) {
    await parts.model.dispose();
    throw error;
  }
}

const partsByGenerator = new WeakMap<LoadedGenerator, LoadedParts>();

/** The loaded model behind a generator, so a scorer can share it (the implicit reward's policy). */
export function partsOfGenerator(generator: LoadedGenerator): LoadedParts | undefined {
  return partsByGenerator.get(generator);
}

/** `ownsModel`: dispose() also frees the model (false when another object owns it, as a scorer owns its reference). */
export function generatorFromParts(
  parts: LoadedParts,
  rowSelection: NonNullable<GeneratorLoadOptions['rowSelection']>,
  ownsModel = true,
): LoadedGenerator {
  const decoder = describeDecoder(parts);
  const gather = rowSelection === 'device-gather' || (rowSelection === 'auto' && parts.device === 'webgpu');
  const selector: KvRowSelector = gather ? deviceRowSelector(parts.model, parts.device) : cpuRowSelector;
  const info = generatorInfo(parts, decoder);
  const { tokenizer } = parts;
  const generator: LoadedGenerator = {
    info,
    device: parts.device,
    dtype: parts.dtype,
    encodePrompt: (prompt) => encodePrompt(tokenizer, prompt),
    decode: (ids) => decodeResponse(tokenizer, ids),
    prefill: (sequences) => KvDecodeBatch.prefill(decoder, selector, info.vocabSize, sequences),
    async dispose() {
      await selector.dispose();
      if (ownsModel) await parts.model.dispose();
    },
  };
  partsByGenerator.set(generator, parts);
  return generator;
}

interface ValueMetadata {
  readonly name: string;
  readonly type?: string;
  readonly shape?: readonly (number | string)[];
}

const BYTES_PER_ELEMENT: Readonly<Record<string, number>> = { float32: 4, float16: 2 };

function generatorInfo(parts: LoadedParts, decoder: DecoderModel): GeneratorInfo {
  const { config } = parts;
  const session = (parts.model.sessions as Record<string, { inputMetadata?: readonly ValueMetadata[]; outputMetadata?: readonly ValueMetadata[] }>)['model'];
  const numberIn = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined);

  const logitsShape = session?.outputMetadata?.find((m) => m.name === 'logits')?.shape;
  const vocabSize = numberIn(logitsShape?.at(-1)) ?? numberIn(config['vocab_size']);
  if (vocabSize === undefined) throw new Error(`"${parts.label}": vocabulary size unknown (no vocab_size in config.json)`);

  // The session's declared cache inputs are the truth (heads and head size per layer); config.json
  // is the fallback for exports whose shapes are fully symbolic.
  const layers = decoder.cacheNames.length / 2;
  const heads = numberIn(config['num_key_value_heads']) ?? numberIn(config['num_attention_heads']) ?? 0;
  const headDim =
    numberIn(config['head_dim']) ?? ((numberIn(config['hidden_size']) ?? 0) / (numberIn(config['num_attention_heads']) ?? 1));
  let kvBytesPerToken = 0;
  for (const name of decoder.cacheNames) {
    const meta = session?.inputMetadata?.find((m) => m.name === name);
    const bytes = BYTES_PER_ELEMENT[meta?.type ?? ''] ?? (parts.dtype === 'fp16' || parts.dtype === 'q4f16' ? 2 : 4);
    const h = numberIn(meta?.shape?.[1]) ?? heads;
    const d = numberIn(meta?.shape?.[3]) ?? headDim;
    kvBytesPerToken += h * d * bytes;
  }
  if (!(kvBytesPerToken > 0)) throw new Error(`"${parts.label}": cannot size the KV cache (${layers} layers)`);

  const generationConfig = (parts.model as { generation_config?: { eos_token_id?: unknown } | null }).generation_config;
  const maxPositions = numberIn(config['max_position_embeddings']);
  return {
    id: parts.label,
    vocabSize,
    stopTokenIds: stopTokenIds(parts.tokenizer, generationConfig?.eos_token_id ?? config['eos_token_id']),
    kvBytesPerToken,
    ...(maxPositions !== undefined && { maxPositions }),
    ...(parts.parameters !== null && { parameters: parts.parameters }),
  };
}
