/**
 * An egg variable's Laravel `rules` string, checked as the panel checks it before it saves a value
 * (pterodactyl/panel app/Http/Controllers/Api/Client/Servers/StartupController.php `update`:
 * `$this->validate($request, ['value' => $variable->rules])`; pelican-dev/panel the same with
 * `$request->validate`). Used by the window, the CLI and nothing else: the sim has its own.
 *
 * What the panel does before the rules run, and so what this does too:
 * - `TrimStrings` then `ConvertEmptyStringsToNull` (pterodactyl app/Http/Kernel.php; Laravel 11's
 *   defaults in Pelican): the value is trimmed and an empty one becomes null.
 * - The rules string is split on every `|` (Illuminate ValidationRuleParser::explodeExplicitRule),
 *   so a `regex:` holding a `|` is cut in two; that pattern fails to compile and is left to the
 *   panel here.
 * - A null value passes everything under `nullable`; fails `required` and stops there (an implicit
 *   rule failed: Validator::shouldStopValidating); otherwise the other rules still run on it.
 * - `min`/`max`/`between`/`size` count a value (is_numeric) when `numeric` or `integer` is among
 *   the rules, else its characters (Validator::getSize, getAttributeType).
 * The messages are the panel's own (resources/lang/en/validation.php, the attribute `value`).
 * A rule this module does not know is never a failure: it is returned as unchecked, for the panel.
 */

/** One rule of a rules string: `max:20` is `{ name: 'max', params: ['20'] }`. */
export interface EggRule {
  name: string;
  params: string[];
  raw: string;
}

/** One rule the value fails, with the panel's words. */
export interface RuleFailure {
  rule: string;
  message: string;
}

/** The outcome of checking one value. */
export interface VariableCheck {
  isValid: boolean;
  failures: RuleFailure[];
  /** Rules left to the panel (unknown here, or a pattern JavaScript cannot run). */
  unchecked: string[];
}

const NUMERIC_RULES = new Set(['numeric', 'integer', 'decimal']);
const MARKERS = new Set(['nullable', 'sometimes', 'bail', 'present', 'filled']);

/** PHP's `str_getcsv` for rule parameters (`in:"a,b",c` is two values). */
function csv(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"' && (quoted || cur === '')) {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

/** The rules of a rules string, in order (Laravel's `explode('|')`, then `name:params`). */
export function parseRules(rules: string): EggRule[] {
  return rules
    .split('|')
    .map((raw) => raw.trim())
    .filter((raw) => raw.length > 0)
    .map((raw) => {
      const colon = raw.indexOf(':');
      const name = (colon < 0 ? raw : raw.slice(0, colon)).trim().toLowerCase();
      const param = colon < 0 ? '' : raw.slice(colon + 1);
      // ValidationRuleParser::parseParameters: regex patterns are one parameter, never CSV.
      const params = colon < 0 ? [] : name === 'regex' || name === 'not_regex' ? [param] : csv(param);
      return { name, params, raw };
    });
}

/** PHP `is_numeric` on a string (leading/trailing whitespace allowed since PHP 8). */
export function isPhpNumeric(value: string): boolean {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value);
}

/** `filter_var(FILTER_VALIDATE_INT)`: no leading zeros, within 64 bits. */
function isPhpInt(value: string): boolean {
  const m = /^\s*([+-]?)(0|[1-9]\d*)\s*$/.exec(value);
  if (!m) return false;
  const big = BigInt(`${m[1] ?? ''}${m[2] ?? ''}`);
  return big >= -(2n ** 63n) && big <= 2n ** 63n - 1n;
}

/** A PHP `/pattern/flags` as a JavaScript RegExp, or null when it cannot be run the same way here. */
export function phpRegex(pattern: string): RegExp | null {
  const open = pattern[0];
  if (open === undefined || /[a-z0-9\\\s]/i.test(open)) return null;
  const close = ({ '(': ')', '{': '}', '[': ']', '<': '>' } as Record<string, string>)[open] ?? open;
  const end = pattern.lastIndexOf(close);
  if (end <= 0) return null;
  const body = pattern.slice(1, end);
  const flags = pattern.slice(end + 1);
  // x, U, D, A and PCRE-only syntax (\A, \z, \Z, inline flags, possessives) have no JavaScript twin.
  if (!/^[imsu]*$/.test(flags) || /\\[AzZGK]|\(\?[a-zA-Z]|[+*?}]\+/.test(body)) return null;
  try {
    return new RegExp(body, flags);
  } catch {
    return null;
  }
}

