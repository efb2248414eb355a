import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import type {Account} from '../halo/types.js';
import {toSingleLine} from '../text/strip-control.js';
import {sortColumnTitles, type SortColumn, type SortOrder} from './account-table-sort.js';

/** Column widths of the account table, in terminal columns. */
export type ColumnWidths = {
  type: number;
  name: number;
  email: number;
  organisation: number;
  active: number;
  /** 0 when the terminal is too narrow for the column. */
  lastLogin: number;
};

const typeWidth = 5;
const activeWidth = 6;
// A date as YYYY-MM-DD; the time of day is left out to save width.
const lastLoginWidth = 10;
// Below this width the last login column is dropped, so name, email and organisation keep
// about 15 columns each on a 60-column terminal.
const lastLoginMinimumTableWidth = 80;
const minimumFlexibleWidth = 3;

/**
 * Returns column widths that add up, with one space between columns, to exactly `width`
 * (or to the narrowest usable table when `width` is smaller). Name, email and organisation
 * share what type, active and last login leave; last login needs 80 columns or more.
 */
export function computeColumnWidths(width: number): ColumnWidths {
  const lastLogin = width >= lastLoginMinimumTableWidth ? lastLoginWidth : 0;
  const gapCount = lastLogin > 0 ? 5 : 4;
  const fixed = typeWidth + activeWidth + lastLogin + gapCount;
  const flexible = Math.max(width - fixed, minimumFlexibleWidth * 3);
  const name = Math.floor(flexible * 0.34);
  const email = Math.floor(flexible * 0.33);
  return {
    type: typeWidth,
    name,
    email,
    organisation: flexible - name - email,
    active: activeWidth,
    lastLogin,
  };
}

/**
 * Returns `text` on one line, truncated with an ellipsis and padded with spaces to exactly
 * `width` terminal columns. Widths come from string-width, so CJK and emoji count as two.
 */
export function fitCell(text: string, width: number): string {
  const line = toSingleLine(text);
  let clipped = line;
  // cli-truncate 4 slices by its own measure, which counts an emoji such as U+1F680 as one
  // column where string-width counts two, so the cut is repeated until string-width agrees.
  for (let target = width; stringWidth(clipped) > width && target > 0; target -= 1) {
    clipped = cliTruncate(line, target);
  }

  // A wide character that straddles the edge leaves a column free, so padding follows.
  return clipped + ' '.repeat(Math.max(width - stringWidth(clipped), 0));
}

/** Returns the header line for `widths`, with ▲ or ▼ after the title of the sort column. */
export function formatHeader(widths: ColumnWidths, order?: SortOrder): string {
  const title = (column: SortColumn) => {
    if (order?.column !== column) {
      return sortColumnTitles[column];
    }

    return `${sortColumnTitles[column]}${order.isDescending ? ' ▼' : ' ▲'}`;
  };

  const cells = [
    fitCell(title('type'), widths.type),
    fitCell(title('name'), widths.name),
    fitCell(title('email'), widths.email),
    fitCell(title('organisation'), widths.organisation),
    fitCell(title('active'), widths.active),
  ];
  if (widths.lastLogin > 0) {
    cells.push(fitCell(title('lastLogin'), widths.lastLogin));
  }

  return cells.join(' ');
}

/** Returns one account as a table line of exactly the width `widths` add up to. */
export function formatRow(account: Account, widths: ColumnWidths): string {
  return [
    fitCell(account.type, widths.type),
    fitCell(account.name, widths.name),
    fitCell(account.email ?? '', widths.email),
    fitCell(account.organisation ?? '', widths.organisation),
    fitCell(account.active ? 'yes' : 'no', widths.active),
    ...(widths.lastLogin > 0 ? [fitCell(account.lastLogin?.slice(0, 10) ?? '', widths.lastLogin)] : []),
  ].join(' ');
}

/** Counts of the footer line. */
export type AccountCounts = {total: number; agents: number; users: number; inactive: number};

/** Counts all accounts by type, and those that are inactive or disabled. */
export function countAccounts(accounts: readonly Account[]): AccountCounts {
  let agents = 0;
  let inactive = 0;
  for (const account of accounts) {
    if (account.type === 'agent') {
      agents += 1;
    }

    if (!account.active) {
      inactive += 1;
    }
  }

  return {total: accounts.length, agents, users: accounts.length - agents, inactive};
}

/** Returns whether `account` matches a filter typed by the person, ignoring case. */
export function matchesFilter(account: Account, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') {
    return true;
  }

  const fields = [account.name, account.email ?? '', account.organisation ?? '', account.type];
  return fields.some(field => field.toLowerCase().includes(needle));
}
