// Raw records as Halo stores them. Field names and types follow Halo's OpenAPI export:
// `Uname` for agents, `Users` for end users, `UnameSection` and `UnameAreaRestriction` for
// the nested lists. Every field but `id` is nullable at Halo, and some seeded records use that.

/** A site of a customer; `id` is what `site_id` carries as a float in user records. */
export type HaloSite = {id: number; name: string; timezone: string};

/** A customer (Halo "client") with its mail domain and one to four sites. */
export type HaloClient = {id: number; name: string; domain: string; sites: HaloSite[]};

/** An agent's membership of a team (`UnameSection`). */
export type HaloTeamMembership = {
  id: number;
  agent_id: number;
  agent_name: string | null;
  team_id: number;
  team_name: string;
  role_name: string | null;
  is_manager: boolean;
};

/** A client an agent is restricted to (`UnameAreaRestriction`). */
export type HaloClientRestriction = {
  id: number;
  agent_id: number;
  agent_name: string | null;
  client_id: number;
  client_name: string;
};

/** An agent (`Uname`). */
export type HaloAgent = {
  id: number;
  name: string | null;
  firstname: string | null;
  surname: string | null;
  initials: string | null;
  email: string | null;
  jobtitle: string | null;
  team: string | null;
  teams: HaloTeamMembership[];
  role_list: string | null;
  isdisabled: boolean;
  isapiagent: boolean;
  is_admin: boolean;
  is_agent: boolean;
  onlinestatus: number;
  is_online: boolean;
  lastonline: string | null;
  lastlogindate: string | null;
  datecreated: string | null;
  colour: string | null;
  licence_type: number;
  ticket_count: number;
  namewithinactive: string | null;
  use: string;
  /** Empty for an agent who can access every client. */
  clients: HaloClientRestriction[];
};

/** An end user (`Users`). `site_id` is a double at Halo and is written as `22.0`. */
export type HaloUser = {
  id: number;
  name: string | null;
  firstname: string | null;
  surname: string | null;
  initials: string | null;
  title: string | null;
  emailaddress: string | null;
  phonenumber_preferred: string | null;
  phonenumber: string | null;
  mobilenumber: string | null;
  sitephonenumber: string | null;
  client_id: number;
  client_name: string;
  site_id: number | null;
  site_id_int: number | null;
  site_name: string | null;
  sitetimezone: string | null;
  inactive: boolean;
  isserviceaccount: boolean;
  isimportantcontact: boolean;
  linked_agent_id: number;
  login: string | null;
  colour: string | null;
  use: string;
  email2: string | null;
  email3: string | null;
  lastlogindate: string | null;
  datecreated: string | null;
};

/** Fields of a full user record that list items leave out, as Halo's `Users_List` does. */
export const fullUserOnlyFields = ['email2', 'email3', 'lastlogindate', 'datecreated'] as const;

/** The sign-in name of an agent on the emulator's login page; never part of an API record. */
export type AgentLogin = {username: string; agentId: number};

/** Everything the emulator serves, generated once at start-up. */
export type SeedData = {
  clients: HaloClient[];
  agents: HaloAgent[];
  users: HaloUser[];
  logins: AgentLogin[];
};
