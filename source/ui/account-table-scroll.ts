/** Scroll keys of the account table. */
export type ScrollKey = 'up' | 'down' | 'page-up' | 'page-down' | 'home' | 'end';

/** Returns the largest valid top row for `rowCount` rows shown `pageSize` at a time. */
export function maxOffset(rowCount: number, pageSize: number): number {
  return Math.max(rowCount - pageSize, 0);
}

/** Returns the top row after `key`, clamped so the last page is always full when it can be. */
export function scrollOffset(
  offset: number,
  key: ScrollKey,
  rowCount: number,
  pageSize: number,
): number {
  const steps: Record<ScrollKey, number> = {
    up: offset - 1,
    down: offset + 1,
    'page-up': offset - pageSize,
    'page-down': offset + pageSize,
    home: 0,
    end: rowCount,
  };
  return Math.min(Math.max(steps[key], 0), maxOffset(rowCount, pageSize));
}