type Size = { kind: 'numeric' | 'string'; size: number };

function sizeOf(value: string | null, rules: EggRule[]): Size {
  const isNumericAttr = rules.some((r) => NUMERIC_RULES.has(r.name));
  if (isNumericAttr && value !== null && isPhpNumeric(value)) return { kind: 'numeric', size: Number(value) };
  // mb_strlen counts code points.
  return { kind: isNumericAttr ? 'numeric' : 'string', size: value === null ? 0 : [...value].length };
}

/** PHP's loose `==` between two strings: numeric strings compare as numbers. */
function looseEquals(a: string, b: string): boolean {
  return a === b || (isPhpNumeric(a) && isPhpNumeric(b) && Number(a) === Number(b));
}

const MESSAGES = {
  required: 'The value field is required.',
  string: 'The value must be a string.',
  integer: 'The value must be an integer.',
  numeric: 'The value must be a number.',
  boolean: 'The value field must be true or false.',
  in: 'The selected value is invalid.',
  not_in: 'The selected value is invalid.',
  regex: 'The value format is invalid.',
  not_regex: 'The value format is invalid.',
  alpha: 'The value may only contain letters.',
  alpha_dash: 'The value may only contain letters, numbers, and dashes.',
  alpha_num: 'The value may only contain letters and numbers.',
  url: 'The value format is invalid.',
} as const;

function sizeMessage(rule: 'min' | 'max' | 'size' | 'between', kind: Size['kind'], params: string[]): string {
  const [a = '', b = ''] = params;
  const chars = kind === 'string' ? ' characters' : '';
  if (rule === 'min') return `The value must be at least ${a}${chars}.`;
  if (rule === 'max') return `The value may not be greater than ${a}${chars}.`;
  if (rule === 'size') return `The value must be ${a}${chars}.`;
  return `The value must be between ${a} and ${b}${chars}.`;
}

