/**
 * Schedule cron as the panel reads it. Both panels build `"m h dom mon dow"` and hand it to
 * dragonmantank/cron-expression (pterodactyl app/Helpers/Utilities.php::getScheduleNextRunDate,
 * v3.4.0 in its composer.lock; pelican the same helper, v3.6.0); any exception becomes
 * "The cron data provided does not evaluate to a valid expression." (ScheduleController::getNextRunAt).
 * This module follows that library's rules (src/Cron/AbstractField.php::validate, DayOfMonthField,
 * DayOfWeekField, CronExpression::getRunDate), quirks included, so the window and the CLI flag a
 * field before sending and preview exactly the runs the panel will make. Plain TS: shared by the
 * renderer, core and the sim.
 */

/** The five fields, in the panel's request names' order. */
export interface CronFields {
  minute: string;
  hour: string;
  dayOfMonth: string;
  month: string;
  dayOfWeek: string;
}

export type CronFieldName = keyof CronFields;

export const CRON_FIELD_NAMES: readonly CronFieldName[] = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'];

interface FieldSpec {
  min: number;
  max: number;
  literals: readonly string[];
}

const SPECS: Record<CronFieldName, FieldSpec> = {
  minute: { min: 0, max: 59, literals: [] },
  hour: { min: 0, max: 23, literals: [] },
  dayOfMonth: { min: 1, max: 31, literals: [] },
  // MonthField: 1 => JAN … 12 => DEC.
  month: { min: 1, max: 12, literals: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  // DayOfWeekField: 0..7 (0 and 7 Sunday), 1 => MON … 7 => SUN.
  dayOfWeek: { min: 0, max: 7, literals: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] },
};

function convertLiterals(spec: FieldSpec, value: string): string {
  const index = spec.literals.indexOf(value.toUpperCase());
  return index === -1 ? value : String(index + 1);
}

/** AbstractField::validate (is_numeric narrowed to plain digits; "5e1" and " 5" are left out). */
function basicValid(spec: FieldSpec, raw: string, self: (v: string) => boolean): boolean {
  const value = convertLiterals(spec, raw);
  if (value === '*') return true;
  if (value.includes(',')) return value.split(',').every((item) => self(item));
  if (value.includes('/')) {
    const [range = '', step = ''] = value.split('/');
    // "Don't allow numeric ranges": 5/10 is refused, */10 and 0-59/10 are not.
    if (/^\d+$/.test(range)) return false;
    return basicValid(spec, range, self) && /^[1-9]\d*$/.test(step);
  }
  if (value.includes('-')) {
    const chunks = value.split('-');
    if (chunks.length !== 2) return false;
    const [a = '', b = ''] = chunks.map((c) => convertLiterals(spec, c));
    if (a === '*' || b === '*') return false;
    return basicValid(spec, a, self) && basicValid(spec, b, self);
  }
  if (!/^\d+$/.test(value)) return false;
  const n = Number(value);
  return n >= spec.min && n <= spec.max;
}

function validDayOfMonth(value: string): boolean {
  const spec = SPECS.dayOfMonth;
  const basic = basicValid(spec, value, validDayOfMonth);
  if (value.includes(',') && (value.includes('W') || value.includes('L'))) return false;
  if (basic) return true;
  if (value === '?' || value === 'L') return true;
  const w = /^(.*)W$/.exec(value);
  return w !== null && validDayOfMonth(w[1] ?? '');
}

function validDayOfWeek(value: string): boolean {
  const spec = SPECS.dayOfWeek;
  if (basicValid(spec, value, validDayOfWeek)) return true;
  if (value === '?') return true;
  if (value.includes('#')) {
    const [day = '', nth = ''] = value.split('#');
    if (basicValid(spec, convertLiterals(spec, day), validDayOfWeek) && /^\d+$/.test(nth) && Number(nth) >= 1 && Number(nth) <= 5) return true;
  }
  const last = /^(.*)L$/.exec(value);
  return last !== null && validDayOfWeek(last[1] ?? '');
}

const VALIDATORS: Record<CronFieldName, (value: string) => boolean> = {
  minute: (v) => basicValid(SPECS.minute, v, VALIDATORS.minute),
  hour: (v) => basicValid(SPECS.hour, v, VALIDATORS.hour),
  dayOfMonth: validDayOfMonth,
  month: (v) => basicValid(SPECS.month, v, VALIDATORS.month),
  dayOfWeek: validDayOfWeek,
};

