import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {getApi, signIn} from './emulator-fixtures.js';

type Schema = {
  type?: string;
  format?: string;
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
};
type OpenApi = {components: {schemas: Record<string, Schema>}};

// Halo's OpenAPI subset lives in the team's shared folder beside the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const specPath = path.join(
  path.resolve(repoRoot, '..', 'shared'),
  'halo-openapi',
  'halo-api-subset.json',
);
const hasSpec = existsSync(specPath);
const suiteName = hasSpec ? 'openapi contract' : `openapi contract (skipped: ${specPath} is missing)`;

let emulator: HaloEmulator;
let accessToken: string;

beforeAll(async () => {
  emulator = await startHaloEmulator({userCount: 300});
  accessToken = (await signIn(emulator)).access_token;
});

afterAll(async () => {
  await emulator.close();
});

/** Returns one message per field of `value` that the schema lacks or types differently. */
function findMismatches(
  value: Record<string,
  unknown>,
  schemaName: string,
  schemas: Record<string,
  Schema>,
): string[] {
  const properties = schemas[schemaName]?.properties ?? {};
  const mismatches: string[] = [];
  for (const [field, fieldValue] of Object.entries(value)) {
    const schema = properties[field];
    if (schema === undefined) {
      mismatches.push(`${schemaName}.${field} is not in the schema`);
      continue;
    }

    mismatches.push(...checkValue(fieldValue, schema, `${schemaName}.${field}`, schemas));
  }

  return mismatches;
}

function checkValue(
  value: unknown,
  schema: Schema,
  where: string,
  schemas: Record<string,
  Schema>,
): string[] {
  if (value === null) {
    return where.endsWith('.id') ? [`${where} is null`] : [];
  }

  const refName = schema.$ref?.split('/').at(-1);
  if (refName !== undefined) {
    return typeof value === 'object' ? findMismatches(
      value as Record<string,
      unknown>,
      refName,
      schemas,
    ) : [`${where} is not an object`];
  }

  switch (schema.type) {
    case 'string': {
      return typeof value === 'string' ? [] : [`${where} should be a string`];
    }

    case 'integer': {
      return Number.isInteger(value) ? [] : [`${where} should be an integer`];
    }

    case 'number': {
      return typeof value === 'number' ? [] : [`${where} should be a number`];
    }

    case 'boolean': {
      return typeof value === 'boolean' ? [] : [`${where} should be a boolean`];
    }

    case 'array': {
      if (!Array.isArray(value)) {
        return [`${where} should be an array`];
      }

      return value.flatMap((item, index) => checkValue(
        item,
        schema.items ?? {},
        `${where}[${index}]`,
        schemas,
      ));
    }

    default: {
      return [`${where} has a schema type the test does not know: ${String(schema.type)}`];
    }
  }
}

describe.skipIf(!hasSpec)(suiteName, () => {
  const spec = hasSpec ? (JSON.parse(readFileSync(specPath, 'utf8')) as OpenApi) : undefined;
  const schemas = spec?.components.schemas ?? {};

  it('emits only agent fields of the uname schema', async () => {
    const response = await getApi(
      emulator,
      '/api/Agent?includedisabled=true&includeunassigned=true&includeapiagents=true',
      accessToken,
    );
    const agents = JSON.parse(response.text) as Array<Record<string, unknown>>;
    expect(agents.length).toBe(25);
    expect(agents.flatMap((agent) => findMismatches(agent, 'Uname', schemas))).toEqual([]);
  });

  it('emits only user list fields of the users_list schema', async () => {
    const response = await getApi(
      emulator,
      '/api/Users?count=300&includeinactive=true',
      accessToken,
    );
    const {users} = JSON.parse(response.text) as {users: Array<Record<string, unknown>>};
    expect(users.length).toBe(300);
    expect(users.flatMap((user) => findMismatches(user, 'Users_List', schemas))).toEqual([]);
    expect(users.flatMap((user) => findMismatches(user, 'Users', schemas))).toEqual([]);
  });

  it('emits only full user fields of the users schema', async () => {
    const response = await getApi(emulator, '/api/Users/207', accessToken);
    const user = JSON.parse(response.text) as Record<string, unknown>;
    expect(user.linked_agent_id).toBe(3);
    expect(findMismatches(user, 'Users', schemas)).toEqual([]);
  });

  it('finds a field that is not in the schema', () => {
    expect(findMismatches({id: 1, not_a_halo_field: true}, 'Users', schemas)).toEqual([
      'Users.not_a_halo_field is not in the schema',
    ]);
    expect(findMismatches(
      {id: 1, site_id: 'x'},
      'Users',
      schemas,
    )).toEqual(['Users.site_id should be a number']);
  });
});
