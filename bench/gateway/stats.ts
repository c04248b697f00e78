/** The value at quantile `q` (0..1) of `values` (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** `p50 / p99` of a sample, in ms with one decimal. */
export function summary(values: readonly number[]): { p50: number; p99: number; n: number } {
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(quantile(values, 0.5)), p99: round(quantile(values, 0.99)), n: values.length };
}

/** `ours / baseline`, two decimals. */
export function ratio(ours: number, baseline: number): number {
  return Math.round((ours / baseline) * 100) / 100;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
