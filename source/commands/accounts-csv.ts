import type {Account} from '../halo/types.js';

const header = ['type', 'id', 'name', 'email', 'organisation', 'active', 'last_login'];

// A cell that starts with one of these is read as a formula by Excel, LibreOffice and Google
// Sheets, which lets a name such as "=HYPERLINK(...)" run when the file is opened. A leading
// apostrophe makes them show the text instead (OWASP, "CSV Injection").
const formulaStart = /^[=+\-@\t\r]/;

function quoteCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Formats accounts as RFC 4180 CSV: CRLF line ends, a header row, quotes where needed. */
export function formatAccountsCsv(accounts: readonly Account[]): string {
  const rows = accounts.map((account) => [
    account.type,
    String(account.id),
    account.name,
    account.email ?? '',
    account.organisation ?? '',
    account.active ? 'true' : 'false',
    account.lastLogin ?? '',
  ]);

  return [header, ...rows].map((row) => row.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}
