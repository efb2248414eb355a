import {render} from 'ink';
import {useEffect, useState} from 'react';
import type {StatusCheck} from '../halo/types.js';
import {StatusPanel} from '../ui/status-panel.js';

type Listener = (checks: StatusCheck[]) => void;

function LiveStatusPanel({subscribe}: {subscribe: (listener: Listener) => void}) {
  const [checks, setChecks] = useState<StatusCheck[]>([]);
  useEffect(() => subscribe(setChecks), [subscribe]);
  return <StatusPanel checks={checks} />;
}

/**
 * Draws the status panel while `run` works through the checks, then leaves the final frame on
 * screen and resolves with what `run` returned.
 */
export async function showLiveStatus<T>(
  run: (onUpdate: Listener) => Promise<T>,
): Promise<T> {
  let latest: StatusCheck[] = [];
  let listener: Listener = (checks) => {
    latest = checks;
  };
  const subscribe = (next: Listener) => {
    listener = next;
    next(latest);
  };

  const instance = render(<LiveStatusPanel subscribe={subscribe} />);
  try {
    return await run((checks) => {
      latest = checks;
      listener(checks);
    });
  } finally {
    instance.unmount();
    await instance.waitUntilExit();
  }
}
