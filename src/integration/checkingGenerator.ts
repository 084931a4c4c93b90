// A generator wrapper for tests on real models: it passes every call through to the real generator
// and, after each row selection and each append, compares every row's next-token logits with those
// of a fresh one-row prefill of that row's full token sequence (tracked here: what the row was
// prefilled with plus every token appended to it). A row that got another row's cache, or a stale
// one, shows as a difference. It also remembers which token ids each decoded text came from, so a
// test can read candidates' token ids back from the event log's texts.
import type { DecodeBatch, Generator } from '../core/backend.ts';

export interface RecomputeStats {
  /** Rows compared with a fresh prefill. */
  rowsChecked: number;
  /** Largest |logit difference| seen. */
  maxDifference: number;
  /** selectRows calls, and those that repeated a row (TreeBoN's branching). */
  selects: number;
  branchingSelects: number;
  /** Rows whose sequence was repeated into more than one row, summed over branching selects. */
  repeatedRows: number;
}

export class CheckingGenerator implements Generator {
  readonly stats: RecomputeStats = { rowsChecked: 0, maxDifference: 0, selects: 0, branchingSelects: 0, repeatedRows: 0 };
  private readonly idsOfText = new Map<string, string>();

  constructor(private readonly inner: Generator) {}

  get info() {
    return this.inner.info;
  }

  encodePrompt(prompt: string): number[] {
    return this.inner.encodePrompt(prompt);
  }

  decode(tokenIds: readonly number[]): string {
    const text = this.inner.decode(tokenIds);
    const key = tokenIds.join(',');
    const known = this.idsOfText.get(text);
    // Two token sequences with one text would make texts ambiguous as keys: say so rather than guess.
    if (known !== undefined && known !== key) throw new Error(`two token sequences decode to "${text}"`);
    this.idsOfText.set(text, key);
    return text;
  }

  /** The token ids a decoded text came from (only texts this wrapper decoded). */
  idsOf(text: string): number[] | undefined {
    const key = this.idsOfText.get(text);
    return key === undefined ? undefined : key === '' ? [] : key.split(',').map(Number);
  }

  async prefill(sequences: readonly (readonly number[])[]): Promise<DecodeBatch> {
    return new CheckingBatch(this, await this.inner.prefill(sequences), sequences.map((s) => [...s]));
  }

  /** Compares each row's logits with a fresh prefill of its sequence, one row at a time (no padding). */
  async compare(logits: Float32Array, sequences: readonly (readonly number[])[]): Promise<void> {
    const vocab = this.info.vocabSize;
    for (const [r, sequence] of sequences.entries()) {
      const fresh = await this.inner.prefill([sequence]);
      try {
        const row = logits.subarray(r * vocab, (r + 1) * vocab);
        for (let v = 0; v < vocab; v++) this.stats.maxDifference = Math.max(this.stats.maxDifference, Math.abs(row[v]! - fresh.nextLogits[v]!));
      } finally {
        await fresh.dispose();
      }
      this.stats.rowsChecked++;
    }
  }
}

class CheckingBatch implements DecodeBatch {
  constructor(
    private readonly owner: CheckingGenerator,
    private readonly inner: DecodeBatch,
    private sequences: number[][],
  ) {}

  get rows(): number {
    return this.inner.rows;
  }
  get lengths(): readonly number[] {
    return this.inner.lengths;
  }
  get cacheWidth(): number | undefined {
    return this.inner.cacheWidth;
  }
  get nextLogits(): Float32Array {
    return this.inner.nextLogits;
  }

  async append(tokens: readonly number[]): Promise<void> {
    await this.inner.append(tokens);
    tokens.forEach((t, r) => this.sequences[r]!.push(t));
    // The logits after an append come from the cache rows: this checks the rows themselves.
    await this.owner.compare(this.inner.nextLogits, this.sequences);
  }

  async selectRows(rows: readonly number[]): Promise<void> {
    await this.inner.selectRows(rows);
    const stats = this.owner.stats;
    stats.selects++;
    const uses = new Map<number, number>();
    for (const r of rows) uses.set(r, (uses.get(r) ?? 0) + 1);
    const repeated = [...uses.values()].filter((count) => count > 1).length;
    if (repeated > 0) {
      stats.branchingSelects++;
      stats.repeatedRows += repeated;
    }
    this.sequences = rows.map((r) => [...this.sequences[r]!]);
    if (rows.length > 0) await this.owner.compare(this.inner.nextLogits, this.sequences);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
