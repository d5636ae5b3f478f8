/**
 * A page of rollups in one blob (issue 14): an hour of 1-minute buckets or 4½ hours of 15-minute
 * buckets for one server. A row per bucket costs ~70 bytes in SQLite (its key, its record header,
 * its cell); 500 servers' 90 days of 15-minute rows alone would be ~300 MiB. Packed, each value is
 * 16 bits on a per-page scale (the page's largest value of that metric maps to 65535), so 4½ hours of
 * quarters are 644 bytes and the quantisation error is under 1/131070 of the page's largest value: a memory chart
 * that peaks at 8 GiB is off by at most 64 KiB. Pure.
 *
 * Layout (little-endian): u8 version (1), u8 reserved, u16 slots; FIELDS × f32 scale; then per
 * field (column-major) slots × u16. A slot whose count is 0 is empty.
 */
import { ROLLUP_METRICS, type Rollup, type RollupMetric } from './rollups';

const VERSION = 1;
const HEADER = 4;
/** count, then min/avg/max of each metric. */
const FIELDS = 1 + ROLLUP_METRICS.length * 3;
const Q_MAX = 65_535;

/** One slot's values: the rollup without its time, which the slot index gives. */
export type SlotValues = Pick<Rollup, 'count' | 'metrics'>;

export function pageBytes(slots: number): number {
  return HEADER + FIELDS * 4 + FIELDS * slots * 2;
}

function fieldValues(slot: SlotValues): number[] {
  const out = [slot.count];
  for (const m of ROLLUP_METRICS) out.push(slot.metrics[m].min, slot.metrics[m].avg, slot.metrics[m].max);
  return out;
}

/** Packs `slots` (null for an empty one); `slots.length` is the page's slot count. */
export function encodePage(slots: ReadonlyArray<SlotValues | null>): Uint8Array {
  const n = slots.length;
  const bytes = new Uint8Array(pageBytes(n));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, VERSION);
  view.setUint16(2, n, true);
  const values = slots.map((s) => (s && s.count > 0 ? fieldValues(s).map((v) => (Number.isFinite(v) && v > 0 ? v : 0)) : null));
  // The count is exact (a scale of 1). A metric's min, avg and max share one scale, its largest
  // max on the page, so rounding keeps min ≤ avg ≤ max.
  const scales: number[] = [1];
  for (let k = 0; k < ROLLUP_METRICS.length; k++) {
    let max = 0;
    for (const v of values) if (v) for (let f = 1 + k * 3; f < 4 + k * 3; f++) max = Math.max(max, v[f] ?? 0);
    // Stored as f32, so quantise against the scale as stored; rounded up so the max fits in 16 bits.
    const scale = max > 0 ? Math.fround((max / Q_MAX) * (1 + 2 ** -20)) : 1;
    scales.push(scale, scale, scale);
  }
  for (let f = 0; f < FIELDS; f++) {
    const scale = scales[f] ?? 1;
    view.setFloat32(HEADER + f * 4, scale, true);
    const base = HEADER + FIELDS * 4 + f * n * 2;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const q = v ? Math.min(Q_MAX, Math.round((v[f] ?? 0) / scale)) : 0;
      view.setUint16(base + i * 2, q, true);
    }
  }
  return bytes;
}

/** Unpacks a page; a blob of another version or size gives all-empty slots (never a throw). */
export function decodePage(bytes: Uint8Array, expectedSlots: number): Array<SlotValues | null> {
  const empty = (): Array<SlotValues | null> => Array.from({ length: expectedSlots }, () => null);
  if (bytes.byteLength !== pageBytes(expectedSlots)) return empty();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint8(0) !== VERSION || view.getUint16(2, true) !== expectedSlots) return empty();
  const n = expectedSlots;
  const scales = Array.from({ length: FIELDS }, (_, f) => view.getFloat32(HEADER + f * 4, true));
  const read = (f: number, i: number): number => view.getUint16(HEADER + FIELDS * 4 + f * n * 2 + i * 2, true) * (scales[f] ?? 1);
  const out: Array<SlotValues | null> = [];
  for (let i = 0; i < n; i++) {
    const count = read(0, i);
    if (count === 0) {
      out.push(null);
      continue;
    }
    const metrics = {} as Record<RollupMetric, { min: number; avg: number; max: number }>;
    ROLLUP_METRICS.forEach((m, k) => {
      metrics[m] = { min: read(1 + k * 3, i), avg: read(2 + k * 3, i), max: read(3 + k * 3, i) };
    });
    out.push({ count, metrics });
  }
  return out;
}
