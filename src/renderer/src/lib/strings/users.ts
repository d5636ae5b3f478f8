/** Text of a server's Users tab (views/server/users). */

export const usersStrings = {} as const;
