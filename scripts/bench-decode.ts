// Benchmark of the model layer's decode loop on the tiny LLaMA (onnxruntime-node, CPU):
//  1. tokens/s of our loop (prefill, then one append per step, argmax in JS) vs transformers.js
//     generate() (greedy) at the same batch size;
//  2. cost of keeping half the rows after L tokens: selectRows (CPU copy or the ONNX gather
//     session) vs re-prefilling the survivors' token ids (Speculative Rejection's two options).
// Prints tables; asserts nothing. Run: npx tsx scripts/bench-decode.ts [newTokens]
import { AutoModelForCausalLM, AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { loadGenerator, type LoadedGenerator } from '../src/models/causalLm.ts';
import { withModelSource } from '../src/models/sources.ts';
import { ensureTinyModels } from '../src/testing/tiny-models.ts';

const NEW_TOKENS = Number(process.argv[2] ?? 64);
const BATCHES = [1, 8, 32];
const PROMPTS = ['hello', 'tell me about the world and the people in it', 'why', 'what is the time of day'];
const REPEATS = 3;

const promptFor = (i: number) => `${PROMPTS[i % PROMPTS.length]} ${i}`;

function argmax(logits: Float32Array, row: number, vocab: number): number {
  let best = row * vocab;
  for (let i = best + 1; i < (row + 1) * vocab; i++) if ((logits[i] as number) > (logits[best] as number)) best = i;
  return best - row * vocab;
}

/** Best of REPEATS (after one warm-up) in ms. */
async function timeBest(work: () => Promise<void>): Promise<number> {
  await work();
  let best = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function ourLoop(generator: LoadedGenerator, rows: number): Promise<void> {
  const vocab = generator.info.vocabSize;
  const batch = await generator.prefill(Array.from({ length: rows }, (_, i) => generator.encodePrompt(promptFor(i))));
  for (let step = 0; step < NEW_TOKENS; step++) {
    await batch.append(Array.from({ length: rows }, (_, r) => argmax(batch.nextLogits, r, vocab)));
  }
  await batch.dispose();
}

const folder = (await ensureTinyModels()).llama;
const source = { kind: 'path', path: folder } as const;
const cpuCopy = await loadGenerator(source, { device: 'cpu', dtype: 'fp32', rowSelection: 'cpu-copy' });
const gather = await loadGenerator(source, { device: 'cpu', dtype: 'fp32', rowSelection: 'device-gather' });

const reference = await withModelSource(source, async ({ modelId }) => ({
  model: await AutoModelForCausalLM.from_pretrained(modelId, { device: 'cpu', dtype: 'fp32' }),
  tokenizer: await AutoTokenizer.from_pretrained(modelId),
}));
reference.tokenizer.padding_side = 'left';

async function generateLoop(rows: number): Promise<void> {
  const { model, tokenizer } = reference;
  const texts = Array.from({ length: rows }, (_, i) =>
    tokenizer.apply_chat_template([{ role: 'user', content: promptFor(i) }], { add_generation_prompt: true, tokenize: false }) as string,
  );
  const inputs = tokenizer(texts, { padding: true, add_special_tokens: false });
  // No stop token: every row decodes NEW_TOKENS tokens, as in our loop.
  const out = (await model.generate({ ...inputs, max_new_tokens: NEW_TOKENS, min_new_tokens: NEW_TOKENS, do_sample: false })) as Tensor;
  out.dispose();
}

console.log(`Tiny LLaMA (${folder}), CPU, ${NEW_TOKENS} new tokens per row, best of ${REPEATS}\n`);
console.log('| batch | our loop tok/s | generate() tok/s | ratio |');
console.log('|---:|---:|---:|---:|');
for (const rows of BATCHES) {
  const ours = await timeBest(() => ourLoop(cpuCopy, rows));
  const theirs = await timeBest(() => generateLoop(rows));
  const rate = (ms: number) => (rows * NEW_TOKENS * 1000) / ms;
  console.log(`| ${rows} | ${rate(ours).toFixed(0)} | ${rate(theirs).toFixed(0)} | ${(theirs / ours).toFixed(2)} |`);
}

console.log(`\nKeeping every other row after ${NEW_TOKENS} tokens (ms per pruning)\n`);
console.log('| batch | selectRows, CPU copy | selectRows, ONNX gather | re-prefill survivors |');
console.log('|---:|---:|---:|---:|');
for (const rows of BATCHES.filter((b) => b > 1)) {
  const survivors = Array.from({ length: rows / 2 }, (_, i) => 2 * i);
  const histories = async (generator: LoadedGenerator) => {
    const vocab = generator.info.vocabSize;
    const tokens = Array.from({ length: rows }, (_, i) => generator.encodePrompt(promptFor(i)));
    const batch = await generator.prefill(tokens);
    for (let step = 0; step < NEW_TOKENS; step++) {
      const next = Array.from({ length: rows }, (_, r) => argmax(batch.nextLogits, r, vocab));
      next.forEach((t, r) => tokens[r]!.push(t));
      await batch.append(next);
    }
    return { batch, tokens };
  };
  const timeSelect = async (generator: LoadedGenerator) => {
    let total = Infinity;
    for (let i = 0; i < REPEATS; i++) {
      const { batch } = await histories(generator);
      const start = performance.now();
      await batch.selectRows(survivors);
      total = Math.min(total, performance.now() - start);
      await batch.dispose();
    }
    return total;
  };
  const copyMs = await timeSelect(cpuCopy);
  const gatherMs = await timeSelect(gather);
  const { batch, tokens } = await histories(cpuCopy);
  await batch.dispose();
  const prefillMs = await timeBest(async () => {
    const fresh = await cpuCopy.prefill(survivors.map((r) => tokens[r]!));
    await fresh.dispose();
  });
  console.log(`| ${rows} | ${copyMs.toFixed(2)} | ${gatherMs.toFixed(2)} | ${prefillMs.toFixed(2)} |`);
}

await Promise.all([cpuCopy.dispose(), gather.dispose(), reference.model.dispose()]);
