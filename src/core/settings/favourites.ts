/** Marking and unmarking favourites: the settings patch, pure. */
import { MAX_FAVOURITES } from './schema';

export type FavouriteChange = { favourites: string[] } | { problem: 'too-many' };

/** The new list with `key` added (at the end) or removed; unchanged when it already was so. */
export function favouriteChange(current: readonly string[], key: string, isFavourite: boolean): FavouriteChange {
  const without = current.filter((k) => k !== key);
  if (!isFavourite) return { favourites: without };
  if (current.includes(key)) return { favourites: [...current] };
  if (current.length >= MAX_FAVOURITES) return { problem: 'too-many' };
  return { favourites: [...current, key] };
}
