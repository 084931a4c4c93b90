// On WASM, onnxruntime's runs resolve without giving the worker's event loop a turn, so during a run
// neither timers (the event flush) nor incoming messages (Stop) would be handled until it ended.
// These wrappers hand the loop a turn after a model call whenever `intervalMs` has passed.
import type { DecodeBatch, Generator, Scorer } from '../core/backend.ts';

/** Resolves after pending macrotasks (timers, messages) had their turn; MessageChannel avoids timer clamping. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class TurnGiver {
  private last: number;
  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly yieldTurn: () => Promise<void> = nextMacrotask,
  ) {
    this.last = now();
  }

  /** Gives the event loop a turn if the last one was at least `intervalMs` ago. */
  async maybeYield(): Promise<void> {
    if (this.now() - this.last < this.intervalMs) return;
    await this.yieldTurn();
    this.last = this.now();
  }
}

function yieldingBatch(batch: DecodeBatch, turns: TurnGiver): DecodeBatch {
  return {
    get rows() { return batch.rows; },
    get lengths() { return batch.lengths; },
    get cacheWidth() { return batch.cacheWidth; },
    get nextLogits() { return batch.nextLogits; },
    async append(tokens) {
      await batch.append(tokens);
      await turns.maybeYield();
    },
    async selectRows(rows) {
      await batch.selectRows(rows);
      await turns.maybeYield();
    },
    dispose: () => batch.dispose(),
  };
}

export function yieldingGenerator(generator: Generator, turns: TurnGiver): Generator {
  return {
    info: generator.info,
    encodePrompt: (prompt) => generator.encodePrompt(prompt),
    decode: (ids) => generator.decode(ids),
    async prefill(sequences) {
      const batch = await generator.prefill(sequences);
      await turns.maybeYield();
      return yieldingBatch(batch, turns);
    },
  };
}

export function yieldingScorer(scorer: Scorer, turns: TurnGiver): Scorer {
  return {
    id: scorer.id,
    label: scorer.label,
    ...(scorer.parameters !== undefined && { parameters: scorer.parameters }),
    // A streamed reward's reference decodes beside the generator: it hands the loop turns too.
    ...(scorer.streamed && { streamed: { reference: yieldingGenerator(scorer.streamed.reference, turns), weight: (k: number) => scorer.streamed!.weight(k) } }),
    async score(requests, signal) {
      const result = await scorer.score(requests, signal);
      await turns.maybeYield();
      return result;
    },
  };
}
