/**
 * The settings file: its shape, defaults, migrations and repair, pure. A bad or old file is
 * repaired field by field (a wrong value falls back to its default and is reported), never fatal,
 * and never wiped whole. Keys are never part of it: any field that looks like one is dropped.
 */
import type { AccountRecord } from '../accounts/account-service';
import { MAX_KEEP_NEWEST } from '../backups/retention';
import { isServerKey } from '../../shared/server-key';
import { DEFAULT_QUICK_OPEN_SHORTCUT, isQuickOpenShortcut } from '../../shared/accelerator';
import { CONSOLE_SCROLLBACK_CHOICES, DEFAULT_CONSOLE_SCROLLBACK, type DashboardLayout, type NotificationRule, type Settings } from '../../shared/types';

export const SETTINGS_VERSION = 2;

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Everything electron-store keeps. */
export interface SettingsDocument {
  version: number;
  accounts: AccountRecord[];
  settings: Settings;
  windowBounds: WindowBounds | null;
}

const DEFAULT_USAGE = { cpuPercent: 90, memoryPercent: 90, sustainedMs: 120_000 };

export const DEFAULT_RULE: NotificationRule = { onStateChange: true, onCrash: true, usage: DEFAULT_USAGE };

export const DEFAULT_SETTINGS: Settings = {
  notifications: { global: DEFAULT_RULE, accounts: {}, servers: {}, pausedUntil: null, confirmOwnActions: true },
  monitor: { budgetShare: 0.25, pollIntervalS: 30 },
  launchAtLogin: false,
  theme: 'system',
  favourites: [],
  backupRetention: {},
  // ── tray (issue 15) ──
  quickOpenShortcut: DEFAULT_QUICK_OPEN_SHORTCUT,
  // ── console (issue 15) ──
  consoleScrollback: DEFAULT_CONSOLE_SCROLLBACK,
  // ── layout (issue 15) ──
  dashboard: { sort: { key: 'name', direction: 'asc' }, groupBy: 'panel' },
};

/** More favourites than this is no longer a choice of a few (and the file stays small). */
export const MAX_FAVOURITES = 1000;

export function defaultDocument(): SettingsDocument {
  return { version: SETTINGS_VERSION, accounts: [], settings: structuredClone(DEFAULT_SETTINGS), windowBounds: null };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Collects what was repaired, as dotted paths, for one log line. */
class Repairs {
  readonly paths: string[] = [];
  note(path: string): void {
    this.paths.push(path);
  }
}

function pick<T>(value: unknown, ok: (v: unknown) => v is T, fallback: T, path: string, r: Repairs): T {
  if (ok(value)) return value;
  if (value !== undefined) r.note(path);
  return fallback;
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const inRange =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    isFiniteNum(v) && v >= min && v <= max;
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function sanitizeUsage(raw: unknown, fallback: NotificationRule['usage'], path: string, r: Repairs): NotificationRule['usage'] {
  if (raw === null) return null;
  if (!isObj(raw)) return pick(raw, (v): v is null => v === null, fallback, path, r);
  const base = fallback ?? DEFAULT_USAGE;
  return {
    cpuPercent: pick(raw.cpuPercent, inRange(1, 100), base.cpuPercent, `${path}.cpuPercent`, r),
    memoryPercent: pick(raw.memoryPercent, inRange(1, 100), base.memoryPercent, `${path}.memoryPercent`, r),
    sustainedMs: pick(raw.sustainedMs, inRange(10_000, 86_400_000), base.sustainedMs, `${path}.sustainedMs`, r),
  };
}

function sanitizeRule(raw: unknown, path: string, r: Repairs): NotificationRule {
  if (!isObj(raw) && raw !== undefined) r.note(path);
  const o = isObj(raw) ? raw : {};
  return {
    onStateChange: pick(o.onStateChange, isBool, DEFAULT_RULE.onStateChange, `${path}.onStateChange`, r),
    onCrash: pick(o.onCrash, isBool, DEFAULT_RULE.onCrash, `${path}.onCrash`, r),
    usage: 'usage' in o ? sanitizeUsage(o.usage, DEFAULT_RULE.usage, `${path}.usage`, r) : DEFAULT_RULE.usage,
  };
}

/** Overrides keep only the fields that are valid; an override may be partial. */
function sanitizeOverrides(raw: unknown, path: string, r: Repairs): Record<string, Partial<NotificationRule>> {
  const out: Record<string, Partial<NotificationRule>> = {};
  if (!isObj(raw)) {
    if (raw !== undefined) r.note(path);
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (FORBIDDEN_KEYS.has(key) || !isObj(value)) {
      r.note(`${path}.${key}`);
      continue;
    }
    const rule: Partial<NotificationRule> = {};
    if (isBool(value.onStateChange)) rule.onStateChange = value.onStateChange;
    if (isBool(value.onCrash)) rule.onCrash = value.onCrash;
    if ('usage' in value) rule.usage = sanitizeUsage(value.usage, DEFAULT_RULE.usage, `${path}.${key}.usage`, r);
    out[key] = rule;
  }
  return out;
}

/** Well-formed keys only, each once, at most MAX_FAVOURITES; anything else is dropped and reported. */
function sanitizeFavourites(raw: unknown, r: Repairs): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    r.note('settings.favourites');
    return [];
  }
  const kept = [...new Set(raw.filter(isServerKey))].slice(0, MAX_FAVOURITES);
  if (kept.length !== raw.length) r.note('settings.favourites');
  return kept;
}

