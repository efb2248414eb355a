import {render} from 'ink-testing-library';
import {act} from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {Account} from '../../source/halo/types.js';
import {AccountTable} from '../../source/ui/account-table.js';
import {computeColumnWidths} from '../../source/ui/account-table-layout.js';
import {nextSortColumn, sortAccounts} from '../../source/ui/account-table-sort.js';
import {useTerminalSize} from '../../source/ui/use-terminal-size.js';
import {renderInk, type InkHarness} from './ink-harness.js';

function person(id: number, name: string, lastLogin: string | null): Account {
  return {
    type: id === 1 ? 'agent' : 'user',
    id,
    name,
    email: `${name.toLowerCase().replaceAll(' ', '.')}@example.test`,
    organisation: id === 1 ? 'Service Desk' : 'Harbourline / Quay Street',
    active: id !== 3,
    lastLogin,
  };
}

const people = [
  person(1, 'Maren Okafor', '2024-05-02T09:15:00'),
  person(2, 'Zoë Adams', null),
  person(3, 'anna Berg', '2023-11-20T17:40:00'),
  person(4, 'Ben Carter', '2024-01-08T08:00:00'),
];

function bodyNames(frame: string): string[] {
  return frame
    .split('\n')
    .filter(line => /^(agent|user) /.test(line))
    .map(line => line.slice(6).trim().split(/\s{2,}/)[0] ?? '');
}

let harness: InkHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('sortAccounts', () => {
  it('sorts names ignoring case', () => {
    const sorted = sortAccounts(people, {column: 'name', isDescending: false});

    expect(sorted.map(account => account.id)).toEqual([3, 4, 1, 2]);
  });

  it('keeps empty last logins last both ways', () => {
    const ascending = sortAccounts(people, {column: 'lastLogin', isDescending: false});
    const descending = sortAccounts(people, {column: 'lastLogin', isDescending: true});

    expect(ascending.map(account => account.id)).toEqual([3, 4, 1, 2]);
    expect(descending.map(account => account.id)).toEqual([1, 4, 3, 2]);
  });

  it('cycles through every column', () => {
    expect(nextSortColumn('name')).toBe('type');
    expect(nextSortColumn('lastLogin')).toBe('name');
  });
});

describe('AccountTable sorting', () => {
  it('sorts by name with s and reverses with r', async () => {
    harness = await renderInk(<AccountTable accounts={people} width={100} height={10} />);
    expect(bodyNames(harness.frame())).toEqual([
      'Maren Okafor',
      'Zoë Adams',
      'anna Berg',
      'Ben Carter',
    ]);

    await harness.press('s');

    expect(harness.frame()).toContain('Name ▲');
    expect(bodyNames(harness.frame())).toEqual([
      'anna Berg',
      'Ben Carter',
      'Maren Okafor',
      'Zoë Adams',
    ]);

    await harness.press('r');

    expect(harness.frame()).toContain('Name ▼');
    expect(bodyNames(harness.frame())[0]).toBe('Zoë Adams');
  });

  it('moves the sort to the next column with s', async () => {
    harness = await renderInk(<AccountTable accounts={people} width={100} height={10} />);

    await harness.press('s', 's');

    expect(harness.frame()).toContain('sorted by type ▲');
    expect(bodyNames(harness.frame())[0]).toBe('Maren Okafor');
  });
});

describe('AccountTable width', () => {
  it('shows the last login date at 100 columns', async () => {
    harness = await renderInk(<AccountTable accounts={people} width={100} height={10} />);

    expect(harness.frame()).toContain('Last login');
    expect(harness.frame()).toContain('2024-05-02');
    expect(harness.frame()).not.toContain('09:15');
  });

  it('reads well at 60 columns', async () => {
    harness = await renderInk(<AccountTable accounts={people} width={60} height={10} />);

    const lines = harness.frame().split('\n');
    for (const line of lines) {
      expect(stringWidth(line)).toBeLessThanOrEqual(60);
    }

    expect(harness.frame()).not.toContain('Last login');
    expect(harness.frame()).toContain('Maren Okafor');
    expect(computeColumnWidths(60).name).toBeGreaterThanOrEqual(15);
  });

  it('lays out again when the terminal is resized', async () => {
    function SizedTable() {
      const {columns} = useTerminalSize();
      return <AccountTable accounts={people} width={columns} height={10} />;
    }

    let rendered!: ReturnType<typeof render>;
    await act(async () => {
      rendered = render(<SizedTable />);
    });
    expect(rendered.lastFrame()).toContain('Last login');

    await act(async () => {
      Object.defineProperty(rendered.stdout, 'columns', {value: 60, configurable: true});
      rendered.stdout.emit('resize');
    });

    const frame = rendered.lastFrame() ?? '';
    expect(frame).not.toContain('Last login');
    for (const line of frame.split('\n')) {
      expect(stringWidth(line)).toBeLessThanOrEqual(60);
    }

    await act(async () => {
      rendered.unmount();
    });
  });
});
