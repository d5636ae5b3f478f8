/**
 * Walks `meta.pagination` safely. A panel may lie about `total_pages`, ignore `page` and send
 * page 1 forever, or repeat entries; the walk stops on any of these instead of looping.
 */
import type { Page } from './models';
import { MAX_PAGES } from './normalize/envelope';
import { silentLogger, type Logger } from '../util/deps';

/** How collectAllPages fetches and identifies entries. */
export interface CollectOptions<T> {
  fetchPage(page: number): Promise<Page<T>>;
  /** A stable identity per entry, to drop repeats and detect a panel that makes no progress. */
  keyOf(item: T): string;
  /** Hard cap on requests, whatever the panel claims. Default MAX_PAGES (1000). */
  maxPages?: number;
  logger?: Logger;
}

/** Every entry of every page, in order, without repeats. */
export async function collectAllPages<T>(options: CollectOptions<T>): Promise<T[]> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  const logger = options.logger ?? silentLogger;
  const seen = new Set<string>();
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const { items, pagination } = await options.fetchPage(page);
    const fresh = items.filter((item) => {
      const key = options.keyOf(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    out.push(...fresh);
    if (pagination.currentPage >= pagination.totalPages && pagination.currentPage === page) return out;
    if (fresh.length === 0 || pagination.currentPage !== page) {
      logger.warn('panel pagination made no progress; stopping', { page, reported: pagination.currentPage });
      return out;
    }
  }
  logger.warn('panel pagination hit the page cap; stopping', { maxPages });
  return out;
}
