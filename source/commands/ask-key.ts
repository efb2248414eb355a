import type {ReadStream} from 'node:tty';

/**
 * Reads one key press from a terminal in raw mode and returns it; Ctrl+C returns an empty
 * string. The terminal's mode is restored before the promise settles.
 *
 * The stream is unreferenced afterwards rather than paused: a paused process.stdin stops Ink,
 * which reads it through a 'readable' listener, from receiving keys, and the process would then
 * exit under a wizard that is waiting for input. Unreferenced, it lets the process exit when no
 * Ink app follows.
 */
export async function readKey(stdin: ReadStream): Promise<string> {
  const wasRaw = stdin.isRaw;
  stdin.setRawMode(true);
  stdin.resume();

  try {
    return await new Promise<string>((resolve) => {
      stdin.once('data', (chunk: Buffer) => {
        const key = chunk.toString('utf8');
        resolve(key === '\u0003' ? '' : key);
      });
    });
  } finally {
    stdin.setRawMode(wasRaw);
    stdin.unref();
  }
}
