/** Sizes of the file list, shared by its components and tests. */

/** Every row has this height; the virtual list depends on it. */
export const ROW_HEIGHT_PX = 28;

/** Rows rendered beyond each edge of the viewport. */
export const OVERSCAN_ROWS = 8;

/** Used until the viewport has been measured (and in test DOMs that have no layout). */
export const FALLBACK_VIEWPORT_PX = 480;
