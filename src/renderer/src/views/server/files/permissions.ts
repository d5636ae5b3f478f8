/** chmod's octal value and the nine rwx checkboxes of the permissions dialog. Pure. */

export const WHO = ['owner', 'group', 'others'] as const;
export const WHAT = ['read', 'write', 'execute'] as const;

export type Who = (typeof WHO)[number];
export type What = (typeof WHAT)[number];

/** Nine flags: owner rwx, group rwx, others rwx. */
export type ModeFlags = boolean[];

/** Three octal digits, as Wings wants the mode (a string, never a number). */
export function isValidMode(mode: string): boolean {
  return /^[0-7]{3}$/.test(mode);
}

/** `755` → nine flags; invalid input gives all false. */
export function modeToFlags(mode: string): ModeFlags {
  if (!isValidMode(mode)) return Array<boolean>(9).fill(false);
  return [...mode].flatMap((digit) => {
    const value = Number(digit);
    return [(value & 4) !== 0, (value & 2) !== 0, (value & 1) !== 0];
  });
}

/** Nine flags → `755`. */
export function flagsToMode(flags: ModeFlags): string {
  let mode = '';
  for (let who = 0; who < 3; who++) {
    const [r, w, x] = [flags[who * 3], flags[who * 3 + 1], flags[who * 3 + 2]];
    mode += String((r ? 4 : 0) + (w ? 2 : 0) + (x ? 1 : 0));
  }
  return mode;
}

/** The last three octal digits of the panel's `mode_bits` (`0644`, `644`, `2755` → `755`). */
export function permissionDigits(modeBits: string): string {
  const digits = modeBits.replace(/[^0-7]/g, '').slice(-3);
  return digits.padStart(3, '0');
}
