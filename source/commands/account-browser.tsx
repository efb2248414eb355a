import {Box, Text, render, useApp, useInput} from 'ink';
import {useState} from 'react';
import type {Account} from '../halo/types.js';
import {AccountTable} from '../ui/account-table.js';
import {useTerminalSize} from '../ui/use-terminal-size.js';

function AccountBrowser({accounts}: {accounts: readonly Account[]}) {
  const {exit} = useApp();
  const {columns, rows} = useTerminalSize();
  const [isFiltering, setIsFiltering] = useState(false);

  useInput((input, key) => {
    if (!isFiltering && (input === 'q' || key.escape)) {
      exit();
    }
  });

  return (
    <Box flexDirection="column">
      <AccountTable
        accounts={accounts}
        width={columns}
        height={Math.max(6, rows - 2)}
        onFilterModeChange={setIsFiltering}
      />
      <Text dimColor>q quit</Text>
    </Box>
  );
}

/** Shows the scrollable account table until the person presses q or Esc. */
export async function browseAccounts(accounts: readonly Account[]): Promise<void> {
  const instance = render(<AccountBrowser accounts={accounts} />);
  await instance.waitUntilExit();
}
