/** Text of a server's Databases tab (views/server/databases). */

export const databasesStrings = {} as const;
