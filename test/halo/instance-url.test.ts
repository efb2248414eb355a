import {describe, expect, it} from 'vitest';
import {isHaloWizardError} from '../../source/errors.js';
import {joinUrl, resolveWorkspace} from '../../source/halo/instance-url.js';

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }

  throw new Error('expected the call to throw');
}

describe('resolveWorkspace', () => {
  const accepted: Array<[input: string, instanceUrl: string, workspaceKey: string | null]> = [
    ['acme', 'https://acme.halopsa.com', 'acme'],
    ['ACME', 'https://acme.halopsa.com', 'acme'],
    ['  acme  ', 'https://acme.halopsa.com', 'acme'],
    ['ACME.halopsa.com/', 'https://acme.halopsa.com', 'acme'],
    ['https://acme.halopsa.com', 'https://acme.halopsa.com', 'acme'],
    ['https://acme.halopsa.com/api', 'https://acme.halopsa.com', 'acme'],
    ['https://acme.halopsa.com/auth/', 'https://acme.halopsa.com', 'acme'],
    ['https://acme.halopsa.com/apidoc', 'https://acme.halopsa.com', 'acme'],
    ['https://x.haloitsm.com/api/swagger', 'https://x.haloitsm.com', null],
    ['https://x.haloitsm.com/API/Swagger/', 'https://x.haloitsm.com', null],
    ['https://acme.halopsa.com/?tab=1#top', 'https://acme.halopsa.com', 'acme'],
    ['acme.halopsa.com/api?x=1', 'https://acme.halopsa.com', 'acme'],
    ['https://help.example.com/halo/', 'https://help.example.com/halo', null],
    ['https://help.example.com/halo/api', 'https://help.example.com/halo', null],
    ['https://Help.Example.COM:8443', 'https://help.example.com:8443', null],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000', null],
    ['http://localhost:3000/api', 'http://localhost:3000', null],
    ['http://[::1]:3000/', 'http://[::1]:3000', null],
    ['a.b.halopsa.com', 'https://a.b.halopsa.com', null],
  ];

  it.each(accepted)('resolves %j', (input, instanceUrl, workspaceKey) => {
    expect(resolveWorkspace(input)).toEqual({instanceUrl, workspaceKey});
  });

  const rejected: Array<[input: string, code: string]> = [
    ['', 'workspace-missing'],
    ['   ', 'workspace-missing'],
    ['http://example.com', 'workspace-insecure'],
    ['http://acme.halopsa.com/', 'workspace-insecure'],
    ['acme corp', 'workspace-invalid'],
    ['-acme', 'workspace-invalid'],
    ['ftp://acme.halopsa.com', 'workspace-invalid'],
    ['https://', 'workspace-invalid'],
    ['https://user:secret@acme.halopsa.com', 'workspace-invalid'],
  ];

  it.each(rejected)('rejects %j', (input, code) => {
    const error = errorOf(() => resolveWorkspace(input));
    expect(isHaloWizardError(error)).toBe(true);
    if (!isHaloWizardError(error)) {
      return;
    }

    expect(error.code).toBe(code);
    expect(error.kind).toBe('usage');
    expect(error.field).toBe('workspace');
    expect(error.nextStep).toBeTruthy();
  });

  it('keeps a password out of the message', () => {
    const error = errorOf(() => resolveWorkspace('https://user:hunter2@acme.halopsa.com'));
    expect(String((error as Error).message)).not.toContain('hunter2');
    expect(String((error as {nextStep?: string}).nextStep)).not.toContain('hunter2');
  });

  it('strips control characters from the quoted value', () => {
    const error = errorOf(() => resolveWorkspace('ac\u001B[2Jme corp'));
    expect((error as Error).message).not.toContain('\u001B');
    expect((error as Error).message).toContain('acme corp');
  });
});

describe('joinUrl', () => {
  it('puts exactly one slash between base and path', () => {
    expect(joinUrl('https://a.test', 'api/Agent')).toBe('https://a.test/api/Agent');
    expect(joinUrl('https://a.test/', '/api/Agent')).toBe('https://a.test/api/Agent');
    expect(joinUrl('https://a.test//', '//api')).toBe('https://a.test/api');
    expect(joinUrl('https://a.test/halo', 'auth')).toBe('https://a.test/halo/auth');
  });
});
