import stringWidth from 'string-width';
import type {Account} from '../halo/types.js';
import {toSingleLine} from '../text/strip-control.js';

const columns = ['TYPE', 'ID', 'NAME', 'EMAIL', 'ORGANISATION', 'ACTIVE', 'LAST LOGIN'] as const;

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * Formats accounts as a plain-text table for a pipe or a file: no colour, no truncation,
 * columns padded by display width so CJK names line up.
 */
export function formatAccountsTable(accounts: readonly Account[]): string {
  const rows = accounts.map((account) => [
    account.type,
    String(account.id),
    toSingleLine(account.name),
    toSingleLine(account.email ?? ''),
    toSingleLine(account.organisation ?? ''),
    account.active ? 'yes' : 'no',
    toSingleLine(account.lastLogin ?? ''),
  ]);
  const widths = columns.map((title, index) =>
    Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[index] ?? ''))),
  );

  const lines = [columns as readonly string[], ...rows].map((row) =>
    row
      .map((cell, index) => padEnd(cell, widths[index] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

/** Summarises accounts as "N agents (D disabled), M users (I inactive)". */
export function summariseAccounts(accounts: readonly Account[]): string {
  const agents = accounts.filter((account) => account.type === 'agent');
  const users = accounts.filter((account) => account.type === 'user');
  const disabled = agents.filter((account) => !account.active).length;
  const inactive = users.filter((account) => !account.active).length;
  return `${agents.length} agents (${disabled} disabled), ${users.length} users (${inactive} inactive)`;
}
