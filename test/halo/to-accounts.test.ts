import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {toAccounts} from '../../source/halo/accounts.js';
import type {HaloRecord} from '../../source/halo/halo-record.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const openApiPath = path.resolve(repoRoot, '..', 'shared', 'halo-openapi', 'halo-api-subset.json');

describe('toAccounts', () => {
  it('maps agents and users', () => {
    const agents: HaloRecord[] = [
      {
        id: 3,
        name: 'Maren Okafor',
        email: 'maren@harbourline-it.test',
        team: 'First Line',
        isdisabled: false,
        lastlogindate: '2025-02-28T09:15:00',
        password: 'never read',
      },
    ];
    const users: HaloRecord[] = [
      {
        id: 201.0,
        name: 'Ines Carvalho',
        emailaddress: 'ines@meadowbank-vets.test',
        email: 'wrong field',
        client_name: 'Meadowbank Vets',
        site_id: 22.0,
        site_id_int: 22,
        site_name: 'Head Office',
        inactive: true,
      },
    ];

    expect(toAccounts(agents, users)).toEqual([
      {
        type: 'agent',
        id: 3,
        name: 'Maren Okafor',
        email: 'maren@harbourline-it.test',
        organisation: 'First Line',
        active: true,
        lastLogin: '2025-02-28T09:15:00',
      },
      {
        type: 'user',
        id: 201,
        name: 'Ines Carvalho',
        email: 'ines@meadowbank-vets.test',
        organisation: 'Meadowbank Vets / Head Office',
        active: false,
        lastLogin: null,
      },
    ]);
  });

  it('treats every field but id as optional', () => {
    const [agent, user] = toAccounts([{id: 9, isdisabled: true}], [{id: 10, site_name: 'Leeds'}]);

    expect(agent).toEqual({
      type: 'agent',
      id: 9,
      name: 'Agent 9',
      email: null,
      organisation: null,
      active: false,
      lastLogin: null,
    });
    expect(user).toMatchObject({name: 'User 10', organisation: 'Leeds', active: true});
  });

  it('builds a name from first name and surname', () => {
    const [user] = toAccounts([], [{id: 1, name: ' ', firstname: 'Ana', surname: 'Lima'}]);
    expect(user?.name).toBe('Ana Lima');
  });

  it('makes hostile names inert', () => {
    const [agent] = toAccounts(
      [
        {
          id: 1,
          name: 'Eve\u001B[2J\u001B]8;;http://x.test\u0007link\u0007\r\nmore\u202E\u200B',
          team: null,
        },
      ],
      [],
    );

    expect(agent?.name).toBe('Evelink more');
    expect(agent?.organisation).toBeNull();
  });

  it('reads only fields of the openapi schemas', (context) => {
    if (!fs.existsSync(openApiPath)) {
      context.skip(`Halo's OpenAPI subset is missing at ${openApiPath}`);
      return;
    }

    const document = JSON.parse(fs.readFileSync(openApiPath, 'utf8')) as {
      components: {schemas: Record<string, {properties: Record<string, unknown>}>};
    };
    const {schemas} = document.components;
    const agentFields = new Set(Object.keys(schemas['Uname']?.properties ?? {}));
    const userFields = new Set(Object.keys(schemas['Users']?.properties ?? {}));
    expect(agentFields.size).toBeGreaterThan(100);
    expect(userFields.size).toBeGreaterThan(100);

    const agentReads = new Set<string>();
    const userReads = new Set<string>();
    toAccounts([recordingReads(agentReads)], [recordingReads(userReads)]);

    expect(agentReads.size).toBeGreaterThan(3);
    expect([...agentReads].filter((field) => !agentFields.has(field))).toEqual([]);
    expect(userReads.size).toBeGreaterThan(3);
    expect([...userReads].filter((field) => !userFields.has(field))).toEqual([]);
  });
});

// A record that notes every field read; `name` is blank so the fallbacks are read too.
function recordingReads(reads: Set<string>): HaloRecord {
  return new Proxy({id: 1, name: ''} as HaloRecord, {
    get(target, property, receiver) {
      if (typeof property === 'string') {
        reads.add(property);
      }

      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
