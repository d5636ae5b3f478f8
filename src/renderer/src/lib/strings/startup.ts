/** Text of a server's Startup tab (views/server/startup). */

export const startupStrings = {} as const;