/** Laravel's `url` accepts many schemes; this asks for `scheme://host` and a parseable URL. */
function isUrl(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const LETTERS = /^[\p{L}\p{M}]+$/u;
const ALNUM = /^[\p{L}\p{M}\p{N}]+$/u;
const ALNUM_DASH = /^[\p{L}\p{M}\p{N}_-]+$/u;

/** One rule on a value: true (passes), false (fails), or null (not known here). */
function passes(rule: EggRule, value: string | null, all: EggRule[]): boolean | null {
  const v = value ?? '';
  const isText = value !== null;
  const num = (i: number): number => Number(rule.params[i]);
  switch (rule.name) {
    case 'required':
      return value !== null;
    case 'string':
      return isText;
    case 'integer':
      return isText && isPhpInt(v);
    case 'numeric':
      return isText && isPhpNumeric(v);
    case 'boolean':
      // in_array($value, [true, false, 0, 1, '0', '1'], true): the text "true" is not one.
      return v === '0' || v === '1';
    case 'in':
      return rule.params.some((p) => looseEquals(v, p));
    case 'not_in':
      return !rule.params.some((p) => looseEquals(v, p));
    case 'regex':
    case 'not_regex': {
      const re = phpRegex(rule.params[0] ?? '');
      if (re === null) return null;
      if (!isText) return false;
      return re.test(v) === (rule.name === 'regex');
    }
    case 'alpha':
      return isText && LETTERS.test(v);
    case 'alpha_num':
      return isText && ALNUM.test(v);
    case 'alpha_dash':
      return isText && ALNUM_DASH.test(v);
    case 'digits':
      return isText && /^\d*$/.test(v) && v.length === num(0);
    case 'digits_between':
      return isText && /^\d*$/.test(v) && v.length >= num(0) && v.length <= num(1);
    case 'url':
      return isText && isUrl(v);
    case 'min':
      return sizeOf(value, all).size >= num(0);
    case 'max':
      return sizeOf(value, all).size <= num(0);
    case 'size':
      return sizeOf(value, all).size === num(0);
    case 'between': {
      const { size } = sizeOf(value, all);
      return size >= num(0) && size <= num(1);
    }
    default:
      return null;
  }
}

function messageOf(rule: EggRule, value: string | null, all: EggRule[]): string {
  if (rule.name === 'min' || rule.name === 'max' || rule.name === 'size' || rule.name === 'between') {
    return sizeMessage(rule.name, sizeOf(value, all).kind, rule.params);
  }
  if (rule.name === 'digits') return `The value must be ${rule.params[0] ?? ''} digits.`;
  if (rule.name === 'digits_between') return `The value must be between ${rule.params[0] ?? ''} and ${rule.params[1] ?? ''} digits.`;
  return (MESSAGES as Record<string, string>)[rule.name] ?? 'The value is invalid.';
}

/** The value as the panel's middleware hands it to the validator: trimmed, '' as null. */
export function panelInput(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Checks a value typed for a variable against its rules, as the panel would. */
export function checkVariableValue(value: string, rules: string): VariableCheck {
  const all = parseRules(rules);
  const input = panelInput(value);
  const failures: RuleFailure[] = [];
  const unchecked: string[] = [];
  if (input === null && all.some((r) => r.name === 'nullable') && !all.some((r) => r.name === 'required')) {
    return { isValid: true, failures, unchecked };
  }
  for (const rule of all) {
    if (MARKERS.has(rule.name)) continue;
    const ok = passes(rule, input, all);
    if (ok === null) unchecked.push(rule.raw);
    else if (!ok) {
      failures.push({ rule: rule.name, message: messageOf(rule, input, all) });
      if (rule.name === 'required') break;
    }
  }
  return { isValid: failures.length === 0, failures, unchecked };
}

function sizeWords(rule: EggRule, all: EggRule[]): string {
  const unit = all.some((r) => NUMERIC_RULES.has(r.name)) ? '' : ' characters';
  const [a = '', b = ''] = rule.params;
  if (rule.name === 'min') return `at least ${a}${unit}`;
  if (rule.name === 'max') return `at most ${a}${unit}`;
  if (rule.name === 'size') return unit ? `exactly ${a}${unit}` : `exactly ${a}`;
  return `between ${a} and ${b}${unit}`;
}

/** One rule in words, or null for one that says nothing to a person (`string`, `bail`). */
function ruleWords(rule: EggRule, all: EggRule[]): string | null {
  const p = rule.params;
  switch (rule.name) {
    case 'required':
      return 'required';
    case 'nullable':
      return 'may be empty';
    case 'string':
    case 'bail':
    case 'sometimes':
    case 'present':
      return null;
    case 'integer':
      return 'a whole number';
    case 'numeric':
      return 'a number';
    case 'boolean':
      return '0 or 1';
    case 'in':
      return `one of ${p.join(', ')}`;
    case 'not_in':
      return `not ${p.join(', ')}`;
    case 'regex':
      return `matching ${p[0] ?? ''}`;
    case 'not_regex':
      return `not matching ${p[0] ?? ''}`;
    case 'alpha':
      return 'letters only';
    case 'alpha_num':
      return 'letters and digits only';
    case 'alpha_dash':
      return 'letters, digits, - and _ only';
    case 'digits':
      return `exactly ${p[0] ?? ''} digits`;
    case 'digits_between':
      return `${p[0] ?? ''} to ${p[1] ?? ''} digits`;
    case 'url':
      return 'a URL';
    case 'min':
    case 'max':
    case 'size':
    case 'between':
      return sizeWords(rule, all);
    default:
      return `${rule.raw} (checked by the panel)`;
  }
}

/** The rules as short phrases for a person: `required`, `at most 20 characters`, `one of 1, 2, 3`. */
export function describeRules(rules: string): string[] {
  const all = parseRules(rules);
  return all.map((r) => ruleWords(r, all)).filter((w): w is string => w !== null);
}
