/**
 * The channels of the Schedules tab: list, create, edit, tasks, run now, export and import (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by this tab's work
export interface ScheduleChannels {}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const SCHEDULE_CHANNELS = [] as const satisfies readonly (keyof ScheduleChannels)[];
