/** The dashboard's CPU sparkline as an SVG path: one point per hour, broken where an hour has no data. */

/**
 * `M`/`L` commands through `values` spread over `width`, scaled to the largest value (at least
 * 10%, so an idle server draws a flat line low down, not a full-height zigzag of noise).
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const top = Math.max(10, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const parts: string[] = [];
  let isDrawing = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      isDrawing = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - (Math.max(0, value) / top) * height).toFixed(1);
    parts.push(`${isDrawing ? 'L' : 'M'}${x} ${y}`);
    isDrawing = true;
  });
  return parts.join(' ');
}
