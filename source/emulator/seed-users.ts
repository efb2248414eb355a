import type {HaloClient, HaloSite, HaloUser} from './halo-records.js';
import {haloDateTime, pick, toMailbox, type RandomSource} from './seed-data.js';

/** Id of the first seeded user; ids then run on without gaps. */
export const firstUserId = 201;

/** Number of fixed user records that come before the generated ones. */
export const fixedUserCount = 10;

const firstnames = [
  'Ines', 'Sam', 'Aisha', 'Björn', 'Carys', 'Diego', 'Emeka', 'Freya', 'Gwen', 'Hamza', 'Ilse',
  'Jack', 'Keira', 'Luca', 'Mei', 'Nadia', 'Olu', 'Paddy', 'Rhiannon', 'Siobhan', 'Tomasz',
  'Ulla', 'Viktor', 'Wren', 'Yusuf', 'Zofia',
];
const surnames = [
  'Carvalho', 'Taylor', 'Ahmed', 'Baker', 'Chen', 'Davies', 'Evans', 'Fernández', 'Green',
  'Hughes', 'Ishikawa', 'Jones', 'Khan', 'Lewis', 'Murphy', 'Nowak', "O'Brien", 'Patel',
  'Quinn', 'Roberts', 'Singh', 'Thomas', 'Umarov', 'Varga', 'Walsh', 'Young',
];
const titles = [
  'Practice Manager',
  'Receptionist',
  'Director',
  'Office Manager',
  'Accountant',
  'Driver',
  'Architect',
];

/**
 * Builds the users: one General User per client, a user linked to the admin agent, the same
 * name at two clients and a service account without a site, then generated users with about
 * 10% inactive. Generation is a plain loop, so 50,000 users take well under a second.
 */
export function seedUsers(clients: HaloClient[], count: number, random: RandomSource): HaloUser[] {
  const users: HaloUser[] = [];
  let id = firstUserId;
  for (const client of clients) {
    users.push(makeUser(id++, client, client.sites[0] ?? null, {
      firstname: 'General',
      surname: 'User',
      emailaddress: '',
      login: null,
    }));
  }

  const msp = clientById(clients, 9);
  const vets = clientById(clients, 14);
  const logistics = clientById(clients, 21);
  const dental = clientById(clients, 17);
  users.push(
    makeUser(id++, msp, msp.sites[0] ?? null, {
      firstname: 'Maren',
      surname: 'Okafor',
      emailaddress: 'maren.okafor@harbourline-it.test',
      linked_agent_id: 3,
      title: 'Service Desk Manager',
    }),
    makeUser(id++, vets, vets.sites[0] ?? null, {firstname: 'Sam', surname: 'Taylor'}),
    makeUser(id++, logistics, logistics.sites[0] ?? null, {firstname: 'Sam', surname: 'Taylor'}),
    makeUser(id++, dental, null, {
      firstname: 'Reception',
      surname: 'Scanner',
      emailaddress: 'scanner@ashgrove-dental.test',
      isserviceaccount: true,
      title: null,
      phonenumber: '',
      mobilenumber: null,
      login: '',
    }),
  );

  const usedMailboxes = new Set<string>();
  while (users.length < count) {
    const client = pick(random, clients);
    const firstname = pick(random, firstnames);
    const surname = pick(random, surnames);
    let mailbox = toMailbox(firstname, surname);
    if (usedMailboxes.has(`${mailbox}@${client.domain}`)) {
      mailbox = `${mailbox}${id}`;
    }

    usedMailboxes.add(`${mailbox}@${client.domain}`);
    const phoneDraw = random();
    let phonenumber: string | null = `0117 496 ${String(id).slice(-4)}`;
    if (phoneDraw < 0.3) {
      phonenumber = '';
    } else if (phoneDraw < 0.5) {
      phonenumber = null;
    }

    users.push(makeUser(id, client, pick(random, client.sites), {
      firstname,
      surname,
      emailaddress: `${mailbox}@${client.domain}`,
      title: random() < 0.2 ? null : pick(random, titles),
      phonenumber,
      inactive: random() < 0.1,
      isserviceaccount: random() < 0.01,
      isimportantcontact: random() < 0.05,
    }));
    id++;
  }

  return users;
}

function makeUser(
  id: number,
  client: HaloClient,
  site: HaloSite | null,
  fields: Partial<HaloUser> & {firstname: string; surname: string},
): HaloUser {
  const mailbox = toMailbox(fields.firstname, fields.surname);
  const email = fields.emailaddress ?? `${mailbox}@${client.domain}`;
  const phonenumber = fields.phonenumber === undefined ? '0117 496 0000' : fields.phonenumber;
  return {
    id,
    name: `${fields.firstname} ${fields.surname}`,
    initials: `${fields.firstname[0] ?? ''}${fields.surname[0] ?? ''}`,
    title: null,
    emailaddress: email,
    phonenumber_preferred: phonenumber,
    phonenumber,
    mobilenumber: null,
    sitephonenumber: site === null ? null : '0117 496 0100',
    client_id: client.id,
    client_name: client.name,
    site_id: site?.id ?? null,
    site_id_int: site?.id ?? null,
    site_name: site?.name ?? null,
    sitetimezone: site?.timezone ?? null,
    inactive: false,
    isserviceaccount: false,
    isimportantcontact: false,
    linked_agent_id: 0,
    login: email === '' ? null : email,
    colour: null,
    use: 'user',
    email2: null,
    email3: null,
    lastlogindate: id % 4 === 0 ? null : haloDateTime(Date.UTC(
      2024,
      4,
      1,
    ) + (id % 997) * 3_600_000),
    datecreated: haloDateTime(Date.UTC(2019, 0, 1) + id * 600_000),
    ...fields,
  };
}

function clientById(clients: HaloClient[], clientId: number): HaloClient {
  const client = clients.find((candidate) => candidate.id === clientId);
  if (client === undefined) {
    throw new RangeError(`seed client ${clientId} is missing`);
  }

  return client;
}
