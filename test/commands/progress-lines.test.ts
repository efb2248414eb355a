import {describe, expect, it} from 'vitest';
import {createProgressLines} from '../../source/commands/progress-lines.js';
import type {StatusCheck} from '../../source/halo/types.js';

function check(state: StatusCheck['state'], detail: string): StatusCheck {
  return {id: 'users', label: 'End users', state, detail, durationMs: null, error: null};
}

describe('createProgressLines', () => {
  it('writes each new detail of a running check once', () => {
    const lines: string[] = [];
    const listener = createProgressLines((line) => lines.push(line));

    listener([check('running', 'page 1 of 3')]);
    listener([check('running', 'page 1 of 3')]);
    listener([check('running', 'rate limited; retry 1 in 5 s')]);

    expect(lines).toEqual([
      '… End users: page 1 of 3',
      '… End users: rate limited; retry 1 in 5 s',
    ]);
  });

  it('ignores finished checks', () => {
    const lines: string[] = [];
    createProgressLines((line) => lines.push(line))([check('passed', '200 users')]);

    expect(lines).toEqual([]);
  });

  it('strips control characters from the detail', () => {
    const lines: string[] = [];
    createProgressLines((line) => lines.push(line))([check('running', 'page\u001B[2J 2')]);

    expect(lines).toEqual(['… End users: page 2']);
  });
});
