import type {HaloAgent, HaloUser} from './halo-records.js';
import {firstUserId, fixedUserCount} from './seed-users.js';

/** First generated agent id; fixed agents keep their names so tests can still find them. */
const firstGeneratedAgentId = 13;

// Each name attacks a terminal in its own way. They clear the screen, plant a hyperlink, ring
// the bell, overwrite with a carriage return, erase with backspaces, reverse the text with
// U+202E, hide characters, or run to 500 characters. The link host uses the reserved `.invalid`
// top-level domain, so it never resolves.
const hostileTexts = [
  'Eve \u001B[2J\u001B[HCleared',
  '\u001B]8;;https://phish.invalid/\u0007Click here\u001B]8;;\u0007',
  'Bell\u0007 Ringer',
  'Innocent Name\rEVIL OVERWRITE',
  'Back\b\b\b\bspace',
  'Reversed \u202Egnirts\u202C text',
  'Zero\u200Bwidth\u200D join\uFEFF',
  `Long${'-name'.repeat(99)}!`,
];

/** Returns the agent with a hostile name when `enabled` and the agent is one of the targets. */
export function withHostileAgentName(agent: HaloAgent, enabled: boolean): HaloAgent {
  const text = enabled ? hostileTexts[agent.id - firstGeneratedAgentId] : undefined;
  if (text === undefined) {
    return agent;
  }

  return {...agent, name: text, firstname: text, namewithinactive: text};
}

/** Returns the user with a hostile name when `enabled` and the user is one of the targets. */
export function withHostileUserName(user: HaloUser, enabled: boolean): HaloUser {
  const text = enabled ? hostileTexts[user.id - firstUserId - fixedUserCount] : undefined;
  return text === undefined ? user : {...user, name: text, firstname: text};
}
