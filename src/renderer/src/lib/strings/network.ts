/** Text of a server's Network tab (views/server/network). */

export const networkStrings = {} as const;