/**
 * The fields the panel would refuse, each with why. Empty when every field parses; an
 * expression may still never run (30 February): `nextRuns` then answers `[]`.
 */
export function cronFieldProblems(fields: CronFields): Partial<Record<CronFieldName, string>> {
  const problems: Partial<Record<CronFieldName, string>> = {};
  for (const name of CRON_FIELD_NAMES) {
    const value = fields[name];
    // CronExpression::setExpression splits on whitespace: an empty field or one with a space
    // changes the number of parts, and "?" is allowed only in the two day fields.
    if (value === '' || /\s/.test(value)) problems[name] = value === '' ? 'required' : 'no spaces';
    else if (value === '?' && name !== 'dayOfMonth' && name !== 'dayOfWeek') problems[name] = '"?" only in the day fields';
    else if (!VALIDATORS[name](value)) problems[name] = 'not a value the panel accepts';
  }
  if (fields.dayOfMonth === '?' && fields.dayOfWeek === '?') problems.dayOfWeek = '"?" in one day field only';
  return problems;
}

/** The whole check the panel makes: every field parses and the expression has a next run. */
export function panelAcceptsCron(fields: CronFields, nowMs: number): boolean {
  return Object.keys(cronFieldProblems(fields)).length === 0 && nextRuns(fields, nowMs, 1).length === 1;
}

// ── matching (isSatisfiedBy of each field) ──

type Matcher = (value: number) => boolean;

/** AbstractField::isInIncrementsOfRanges / isInRange / isSatisfied over plain numbers. */
function numberMatcher(spec: FieldSpec, raw: string, sundayFix: boolean): Matcher {
  const value = convertLiterals(spec, raw);
  const norm = (n: number): number => (sundayFix && n === 7 ? 0 : n);
  if (value === '*' || value === '?') return () => true;
  if (value.includes(',')) {
    const parts = value.split(',').map((p) => numberMatcher(spec, p, sundayFix));
    return (v) => parts.some((m) => m(v));
  }
  const range = (text: string): [number, number] => {
    if (text === '*') return [spec.min, spec.max];
    const [a = '', b = a] = text.split('-').map((c) => convertLiterals(spec, c));
    if (!text.includes('-')) return [Number(a), Number(a)];
    let start = Number(a);
    let end = Number(b);
    // DayOfWeekField::isSatisfiedBy: "7-x" starts on Sunday 0, "x-0" ends on Sunday 7.
    if (sundayFix && start === 7) start = 0;
    if (sundayFix && end === 0) end = 7;
    return [start, end];
  };
  if (value.includes('/')) {
    const [rangeText = '*', stepText = '1'] = value.split('/');
    const step = Number(stepText);
    const [start, end] = range(rangeText);
    let allowed: number[];
    if (step > spec.max) allowed = [spec.min + (step % (spec.max - spec.min + 1))];
    else if (step > end - start) allowed = [start];
    else {
      allowed = [];
      for (let i = start; i <= end; i += step) allowed.push(i);
    }
    const set = new Set(allowed.map(norm));
    return (v) => set.has(v);
  }
  const [start, end] = range(value);
  if (start === end) return (v) => norm(start) === v;
  return (v) => (v >= start && v <= end) || (sundayFix && v === 0 && end === 7 && start <= 7);
}

/** A wall-clock day: year, month 1..12, date 1..31. */
interface Day {
  year: number;
  month: number;
  date: number;
}

type DayMatcher = (day: Day) => boolean;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekday(day: Day): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.date)).getUTCDay();
}

/** DayOfMonthField::isSatisfiedBy: L, nW, LW, or numbers. */
function dayOfMonthMatcher(value: string): DayMatcher {
  if (value === '?' || value === '*') return () => true;
  if (value === 'L') return (d) => d.date === daysIn(d.year, d.month);
  const w = /^(.*)W$/.exec(value);
  if (w) {
    return (d) => {
      const last = daysIn(d.year, d.month);
      const target = w[1] === 'L' ? last : Math.min(Number(w[1]), last);
      return nearestWeekday(d.year, d.month, target) === d.date;
    };
  }
  const numbers = numberMatcher(SPECS.dayOfMonth, value, false);
  return (d) => numbers(d.date);
}

