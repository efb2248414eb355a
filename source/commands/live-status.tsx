import {Box, Text, render, useInput, useStdin} from 'ink';
import {useEffect, useState} from 'react';
import type {StatusCheck} from '../halo/types.js';
import {StatusPanel} from '../ui/status-panel.js';
import {verdictOf, type WatchRound} from './status-watch.js';

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
    // A state update from the last check may not be drawn yet. Rendering the final checks
    // directly leaves no spinner behind, because Ink renders synchronously by default.
    instance.rerender(<StatusPanel checks={latest} />);
    instance.unmount();
    await instance.waitUntilExit();
  }
}

type WatchView = {checks: StatusCheck[]; round: WatchRound | null; intervalSeconds: number};
type WatchListener = (view: WatchView) => void;

function LiveWatchPanel(props: {
  subscribe: (listener: WatchListener) => void;
  onCtrlC: () => void;
}) {
  const {subscribe, onCtrlC} = props;
  const [view, setView] = useState<WatchView | null>(null);
  useEffect(() => subscribe(setView), [subscribe]);
  const {isRawModeSupported} = useStdin();
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        onCtrlC();
      }
    },
    {isActive: isRawModeSupported === true},
  );
  if (view === null) {
    return null;
  }

  const {round} = view;
  const heading =
    round === null
      ? 'Round 1 running'
      : `Round ${round.number}: ${verdictOf(round.result)} · next round in ` +
        `${view.intervalSeconds} s`;
  return (
    <Box flexDirection="column">
      <Text bold>{heading} · Ctrl+C to stop</Text>
      <StatusPanel
        checks={view.checks}
        {...(round !== null && round.number > 1 ? {changed: round.changed} : {})}
      />
    </Box>
  );
}

/**
 * Draws the watch panel while `watch` runs rounds, marking the checks that changed since
 * the last round, and resolves with what `watch` returned once it ends (Ctrl+C).
 */
export async function showLiveWatch(
  intervalSeconds: number,
  watch: (listeners: {
    onUpdate: (checks: StatusCheck[]) => void;
    onRound: (round: WatchRound) => void;
  }) => Promise<number>,
  onCtrlC: () => void,
): Promise<number> {
  let latest: WatchView = {checks: [], round: null, intervalSeconds};
  let listener: WatchListener = () => undefined;
  const publish = (view: WatchView) => {
    latest = view;
    listener(view);
  };

  const subscribe = (next: WatchListener) => {
    listener = next;
    next(latest);
  };

  const instance = render(<LiveWatchPanel subscribe={subscribe} onCtrlC={onCtrlC} />, {
    exitOnCtrlC: false,
  });
  try {
    return await watch({
      // During a round the previous round's verdict stays, so the panel never goes blank.
      onUpdate: (checks) => publish({...latest, checks}),
      onRound: (round) => publish({...latest, checks: round.result.checks, round}),
    });
  } finally {
    instance.unmount();
    await instance.waitUntilExit();
  }
}
