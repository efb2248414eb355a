import {Box, Text, useInput, useStdin, type Key} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {Account} from '../halo/types.js';
import {toSingleLine} from '../text/strip-control.js';
import {
  computeColumnWidths,
  countAccounts,
  fitCell,
  formatHeader,
  formatRow,
  matchesFilter,
} from './account-table-layout.js';
import {maxOffset, scrollOffset, type ScrollKey} from './account-table-scroll.js';
import {
  nextSortColumn,
  sortAccounts,
  sortColumnTitles,
  type SortOrder,
} from './account-table-sort.js';
import {FieldInput} from './field-input.js';

// Header, filter line, footer and key help take one line each.
const chromeHeight = 4;

const numberFormat = new Intl.NumberFormat('en-US');

function toScrollKey(key: Key): ScrollKey | null {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'page-up';
  if (key.pageDown) return 'page-down';
  if (key.home) return 'home';
  if (key.end) return 'end';
  return null;
}

export type AccountTableProps = {
  accounts: readonly Account[];
  /** Lines the table may use, header, filter, footer and key help included. */
  height: number;
  /** Columns the table may use. */
  width: number;
  /** Whether the table reads keys. @default true */
  isFocused?: boolean;
  /** Called when filter typing starts or ends, so the parent leaves letter keys alone. */
  onFilterModeChange?: (isFiltering: boolean) => void;
};

/**
 * Draws accounts as a table fitted to `width`, rendering only the rows in view so tens of
 * thousands stay responsive. Up/Down, PgUp/PgDn and Home/End scroll. `/` filters by name,
 * email, organisation or type, and `i` hides inactive and disabled accounts. `s` moves the
 * sort to the next column and `r` reverses it.
 */
export function AccountTable(props: AccountTableProps) {
  const {accounts, height, width, isFocused = true, onFilterModeChange} = props;
  const {isRawModeSupported} = useStdin();
  const canRead = isRawModeSupported === true && isFocused;
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState('');
  const [isFiltering, setIsFiltering] = useState(false);
  const [isHidingInactive, setIsHidingInactive] = useState(false);
  // Unsorted at first, so the table shows Halo's order (agents first) until `s` is pressed.
  const [sortOrder, setSortOrder] = useState<SortOrder | null>(null);

  const counts = useMemo(() => countAccounts(accounts), [accounts]);
  const sorted = useMemo(
    () => (sortOrder === null ? accounts : sortAccounts(accounts, sortOrder)),
    [accounts, sortOrder],
  );
  const rows = useMemo(
    () =>
      sorted.filter(
        account => (!isHidingInactive || account.active) && matchesFilter(account, filter),
      ),
    [sorted, filter, isHidingInactive],
  );
  const widths = computeColumnWidths(width);
  const pageSize = Math.max(height - chromeHeight, 1);
  const top = Math.min(offset, maxOffset(rows.length, pageSize));
  const visible = rows.slice(top, top + pageSize);

  useEffect(() => {
    onFilterModeChange?.(isFiltering);
  }, [isFiltering, onFilterModeChange]);

  useInput(
    (input, key) => {
      const scrollKey = toScrollKey(key);
      if (scrollKey !== null) {
        setOffset(scrollOffset(top, scrollKey, rows.length, pageSize));
        return;
      }

      if (isFiltering) {
        if (key.escape) setFilter('');
        if (key.escape || key.return) setIsFiltering(false);
        return;
      }

      if (input === '/') {
        setIsFiltering(true);
      } else if (input === 'i') {
        setIsHidingInactive(isHiding => !isHiding);
      } else if (input === 's') {
        setSortOrder(order => ({
          column: order === null ? 'name' : nextSortColumn(order.column),
          isDescending: false,
        }));
      } else if (input === 'r') {
        setSortOrder(order => ({
          column: order?.column ?? 'name',
          isDescending: !(order?.isDescending ?? false),
        }));
      }
    },
    {isActive: canRead},
  );

  const shown = visible.length === 0 ? '0' : `${top + 1}-${top + visible.length}`;
  const footer =
    `Showing ${shown} of ${numberFormat.format(rows.length)}` +
    ` · ${numberFormat.format(counts.total)} accounts` +
    ` · ${numberFormat.format(counts.agents)} agents` +
    ` · ${numberFormat.format(counts.users)} users` +
    ` · ${numberFormat.format(counts.inactive)} inactive or disabled` +
    (isHidingInactive ? ' (hidden)' : '') +
    // The header mark is cut off in the narrow type and active columns, so the footer repeats it.
    (sortOrder === null
      ? ''
      : ` · sorted by ${sortColumnTitles[sortOrder.column].toLowerCase()}` +
        (sortOrder.isDescending ? ' ▼' : ' ▲'));

  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{formatHeader(widths, sortOrder ?? undefined)}</Text>
      {visible.map(account => (
        <Text key={`${account.type}-${account.id}`} dimColor={!account.active} wrap="truncate">
          {formatRow(account, widths)}
        </Text>
      ))}
      {visible.length === 0 ? <Text dimColor>No accounts to show.</Text> : null}
      <Box>
        <Text>Filter: </Text>
        {isFiltering ? (
          <FieldInput value={filter} focus={canRead} onChange={setFilter} />
        ) : (
          <Text dimColor>{filter === '' ? '(none)' : toSingleLine(filter)}</Text>
        )}
      </Box>
      <Text wrap="truncate">{fitCell(footer, width)}</Text>
      <Text dimColor wrap="truncate">
        {fitCell('↑↓ PgUp PgDn Home End: scroll · /: filter · i: inactive · s/r: sort', width)}
      </Text>
    </Box>
  );
}
