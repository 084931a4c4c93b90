// Number formatting shared by every panel, so that one quantity reads the same everywhere.

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Decimal units (1 MB = 10^6 B), as download sizes are usually quoted. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/**
 * Rewards are unbounded logits or log-ratios: a sign and two decimals. A reward that is not zero but
 * rounds to 0.00 keeps two significant digits (+0.0031), so only an exact zero reads as 0.00.
 */
export function formatReward(reward: number | null | undefined): string {
  if (reward === null || reward === undefined || !Number.isFinite(reward)) return '–';
  if (reward === 0) return '0.00';
  const fixed = Math.abs(reward) < 0.005 ? reward.toPrecision(2) : reward.toFixed(2);
  return reward > 0 ? `+${fixed}` : fixed;
}

// One formatter for all counts: toLocaleString builds a new one per call, which shows in profiles.
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return Number.isFinite(n) ? COUNT_FORMAT.format(Math.round(n)) : '–';
}

/** "3.4x" for ratios such as a speed-up. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '–';
  return `${ratio.toFixed(ratio < 10 ? 1 : 0)}x`;
}
