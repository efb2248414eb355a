import type {HaloAgent} from './halo-records.js';
import {isTrue, toInteger} from './http-helpers.js';

/** Id of Halo's system "Unassigned" agent in the seed. */
export const unassignedAgentId = 1;

/**
 * Filters agents as `GET /api/Agent` does: disabled agents, the Unassigned agent and API-only
 * agents are hidden unless their include flag is `true`. `query` has lower-cased names.
 */
export function listAgents(agents: HaloAgent[], query: Map<string, string>): HaloAgent[] {
  let includeEnabled = query.get('includeenabled')?.toLowerCase() !== 'false';
  let includeDisabled = isTrue(query.get('includedisabled'));
  const activeInactive = query.get('activeinactive')?.split(',');
  if (activeInactive !== undefined) {
    includeEnabled = isTrue(activeInactive[0]);
    includeDisabled = isTrue(activeInactive[1]);
  }

  const includeUnassigned = isTrue(query.get('includeunassigned'));
  const includeApiAgents = isTrue(query.get('includeapiagents'));
  const search = query.get('search')?.toLowerCase();
  const team = query.get('team')?.toLowerCase();
  const teamId = toInteger(query.get('team_id'), -1);
  const clientId = toInteger(query.get('client_id'), -1);
  return agents.filter((agent) => {
    if (agent.id === unassignedAgentId) {
      return includeUnassigned;
    }

    if ((agent.isdisabled && !includeDisabled) || (!agent.isdisabled && !includeEnabled)) {
      return false;
    }

    if (agent.isapiagent && !includeApiAgents) {
      return false;
    }

    if (search !== undefined && search !== '' && !matchesSearch(agent, search)) {
      return false;
    }

    if (team !== undefined && team !== '' && agent.team?.toLowerCase() !== team) {
      return false;
    }

    if (teamId >= 0 && !agent.teams.some((membership) => membership.team_id === teamId)) {
      return false;
    }

    const restrictions = agent.clients;
    return (
      clientId < 0 ||
      restrictions.length === 0 ||
      restrictions.some((restriction) => restriction.client_id === clientId)
    );
  });
}

function matchesSearch(agent: HaloAgent, search: string): boolean {
  return [agent.name, agent.email].some((field) => field?.toLowerCase().includes(search) === true);
}
