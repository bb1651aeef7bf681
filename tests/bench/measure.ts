/** Small helpers shared by the benchmark sections. */
export const median = (values: number[]): number => percentile(values, 50);

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))];
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

export async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export function table(title: string, rows: [string, string, string?][]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(12, ...rows.map((r) => r[1].length));
  for (const [label, value, note] of rows) console.log(`  ${label.padEnd(width)}  ${value.padStart(valueWidth)}${note ? `  ${note}` : ''}`);
}
