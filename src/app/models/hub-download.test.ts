// Pure logic on a hand-written listing shaped like the hub API's answer (a fixture, not fetched).
import { describe, expect, it } from 'vitest';
import { hubDownload, type HubFileEntry } from './hub-download.ts';

const listing: HubFileEntry[] = [
  { type: 'directory', path: 'onnx', size: 0 },
  { type: 'file', path: 'config.json', size: 800 },
  { type: 'file', path: 'tokenizer.json', size: 2_000_000 },
  { type: 'file', path: 'tokenizer_config.json', size: 3_000 },
  { type: 'file', path: 'README.md', size: 9_000 },
  { type: 'file', path: 'onnx/model.onnx', size: 135, lfs: { size: 540_000_000 } },
  { type: 'file', path: 'onnx/model_quantized.onnx', size: 135, lfs: { size: 138_000_000 } },
  { type: 'file', path: 'onnx/model_fp16.onnx', size: 135, lfs: { size: 270_000_000 } },
];

describe('hubDownload', () => {
  it('counts config, tokenizer and the weights of the first precision the repository ships', () => {
    expect(hubDownload(listing, ['q8', 'fp32'])).toEqual({
      bytes: 800 + 2_000_000 + 3_000 + 138_000_000, dtype: 'q8',
      files: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'],
    });
    expect(hubDownload(listing, ['q4f16', 'fp16', 'fp32'])?.dtype).toBe('fp16');
  });

  it('adds external weight data and says when no usable ONNX file exists', () => {
    const big = [...listing, { type: 'file', path: 'onnx/model.onnx_data', size: 100, lfs: { size: 2_500_000_000 } }];
    expect(hubDownload(big, ['fp32'])?.files).toContain('onnx/model.onnx_data');
    expect(hubDownload(listing.filter((e) => !e.path.startsWith('onnx/')), ['fp32', 'q8'])).toBeNull();
  });
});
