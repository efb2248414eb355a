import type {AgentLogin, HaloAgent, HaloClient} from './halo-records.js';
import {
  haloDateTime,
  pick,
  toMailbox,
  type RandomSource,
  type SeedOptions,
} from './seed-data.js';

type FixedAgent = {
  id: number;
  firstname: string | null;
  surname: string | null;
  name: string;
  /** Mail local part, or null for the agent without email. */
  mailbox: string | null;
  jobtitle: string | null;
  team: string | null;
  isapiagent?: boolean;
  is_admin?: boolean;
  restrictedTo?: number[];
};

const teams = [
  {id: 1, name: 'First Line'},
  {id: 2, name: 'Second Line'},
  {id: 3, name: 'Projects'},
  {id: 4, name: 'Account Management'},
];

// Ids 1 to 12 are fixed so tests can name them. Agents 7 and 12 are the default disabled pair.
const fixedAgents: FixedAgent[] = [
  {
    id: 1, firstname: null, surname: null, name: 'Unassigned', mailbox: null, jobtitle: null,
    team: null,
  },
  {
    id: 2, firstname: 'Halo', surname: 'Integrations', name: 'Halo Integrations',
    mailbox: 'integrations', jobtitle: 'API account', team: null, isapiagent: true,
  },
  {
    id: 3, firstname: 'Maren', surname: 'Okafor', name: 'Maren Okafor', mailbox: 'maren.okafor',
    jobtitle: 'Service Desk Manager', team: 'First Line', is_admin: true,
  },
  {
    id: 4, firstname: 'Théo', surname: 'Lefèvre', name: 'Théo Lefèvre', mailbox: 'theo.lefevre',
    jobtitle: 'Service Desk Analyst', team: 'First Line',
  },
  {
    id: 5, firstname: 'Zoë', surname: 'Brontë-Ågren', name: 'Zoë Brontë-Ågren',
    mailbox: 'zoe.bronte-agren', jobtitle: 'Project Engineer', team: 'Projects',
  },
  {
    id: 6, firstname: '由紀', surname: '田中', name: '田中 由紀', mailbox: 'yuki.tanaka',
    jobtitle: 'Systems Engineer', team: 'Second Line',
  },
  {
    id: 7, firstname: 'Joss', surname: 'Whitcombe', name: 'Joss Whitcombe', mailbox: 'joss.w',
    jobtitle: 'Field Engineer', team: 'Projects',
  },
  {
    id: 8, firstname: 'Priya', surname: 'Raman', name: 'Priya Raman', mailbox: 'priya.raman',
    jobtitle: 'Account Manager', team: 'Account Management', restrictedTo: [14, 17],
  },
  {
    id: 9, firstname: 'Александр', surname: 'Волков', name: 'Александр Волков',
    mailbox: 'aleksandr.volkov', jobtitle: 'Network Engineer', team: 'Second Line',
  },
  {
    id: 10, firstname: 'Owen', surname: 'Pryce', name: 'Owen Pryce', mailbox: null,
    jobtitle: 'Apprentice', team: 'First Line',
  },
  {
    id: 11, firstname: 'Bartholomew', surname: 'Carrington-Hales',
    name: 'Bartholomew Alexandros Fitzgerald-Montgomery Worthington-Smythe Carrington-Hales',
    mailbox: 'bartholomew.carrington-hales', jobtitle: 'Service Desk Analyst', team: 'First Line',
  },
  {
    id: 12, firstname: 'Dana', surname: 'Fairweather', name: 'Dana Fairweather',
    mailbox: 'dana.fairweather', jobtitle: 'Project Engineer', team: 'Projects',
  },
];

const firstnames = [
  'Amara', 'Ben', 'Chloé', 'Dev', 'Elin', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jonas', 'Kofi',
  'Lena', 'Mateo', 'Nia', 'Oskar', 'Rosa',
];
const surnames = [
  'Adeyemi', 'Brennan', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gallagher', 'Haddad',
  'Iversen', 'Jovanović', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak',
];
const generatedRoles = [
  {team: 'First Line', jobtitle: 'Service Desk Analyst'},
  {team: 'Second Line', jobtitle: 'Systems Engineer'},
  {team: 'Projects', jobtitle: 'Project Engineer'},
];

