import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

type TerminalSize = {columns: number; rows: number};

// Streams that are not terminals report no size; these are the classic terminal defaults.
const fallbackSize: TerminalSize = {columns: 80, rows: 24};

function readSize(stdout: NodeJS.WriteStream): TerminalSize {
  return {
    columns: stdout.columns > 0 ? stdout.columns : fallbackSize.columns,
    rows: stdout.rows > 0 ? stdout.rows : fallbackSize.rows,
  };
}

/** Returns the size of Ink's output terminal, updated when the terminal is resized. */
export function useTerminalSize(): TerminalSize {
  const {stdout} = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));

  useEffect(() => {
    const onResize = () => {
      setSize(readSize(stdout));
    };

    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  return size;
}
