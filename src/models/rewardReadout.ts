// Which number a sequence-classification model's logits give as a reward. A reward model has one label:
// its raw logit. A classifier with several labels (a sentiment or preference model picked as a reward)
// gives the log-odds of its desirable label, log p(label) / (1 − p(label)) = logit − logsumexp(others):
// the label named like "positive" / "chosen" / "helpful"; with two labels of which one is named like
// "negative" / "toxic", the other one; else the last label (e.g. "5 stars"). Pure: no model here.

export interface RewardReadout {
  /** Logits per row. */
  readonly labels: number;
  /** The label whose (log-odds of) logit is the reward. */
  readonly target: number;
  /** The target label's name, when the model has more than one label. */
  readonly name: string | null;
}

const DESIRABLE = /^(pos|positive|good|helpful|harmless|safe|chosen|preferred|accept|accepted|acceptable|yes|true|entailment|non[-_ ]?toxic|not[-_ ]?toxic)$/i;
const UNDESIRABLE = /^(neg|negative|bad|unhelpful|harmful|unsafe|rejected|no|false|toxic|toxicity|hate|offensive|abusive|insult|spam)$/i;

function labelNames(config: Readonly<Record<string, unknown>>, labels: number): string[] {
  const id2label = config['id2label'];
  const table = typeof id2label === 'object' && id2label !== null ? (id2label as Record<string, unknown>) : {};
  return Array.from({ length: labels }, (_, i) => (typeof table[String(i)] === 'string' ? (table[String(i)] as string) : `LABEL_${i}`));
}

/** `labels`: how many logits the model's output has per row. */
export function rewardReadout(config: Readonly<Record<string, unknown>>, labels: number): RewardReadout {
  if (labels <= 1) return { labels: 1, target: 0, name: null };
  const names = labelNames(config, labels);
  const clean = names.map((n) => n.trim());
  let target = clean.findIndex((n) => DESIRABLE.test(n));
  if (target < 0 && labels === 2) {
    const bad = clean.findIndex((n) => UNDESIRABLE.test(n));
    if (bad >= 0) target = 1 - bad;
  }
  if (target < 0) target = labels - 1;
  return { labels, target, name: names[target]! };
}

/** The reward of row `row` of row-major logits [rows x labels]. */
export function readReward(logits: ArrayLike<number>, row: number, readout: RewardReadout): number {
  const base = row * readout.labels;
  const own = logits[base + readout.target]!;
  if (readout.labels === 1) return own;
  let max = -Infinity;
  for (let j = 0; j < readout.labels; j++) if (j !== readout.target) max = Math.max(max, logits[base + j]!);
  let sum = 0;
  for (let j = 0; j < readout.labels; j++) if (j !== readout.target) sum += Math.exp(logits[base + j]! - max);
  return own - (max + Math.log(sum));
}

/** How the scorer names what it reads, e.g. 'log-odds of "POSITIVE"'. */
export function describeReadout(readout: RewardReadout): string | null {
  return readout.name === null ? null : `log-odds of "${readout.name}"`;
}
