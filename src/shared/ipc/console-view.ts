/**
 * The console view's own channel (issue 15): copy on select. The terminal's selection goes to
 * the system clipboard through main (the window's page has no clipboard permission), right after
 * the person's own press: a drag that selects text starts with one.
 */

/** The most text one copy carries: a full 10,000-line scrollback of long lines. */
export const CONSOLE_COPY_MAX_CHARS = 4_000_000;

export interface ConsoleViewChannels {
  'console:copy': { args: [{ text: string }]; result: void };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const CONSOLE_VIEW_CHANNELS = ['console:copy'] as const satisfies readonly (keyof ConsoleViewChannels)[];
