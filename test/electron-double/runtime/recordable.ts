/**
 * Turns option objects the app passed into plain data the snapshot can carry across processes:
 * images become ImageRefs, functions and other live objects are dropped.
 */
import { NativeImage } from './native-image';

/** A deep, plain copy of `value`, or undefined when nothing of it is data. */
export function toRecordable(value: unknown, depth = 0): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (value instanceof NativeImage) return value.toRef();
  if (typeof value !== 'object' || depth > 8) return undefined;
  if (Array.isArray(value)) return value.map((item) => toRecordable(item, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const recorded = toRecordable(item, depth + 1);
    if (recorded !== undefined) copy[key] = recorded;
  }
  return copy;
}

/** toRecordable for an options object (always an object). */
export function recordOptions(options: unknown): Record<string, unknown> {
  const recorded = toRecordable(options);
  return recorded && typeof recorded === 'object' && !Array.isArray(recorded) ? (recorded as Record<string, unknown>) : {};
}
