/** Text of a server's Schedules tab (views/server/schedules). */

export const schedulesStrings = {} as const;
