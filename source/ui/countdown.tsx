import {Text} from 'ink';
import {useEffect, useState} from 'react';

/** Formats a duration as mm:ss, rounding up so the display reaches 00:00 at the end. */
export function formatCountdown(remainingMs: number): string {
  const totalSeconds = Math.max(Math.ceil(remainingMs / 1000), 0);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export type CountdownProps = {
  /** Time to count down from, in milliseconds, starting when the component mounts. */
  durationMs: number;
  /** Epoch milliseconds. @default Date.now */
  now?: () => number;
};

/** Draws the time left as mm:ss, updated every second. */
export function Countdown({durationMs, now = Date.now}: CountdownProps) {
  const [deadline] = useState(() => now() + durationMs);
  const [remainingMs, setRemainingMs] = useState(durationMs);

  useEffect(() => {
    const timer = setInterval(() => {
      setRemainingMs(deadline - now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [deadline, now]);

  return <Text>{formatCountdown(remainingMs)}</Text>;
}
