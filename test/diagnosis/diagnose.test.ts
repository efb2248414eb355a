import {describe, expect, it} from 'vitest';
import {diagnose, fixFor, symptomFor} from '../../source/diagnosis/diagnose.js';
import {symptoms} from '../../source/diagnosis/symptoms.js';
import {HaloWizardError} from '../../source/errors.js';

describe('symptoms', () => {
  it('lists every error code once', () => {
    const codes = symptoms.flatMap((symptom) => symptom.codes);

    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every symptom a cause and a fix', () => {
    for (const symptom of symptoms) {
      expect(symptom.cause, symptom.heading).toMatch(/\.$/);
      expect(symptom.fix, symptom.heading).toMatch(/\.$/);
    }
  });
});

describe('fixFor', () => {
  it('fills placeholders with the values given', () => {
    const fix = fixFor('redirect-uri-not-registered', {redirectUri: 'http://127.0.0.1:9/cb'});

    expect(fix).toContain('paste exactly http://127.0.0.1:9/cb into Login Redirect URL');
  });

  it('strips control characters from filled values', () => {
    const fix = fixFor('redirect-uri-not-registered', {redirectUri: 'http://x\u001B[2J/cb'});

    expect(fix).not.toContain('\u001B');
  });

  it('rejects a missing placeholder value', () => {
    expect(() => fixFor('redirect-uri-not-registered')).toThrow(/\{redirectUri\}/);
  });

  it('rejects a code no symptom lists', () => {
    expect(() => fixFor('no-such-code')).toThrow(/no-such-code/);
  });
});

describe('diagnose', () => {
  it('adds the likely cause of a listed code', () => {
    const error = new HaloWizardError('client-rejected', 'HaloPSA rejected the client ID.', {
      kind: 'rejected',
      field: 'clientId',
      nextStep: 'Copy the Client ID.',
    });

    const diagnosis = diagnose(error);

    expect(diagnosis.heading).toBe('Client ID unknown');
    expect(diagnosis.cause).toBe(symptomFor('client-rejected')?.cause);
    expect(diagnosis.field).toBe('clientId');
    expect(diagnosis.fix).toBe('Copy the Client ID.');
  });

  it('falls back to the symptom field and fix', () => {
    const error = new HaloWizardError('tenant-rejected', 'Unknown tenant.', {kind: 'rejected'});

    const diagnosis = diagnose(error);

    expect(diagnosis.field).toBe('tenant');
    expect(diagnosis.fix).toBe(symptomFor('tenant-rejected')?.fix);
  });

  it('keeps an unlisted failure without a cause', () => {
    const error = new HaloWizardError('odd-failure', 'Something odd.', {kind: 'unexpected'});

    expect(diagnose(error)).toEqual({
      heading: 'Failed',
      happened: 'Something odd.',
      cause: null,
      field: null,
      fix: null,
    });
  });
});