const isScrollback = (v: unknown): v is number => (CONSOLE_SCROLLBACK_CHOICES as readonly unknown[]).includes(v);

function sanitizeSettingsObject(raw: unknown, r: Repairs): Settings {
  const o = isObj(raw) ? raw : {};
  const n = isObj(o.notifications) ? o.notifications : {};
  const m = isObj(o.monitor) ? o.monitor : {};
  const isPause = (v: unknown): v is number | null => v === null || v === -1 || (isFiniteNum(v) && v > 0);
  const isTheme = (v: unknown): v is Settings['theme'] => v === 'system' || v === 'light' || v === 'dark';
  return {
    notifications: {
      global: sanitizeRule(n.global, 'settings.notifications.global', r),
      accounts: sanitizeOverrides(n.accounts, 'settings.notifications.accounts', r),
      servers: sanitizeOverrides(n.servers, 'settings.notifications.servers', r),
      pausedUntil: pick(n.pausedUntil, isPause, null, 'settings.notifications.pausedUntil', r),
      // ── notices (issue 15) ── a file from before it has none: on, as the default.
      confirmOwnActions: pick(n.confirmOwnActions, isBool, true, 'settings.notifications.confirmOwnActions', r),
    },
    monitor: {
      budgetShare: pick(m.budgetShare, inRange(0.05, 0.5), DEFAULT_SETTINGS.monitor.budgetShare, 'settings.monitor.budgetShare', r),
      pollIntervalS: pick(m.pollIntervalS, inRange(20, 3600), DEFAULT_SETTINGS.monitor.pollIntervalS, 'settings.monitor.pollIntervalS', r),
    },
    launchAtLogin: pick(o.launchAtLogin, isBool, false, 'settings.launchAtLogin', r),
    theme: pick(o.theme, isTheme, 'system', 'settings.theme', r),
    favourites: sanitizeFavourites(o.favourites, r),
    backupRetention: sanitizeRetention(o.backupRetention, r),
    // ── tray (issue 15) ── absent in files from before it: the default, no repair to report.
    quickOpenShortcut:
      o.quickOpenShortcut === undefined
        ? DEFAULT_QUICK_OPEN_SHORTCUT
        : pick(o.quickOpenShortcut, isQuickOpenShortcut, DEFAULT_QUICK_OPEN_SHORTCUT, 'settings.quickOpenShortcut', r),
    // ── console (issue 15) ──: absent in older files, so no repair is noted for that
    consoleScrollback:
      o.consoleScrollback === undefined
        ? DEFAULT_CONSOLE_SCROLLBACK
        : pick(o.consoleScrollback, isScrollback, DEFAULT_CONSOLE_SCROLLBACK, 'settings.consoleScrollback', r),
    dashboard: sanitizeDashboard(o.dashboard, r),
  };
}

// ── layout (issue 15) ──
const SORT_KEYS = new Set(['name', 'state', 'cpu', 'memory', 'disk', 'node']);

