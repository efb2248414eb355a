import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';

let emulator: HaloEmulator;

beforeEach(async () => {
  emulator = await startHaloEmulator();
});

afterEach(async () => {
  await emulator.close();
});

describe('emulator application page', () => {
  it('shows the registered client id and redirect url', async () => {
    const response = await fetch(`${emulator.instanceUrl}/config/integrations/api/applications`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain(emulator.application.clientId);
    expect(html).toContain(emulator.application.redirectUris[0]);
    expect(html).toContain('Authorisation Code (Native Application)');
  });

  it('serves the same page as the instance home', async () => {
    const response = await fetch(`${emulator.instanceUrl}/`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(emulator.application.clientId);
  });

  it('escapes the application name', async () => {
    emulator.application.name = '<script>x</script>';

    const html = await (await fetch(`${emulator.instanceUrl}/`)).text();

    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
