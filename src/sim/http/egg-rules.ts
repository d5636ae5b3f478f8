/**
 * Laravel's validator as the panel runs it on an egg variable's value (pterodactyl/panel
 * StartupController::update `$this->validate($request, ['value' => $variable->rules])`; pelican
 * the same with `$request->validate`). Written apart from src/shared/egg-rules.ts on purpose:
 * the sim stands for the panel, and a bug shared with the client would hide from the tests.
 * Follows Illuminate\Validation\Validator (Laravel 11): the rules string is exploded on `|`,
 * implicit `required` stops the attribute, `nullable` skips a null, sizes count a value only
 * under `numeric`/`integer`. Rules beyond this list pass (the sim is not the whole of Laravel).
 */
import type { ValidationFailure } from './errors';

const SIZE_WORDS: Record<string, string> = {
  min: 'must be at least :a',
  max: 'may not be greater than :a',
  size: 'must be :a',
  between: 'must be between :a and :b',
};

const TEXT: Record<string, string> = {
  required: 'The value field is required.',
  string: 'The value must be a string.',
  integer: 'The value must be an integer.',
  numeric: 'The value must be a number.',
  boolean: 'The value field must be true or false.',
  in: 'The selected value is invalid.',
  not_in: 'The selected value is invalid.',
  regex: 'The value format is invalid.',
  not_regex: 'The value format is invalid.',
  alpha_dash: 'The value may only contain letters, numbers, and dashes.',
  alpha_num: 'The value may only contain letters and numbers.',
  url: 'The value format is invalid.',
  starts_with: 'The value must start with one of the following: :values.',
};

const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** preg_match on a PHP pattern; a pattern that does not compile is a 500 in Laravel. */
function pregMatch(pattern: string, subject: string): boolean {
  const m = /^(.)(.*)\1([a-zA-Z]*)$/s.exec(pattern);
  if (!m) throw new Error('preg_match(): No ending delimiter');
  return new RegExp((m[2] ?? '').replaceAll('\\A', '^').replaceAll('\\z', '$'), (m[3] ?? '').replace(/[^ims]/g, '')).test(subject);
}

/** The 422 failures of `value` (already trimmed, '' as null) under `rules`. */
export function validateEggValue(value: string | null, rules: string): ValidationFailure[] {
  const list = rules.split('|').filter((r) => r !== '');
  const names = list.map((r) => r.split(':', 1)[0] ?? '');
  if (value === null && names.includes('nullable')) return [];
  const numericAttr = names.includes('numeric') || names.includes('integer');
  const text = value ?? '';
  const size = numericAttr && value !== null && NUMBER.test(text) ? Number(text) : [...text].length;
  const out: ValidationFailure[] = [];
  for (const rule of list) {
    const colon = rule.indexOf(':');
    const name = colon < 0 ? rule : rule.slice(0, colon);
    const arg = colon < 0 ? '' : rule.slice(colon + 1);
    const args = arg.split(',');
    const [a = 0, b = 0] = args.map(Number);
    let ok = true;
    if (name === 'required') ok = value !== null;
    else if (name === 'string') ok = value !== null;
    else if (name === 'integer') ok = /^[+-]?(?:0|[1-9]\d*)$/.test(text);
    else if (name === 'numeric') ok = NUMBER.test(text);
    else if (name === 'boolean') ok = text === '0' || text === '1';
    else if (name === 'in' || name === 'not_in')
      ok = args.some((p) => p === text || (NUMBER.test(p) && NUMBER.test(text) && Number(p) === Number(text))) === (name === 'in');
    else if (name === 'regex' || name === 'not_regex') ok = value !== null && pregMatch(arg, text) === (name === 'regex');
    else if (name === 'alpha_dash') ok = /^[\p{L}\p{M}\p{N}_-]+$/u.test(text);
    else if (name === 'alpha_num') ok = /^[\p{L}\p{M}\p{N}]+$/u.test(text);
    else if (name === 'url') ok = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text);
    else if (name === 'starts_with') ok = args.some((p) => text.startsWith(p));
    else if (name === 'min') ok = size >= a;
    else if (name === 'max') ok = size <= a;
    else if (name === 'size') ok = size === a;
    else if (name === 'between') ok = size >= a && size <= b;
    if (ok) continue;
    out.push({ field: 'value', rule: name, detail: detailOf(name, args, numericAttr) });
    if (name === 'required') break;
  }
  return out;
}

function detailOf(name: string, args: string[], numericAttr: boolean): string {
  const size = SIZE_WORDS[name];
  if (size !== undefined) {
    const words = size.replace(':a', args[0] ?? '').replace(':b', args[1] ?? '');
    return `The value ${words}${numericAttr ? '' : ' characters'}.`;
  }
  return (TEXT[name] ?? 'The value is invalid.').replace(':values', args.join(', '));
}
