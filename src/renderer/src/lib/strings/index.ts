/**
 * All text of the window, in one place, ready for translation: each area has its own file, and
 * components read `t.area.key`. No user-facing string is written in a component.
 */
import { common } from './common';

export const t = {
  ...common,
} as const;
