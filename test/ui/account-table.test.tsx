import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {Account} from '../../source/halo/types.js';
import {AccountTable} from '../../source/ui/account-table.js';
import {
  computeColumnWidths,
  countAccounts,
  fitCell,
  formatRow,
} from '../../source/ui/account-table-layout.js';
import {scrollOffset} from '../../source/ui/account-table-scroll.js';
import {keys, renderInk, type InkHarness} from './ink-harness.js';

function makeAccounts(count: number): Account[] {
  return Array.from({length: count}, (_, index) => ({
    type: index % 10 === 0 ? 'agent' : 'user',
    id: index + 1,
    name: `Person ${String(index + 1).padStart(5, '0')}`,
    email: `person${index + 1}@example.com`,
    organisation: index % 10 === 0 ? 'Service Desk' : 'Acme / Head Office',
    active: index % 7 !== 0,
    lastLogin: null,
  }));
}

function bodyLines(frame: string): string[] {
  return frame.split('\n').filter(line => /^(agent|user) /.test(line));
}

let harness: InkHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('fitCell', () => {
  it('pads short text to the width', () => {
    expect(fitCell('abc', 6)).toBe('abc   ');
  });

  it('truncates long text with an ellipsis', () => {
    expect(fitCell('abcdefgh', 5)).toBe('abcd…');
  });

  it('counts cjk characters as two columns', () => {
    const cell = fitCell('山田太郎山田太郎', 9);
    expect(stringWidth(cell)).toBe(9);
    expect(cell.startsWith('山田太郎')).toBe(true);
  });

  it('counts emoji as two columns', () => {
    const cell = fitCell('🚀 Rocket 🚀 Team Lead', 15);
    expect(stringWidth(cell)).toBe(15);
    expect(cell.endsWith('…')).toBe(true);
  });

  it('strips control sequences from the text', () => {
    expect(fitCell('a\u001B[2Jb\nc', 5)).toBe('ab c ');
  });
});

describe('computeColumnWidths', () => {
  it.each([40, 80, 100, 157])('adds up to a width of %i', width => {
    const widths = computeColumnWidths(width);
    const gaps = widths.lastLogin > 0 ? 5 : 4;
    const total =
      widths.type + widths.name + widths.email + widths.organisation + widths.active +
      widths.lastLogin + gaps;
    expect(total).toBe(width);
  });
});

describe('scrollOffset', () => {
  it('clamps to the first and last page', () => {
    expect(scrollOffset(0, 'up', 100, 10)).toBe(0);
    expect(scrollOffset(85, 'page-down', 100, 10)).toBe(90);
    expect(scrollOffset(5, 'end', 100, 10)).toBe(90);
    expect(scrollOffset(50, 'home', 100, 10)).toBe(0);
    expect(scrollOffset(0, 'down', 5, 10)).toBe(0);
  });
});

describe('countAccounts', () => {
  it('counts agents, users and inactive accounts', () => {
    expect(countAccounts(makeAccounts(20))).toEqual({total: 20, agents: 2, users: 18, inactive: 3});
  });
});

describe('AccountTable', () => {
  it('fits every line to the width with cjk and emoji names', async () => {
    const wide: Account[] = [
      {
        ...makeAccounts(1)[0]!,
        type: 'agent',
        name: '山田太郎の長い名前の担当者です',
        email: 'yamada@example.jp',
        organisation: '東京サポート',
        active: true,
      },
      {
        ...makeAccounts(2)[1]!,
        name: '🚀 Rocket 🚀 Team Lead with a long name',
        email: null,
        organisation: 'Ünïcode / 支店',
        active: true,
      },
    ];
    harness = await renderInk(<AccountTable accounts={wide} height={10} width={60} />);
    const lines = bodyLines(harness.frame());
    expect(lines).toHaveLength(2);
    // Ink trims trailing spaces, so each line ends at the active column's "yes".
    const activeColumnEnd = 60 - computeColumnWidths(60).active + 'yes'.length;
    for (const line of lines) {
      expect(line.endsWith('yes')).toBe(true);
      expect(stringWidth(line)).toBe(activeColumnEnd);
    }

    expect(lines[0]).toContain('山田');
    expect(harness.frame()).toContain('…');
  });

  it('renders only the visible rows of 50,000', async () => {
    const many = makeAccounts(50_000);
    harness = await renderInk(<AccountTable accounts={many} height={14} width={100} />);
    const lines = bodyLines(harness.frame());
    expect(lines).toHaveLength(10);
    expect(lines[0]).toContain('Person 00001');
    expect(harness.frame()).not.toContain('Person 00011');
    expect(harness.frame()).toContain('Showing 1-10 of 50,000');
  });

  it('scrolls with arrows, pages, home and end', async () => {
    harness = await renderInk(<AccountTable accounts={makeAccounts(50_000)} height={14} width={100} />);
    await harness.press(keys.down);
    expect(bodyLines(harness.frame())[0]).toContain('Person 00002');
    await harness.press(keys.pageDown);
    expect(bodyLines(harness.frame())[0]).toContain('Person 00012');
    await harness.press(keys.pageUp, keys.up);
    expect(bodyLines(harness.frame())[0]).toContain('Person 00001');
    await harness.press(keys.end);
    const lastPage = bodyLines(harness.frame());
    expect(lastPage.at(-1)).toContain('Person 50000');
    expect(harness.frame()).toContain('Showing 49991-50000 of 50,000');
    await harness.press(keys.home);
    expect(bodyLines(harness.frame())[0]).toContain('Person 00001');
  });

  it('shows counts in the footer', async () => {
    harness = await renderInk(<AccountTable accounts={makeAccounts(20)} height={10} width={140} />);
    const frame = harness.frame();
    expect(frame).toContain('Showing 1-6 of 20');
    expect(frame).toContain('20 accounts');
    expect(frame).toContain('2 agents');
    expect(frame).toContain('18 users');
    expect(frame).toContain('3 inactive or disabled');
  });

  it('filters as you type after slash', async () => {
    harness = await renderInk(<AccountTable accounts={makeAccounts(50_000)} height={14} width={100} />);
    await harness.press('/', '00042');
    const lines = bodyLines(harness.frame());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Person 00042');
    expect(harness.frame()).toContain('Showing 1-1 of 1');
    await harness.press(keys.escape);
    expect(bodyLines(harness.frame())).toHaveLength(10);
  });

  it('hides inactive accounts with i', async () => {
    harness = await renderInk(<AccountTable accounts={makeAccounts(20)} height={30} width={140} />);
    await harness.press('i');
    expect(bodyLines(harness.frame())).toHaveLength(17);
    expect(harness.frame()).not.toContain('Person 00001');
    await harness.press('i');
    expect(bodyLines(harness.frame())).toHaveLength(20);
  });

  it('says so when there are no accounts', async () => {
    harness = await renderInk(<AccountTable accounts={[]} height={10} width={80} />);
    expect(harness.frame()).toContain('No accounts to show.');
  });
});

describe('formatRow', () => {
  it('is exactly as wide as the table', () => {
    for (const account of makeAccounts(3)) {
      expect(stringWidth(formatRow(account, computeColumnWidths(73)))).toBe(73);
    }
  });

  it('marks an inactive account', () => {
    const [account] = makeAccounts(1);
    expect(formatRow(account!, computeColumnWidths(100)).trimEnd().endsWith('no')).toBe(true);
  });
});
