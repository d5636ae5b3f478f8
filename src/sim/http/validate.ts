/** The handful of Laravel rules the sim's routes need, failing as 422s with meta (§2.1). */
import { PanelValidationError } from './errors';
import type { ValidationFailure } from './errors';

/** Collects failures for one request body. */
export class Validator {
  private readonly failures: ValidationFailure[] = [];
  private readonly body: Record<string, unknown>;

  constructor(body: unknown) {
    this.body = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  }

  private label(field: string): string {
    return field.replaceAll('_', ' ');
  }

  private fail(field: string, rule: string, detail: string): void {
    this.failures.push({ field, rule, detail });
  }

  /** `required|string` (`ConvertEmptyStringsToNull` makes "" missing). */
  string(field: string, options: { nullable?: boolean } = {}): string | null {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') {
      if (!options.nullable) this.fail(field, 'required', `The ${this.label(field)} field is required.`);
      return null;
    }
    if (typeof value !== 'string') {
      this.fail(field, 'string', `The ${this.label(field)} must be a string.`);
      return null;
    }
    return value;
  }

  /** `required|in:…`. */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T | null {
    const value = this.string(field);
    if (value === null) return null;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(field, 'in', `The selected ${this.label(field)} is invalid.`);
      return null;
    }
    return value as T;
  }

  /** `required|array`. */
  array(field: string): unknown[] {
    const value = this.body[field];
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(field, 'required', `The ${this.label(field)} field is required.`);
      return [];
    }
    return value;
  }

  /** `required|url`. */
  url(field: string): string | null {
    const value = this.string(field);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
    } catch {
      // falls through to the failure below
    }
    this.fail(field, 'url', `The ${this.label(field)} format is invalid.`);
    return null;
  }

  /** A raw field, unvalidated. */
  raw(field: string): unknown {
    return this.body[field];
  }

  /** Throws the 422 when any rule failed. */
  done(): void {
    if (this.failures.length > 0) throw new PanelValidationError(this.failures);
  }
}