/** Builds the agents: the fixed ones, then generated analysts and engineers up to the count. */
export function seedAgents(
  clients: HaloClient[],
  options: SeedOptions,
  random: RandomSource,
): {agents: HaloAgent[]; logins: AgentLogin[]} {
  if (options.agentCount < fixedAgents.length) {
    throw new RangeError(`agentCount must be at least ${fixedAgents.length}`);
  }

  const specs = [...fixedAgents];
  for (let id = fixedAgents.length + 1; id <= options.agentCount; id++) {
    const firstname = pick(random, firstnames);
    const surname = pick(random, surnames);
    const role = pick(random, generatedRoles);
    const mailbox = `${toMailbox(firstname, surname)}${id}`;
    specs.push({id, firstname, surname, name: `${firstname} ${surname}`, mailbox, ...role});
  }

  const disabledIds = pickDisabled(specs.length, options.disabledAgentCount);
  const agents = specs.map((spec) => toAgent(spec, clients, disabledIds.has(spec.id), random));
  const logins: AgentLogin[] = [];
  for (const spec of specs) {
    // The Unassigned agent is a placeholder in Halo and has no sign-in at all.
    if (spec.firstname !== null && spec.surname !== null) {
      const username = spec.mailbox ?? toMailbox(spec.firstname, spec.surname);
      logins.push({username, agentId: spec.id});
    }
  }

  return {agents, logins};
}

// The two fixed disabled agents come first, then generated agents from the highest id down,
// so raising the count never disables the admin or the named special cases.
function pickDisabled(agentCount: number, disabledCount: number): Set<number> {
  const candidates = [7, 12];
  for (let id = agentCount; id > fixedAgents.length; id--) {
    candidates.push(id);
  }

  if (disabledCount > candidates.length) {
    throw new RangeError(
      `disabledAgentCount ${disabledCount} needs agentCount of at least ${disabledCount + 10}`,
    );
  }

  return new Set(candidates.slice(0, disabledCount));
}

function toAgent(
  spec: FixedAgent,
  clients: HaloClient[],
  isdisabled: boolean,
  random: RandomSource,
): HaloAgent {
  const team = teams.find((candidate) => candidate.name === spec.team);
  const initials = [spec.firstname, spec.surname].map((part) => part?.[0] ?? '').join('');
  const restrictedTo = clients.filter((client) => spec.restrictedTo?.includes(client.id));
  const created = Date.UTC(2021, 0, 4) + spec.id * 86_400_000 * 11;
  const daysSinceLogin = Math.floor(random() * 30);
  const lastLogin = spec.id === 1 ? null : Date.UTC(2024, 5, 1) - daysSinceLogin * 86_400_000;
  return {
    id: spec.id,
    name: spec.name,
    firstname: spec.firstname,
    surname: spec.surname,
    initials: initials === '' ? null : initials,
    email: spec.mailbox === null ? null : `${spec.mailbox}@harbourline-it.test`,
    jobtitle: spec.jobtitle,
    team: spec.team,
    teams: team === undefined ? [] : [{
      id: spec.id * 10 + team.id,
      agent_id: spec.id,
      agent_name: spec.name,
      team_id: team.id,
      team_name: team.name,
      role_name: spec.is_admin === true ? 'Administrator' : 'Agent',
      is_manager: spec.is_admin === true,
    }],
    role_list: spec.is_admin === true ? 'Administrator' : 'Agent',
    isdisabled,
    isapiagent: spec.isapiagent ?? false,
    is_admin: spec.is_admin ?? false,
    is_agent: true,
    onlinestatus: isdisabled ? 0 : spec.id % 3,
    is_online: !isdisabled && spec.id % 3 === 1,
    lastonline: lastLogin === null ? null : haloDateTime(lastLogin),
    lastlogindate: lastLogin === null ? null : haloDateTime(lastLogin),
    datecreated: haloDateTime(created),
    colour: spec.id === 1 ? null : `#${(0x3a_6e_a5 + spec.id * 0x01_21_07).toString(16).slice(-6)}`,
    licence_type: spec.isapiagent === true || spec.id === 1 ? 0 : 1,
    ticket_count: spec.id === 1 ? 0 : Math.floor(random() * 40),
    namewithinactive: isdisabled ? `${spec.name} (Inactive)` : spec.name,
    use: 'agent',
    clients: restrictedTo.map((client, index) => ({
      id: spec.id * 100 + index,
      agent_id: spec.id,
      agent_name: spec.name,
      client_id: client.id,
      client_name: client.name,
    })),
  };
}
