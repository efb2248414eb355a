import type {Account} from '../halo/types.js';

/** Columns the account table sorts by, in the order the sort key cycles through them. */
export const sortColumns = ['name', 'type', 'email', 'organisation', 'active', 'lastLogin'] as const;

export type SortColumn = (typeof sortColumns)[number];

/** The column the table is sorted by and the direction. */
export type SortOrder = {column: SortColumn; isDescending: boolean};

/** Header titles of the sortable columns. */
export const sortColumnTitles: Record<SortColumn, string> = {
  name: 'Name',
  type: 'Type',
  email: 'Email',
  organisation: 'Organisation',
  active: 'Active',
  lastLogin: 'Last login',
};

/** Returns the column after `column` in `sortColumns`, wrapping round to the first. */
export function nextSortColumn(column: SortColumn): SortColumn {
  const index = sortColumns.indexOf(column);
  return sortColumns[(index + 1) % sortColumns.length] ?? 'name';
}

const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});

function sortKey(account: Account, column: SortColumn): string | null {
  switch (column) {
    case 'active': {
      return account.active ? 'yes' : 'no';
    }

    case 'lastLogin': {
      return account.lastLogin;
    }

    default: {
      return account[column];
    }
  }
}

/**
 * Returns a sorted copy of `accounts`. Empty values go last in both directions, and ties
 * keep the listing order (agents first, then Halo's order), because Array.sort is stable.
 */
export function sortAccounts(accounts: readonly Account[], order: SortOrder): Account[] {
  const sign = order.isDescending ? -1 : 1;
  return [...accounts].sort((left, right) => {
    const a = sortKey(left, order.column);
    const b = sortKey(right, order.column);
    if (a === null || a === '' || b === null || b === '') {
      return Number(a === null || a === '') - Number(b === null || b === '');
    }

    // ISO 8601 dates compare correctly as text, so last login needs no parsing.
    return sign * collator.compare(a, b);
  });
}