/** The dashboard's sort and grouping; a file from before it gets the default (sorted by name, by panel). */
function sanitizeDashboard(raw: unknown, r: Repairs): DashboardLayout {
  const fallback = structuredClone(DEFAULT_SETTINGS.dashboard!);
  if (raw === undefined) return fallback;
  if (!isObj(raw)) {
    r.note('settings.dashboard');
    return fallback;
  }
  const o = raw;
  const sort = isObj(o.sort) ? o.sort : {};
  const isKey = (v: unknown): v is DashboardLayout['sort']['key'] => typeof v === 'string' && SORT_KEYS.has(v);
  const isDirection = (v: unknown): v is 'asc' | 'desc' => v === 'asc' || v === 'desc';
  const isGroup = (v: unknown): v is DashboardLayout['groupBy'] => v === 'panel' || v === 'node' || v === 'none';
  return {
    sort: {
      key: pick(sort.key, isKey, fallback.sort.key, 'settings.dashboard.sort.key', r),
      direction: pick(sort.direction, isDirection, fallback.sort.direction, 'settings.dashboard.sort.direction', r),
    },
    groupBy: pick(o.groupBy, isGroup, fallback.groupBy, 'settings.dashboard.groupBy', r),
  };
}

/**
 * Backups tab (issue 13): server keys to a whole N from 1 to MAX_KEEP_NEWEST. A file from before
 * it has no such field and gets `{}` (no rule anywhere): an added field with a default, so the
 * document's version stays.
 */
function sanitizeRetention(raw: unknown, r: Repairs): Record<string, number> {
  const out: Record<string, number> = {};
  if (raw === undefined) return out;
  if (!isObj(raw)) {
    r.note('settings.backupRetention');
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!FORBIDDEN_KEYS.has(key) && isServerKey(key) && Number.isInteger(value) && inRange(1, MAX_KEEP_NEWEST)(value)) out[key] = value as number;
    else r.note(`settings.backupRetention.${key}`);
  }
  return out;
}

function sanitizeAccount(raw: unknown, index: number, r: Repairs): AccountRecord | null {
  const path = `accounts.${index}`;
  if (!isObj(raw) || !isNonEmptyString(raw.id) || !isNonEmptyString(raw.url)) {
    r.note(path);
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw.url);
  } catch {
    r.note(`${path}.url`);
    return null;
  }
  if (Object.keys(raw).some((k) => /key|secret|token|password/i.test(k) && k !== 'keyStorage')) r.note(`${path}.<secret field dropped>`);
  return {
    id: raw.id,
    name: pick(raw.name, isNonEmptyString, url.host, `${path}.name`, r),
    url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    username: typeof raw.username === 'string' ? raw.username : null,
    // Only keychain accounts are saved; session and demo accounts never reach the file.
    keyStorage: 'keychain',
    isDemo: false,
    allowsPlainHttp: raw.allowsPlainHttp === true,
  };
}

function sanitizeBounds(raw: unknown, r: Repairs): WindowBounds | null {
  if (raw === null || raw === undefined) return null;
  const ok =
    isObj(raw) && [raw.x, raw.y].every((v) => isFiniteNum(v) && Math.abs(v as number) < 100_000) && [raw.width, raw.height].every(inRange(200, 20_000));
  if (!ok) {
    r.note('windowBounds');
    return null;
  }
  return { x: raw.x as number, y: raw.y as number, width: raw.width as number, height: raw.height as number };
}

/** Version 1 kept settings at the top level and accounts under `panels`; version 2 nests them. */
function migrate(raw: Obj): Obj {
  const version = isFiniteNum(raw.version) ? raw.version : 1;
  if (version >= 2) return raw;
  const { panels, windowBounds, version: _v, ...rest } = raw;
  return { version: 2, accounts: raw.accounts ?? panels, settings: rest, windowBounds };
}

/** Migrates and repairs whatever was read from disk. `repaired` lists what was not valid. */
export function sanitizeDocument(raw: unknown): { document: SettingsDocument; repaired: string[] } {
  const r = new Repairs();
  if (!isObj(raw)) {
    if (raw !== undefined) r.note('<root>');
    return { document: defaultDocument(), repaired: r.paths };
  }
  const migrated = migrate(raw);
  const seen = new Set<string>();
  const accounts = (Array.isArray(migrated.accounts) ? migrated.accounts : [])
    .map((a, i) => sanitizeAccount(a, i, r))
    .filter((a): a is AccountRecord => a !== null && !seen.has(a.id) && (seen.add(a.id), true));
  if (migrated.accounts !== undefined && !Array.isArray(migrated.accounts)) r.note('accounts');
  return {
    document: {
      version: SETTINGS_VERSION,
      accounts,
      settings: sanitizeSettingsObject(migrated.settings, r),
      windowBounds: sanitizeBounds(migrated.windowBounds, r),
    },
    repaired: r.paths,
  };
}
