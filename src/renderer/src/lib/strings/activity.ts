/** Text of a server's Activity tab (views/server/activity). */

export const activityStrings = {} as const;
