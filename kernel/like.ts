/**
 * LIKE patterns built from a caller's text: `%` and `_` in it match only themselves. Queries add
 * `ESCAPE '!'` after the parameter; `!` is the escape character because a backslash means
 * different things in MySQL's and SQLite's string literals.
 */
export const likeEscape = "ESCAPE '!'";

export const likeLiteral = (text: string): string => text.replace(/[!%_]/g, "!$&");
