/**
 * Size and date text for the file list: lib/format.ts's formatters (built once, so a screenful of
 * rows can be formatted on every scroll frame), under the names the list uses.
 */
import { formatBytes, formatDate } from '../../../lib/format';

export const formatSize = formatBytes;
export const formatModified = formatDate;