/** DayOfMonthField::getNearestWeekday: the weekday nearest `target`, never leaving the month. */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = daysIn(year, month);
  const dow = weekday({ year, month, date: target });
  if (dow >= 1 && dow <= 5) return target;
  for (const adjust of [-1, 1, -2, 2]) {
    const candidate = target + adjust;
    if (candidate < 1 || candidate > last) continue;
    const cd = weekday({ year, month, date: candidate });
    if (cd >= 1 && cd <= 5) return candidate;
  }
  return target;
}

/** DayOfWeekField::isSatisfiedBy: n#k (k-th n of the month), nL (last n of the month), or numbers. */
function dayOfWeekMatcher(value: string): DayMatcher {
  const spec = SPECS.dayOfWeek;
  if (value.includes(',')) {
    const parts = value.split(',').map(dayOfWeekMatcher);
    return (d) => parts.some((m) => m(d));
  }
  const dayNumber = (text: string): number => Number(convertLiterals(spec, text)) % 7;
  const hash = /^(.+)#(\d)$/.exec(value);
  if (hash) {
    const target = dayNumber(hash[1] ?? '');
    const nth = Number(hash[2]);
    return (d) => weekday(d) === target && Math.ceil(d.date / 7) === nth;
  }
  const last = /^(.+)L$/.exec(value);
  if (last) {
    const target = dayNumber(last[1] ?? '');
    return (d) => weekday(d) === target && d.date + 7 > daysIn(d.year, d.month);
  }
  const numbers = numberMatcher(spec, value, true);
  return (d) => numbers(weekday(d));
}

const MINUTE_MS = 60_000;
/** How far ahead a run is looked for; dragonmantank gives up after 1000 field steps. */
const HORIZON_MS = 8 * 366 * 86_400_000;

/**
 * The next `count` runs strictly after `afterMs` (epoch ms), evaluated on the panel's wall clock
 * at `offsetMinutes` from UTC (the offset of its `next_run_at`; config app.timezone, UTC unless
 * changed). `[]` when the expression is refused or never comes.
 */
export function nextRuns(fields: CronFields, afterMs: number, count: number, offsetMinutes = 0): number[] {
  if (Object.keys(cronFieldProblems(fields)).length > 0) return [];
  const minute = numberMatcher(SPECS.minute, fields.minute, false);
  const hour = numberMatcher(SPECS.hour, fields.hour, false);
  const month = numberMatcher(SPECS.month, fields.month, false);
  const dom = dayOfMonthMatcher(fields.dayOfMonth);
  const dow = dayOfWeekMatcher(fields.dayOfWeek);
  // CronExpression::getRunDate: with both day fields other than "*", a day matching either runs.
  const either = fields.dayOfMonth !== '*' && fields.dayOfWeek !== '*';
  const dayMatches = (d: Day): boolean => (either ? dom(d) || dow(d) : dom(d) && dow(d));

  const offsetMs = offsetMinutes * MINUTE_MS;
  const runs: number[] = [];
  // Wall-clock ms as if UTC; the current minute never counts (allowCurrentDate false).
  let t = Math.floor((afterMs + offsetMs) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const end = t + HORIZON_MS;
  while (runs.length < count && t < end) {
    const at = new Date(t);
    const day: Day = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, date: at.getUTCDate() };
    if (!month(day.month)) {
      t = Date.UTC(day.year, day.month, 1);
    } else if (!dayMatches(day)) {
      t = Date.UTC(day.year, day.month - 1, day.date + 1);
    } else if (!hour(at.getUTCHours())) {
      t = Date.UTC(day.year, day.month - 1, day.date, at.getUTCHours() + 1);
    } else if (!minute(at.getUTCMinutes())) {
      t += MINUTE_MS;
    } else {
      runs.push(t - offsetMs);
      t += MINUTE_MS;
    }
  }
  return runs;
}

/** The offset from UTC, in minutes, of an ISO-8601 time like the panel's `toAtomString()`. */
export function offsetMinutesOf(iso: string | null): number | null {
  if (iso === null) return null;
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return iso.endsWith('Z') ? 0 : null;
}
