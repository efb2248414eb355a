import {describe, expect, it} from 'vitest';
import {messageFromBody} from '../../source/halo/api-errors.js';

const json = 'application/json; charset=utf-8';

describe('messageFromBody', () => {
  const shapes: Array<[name: string, body: string, contentType: string | null, message: string]> =
    [
      [
        'resultCode',
        '{"resultCode": 1, "errorMessage": "Licence limit reached"}',
        json,
        'Licence limit reached',
      ],
      [
        'ClassName',
        '{"ClassName": "System.Exception", "Message": "Invalid advanced search parameter"}',
        json,
        'Invalid advanced search parameter',
      ],
      [
        'Message',
        '{"Message": "Please contact the administrator"}',
        json,
        'Please contact the administrator',
      ],
      [
        'oauth',
        '{"error": "invalid_token", "error_description": "expired"}',
        json,
        'invalid_token: expired',
      ],
      ['oauth without description', '{"error": "invalid_token"}', json, 'invalid_token'],
      [
        'validation',
        '{"id": ["must be a number"], "[0].id": ["is required", "is odd"]}',
        json,
        'id: must be a number; [0].id: is required is odd',
      ],
      ['json string', '"Not allowed"', json, 'Not allowed'],
      ['plain text', 'Something broke', 'text/plain', 'Something broke'],
      [
        'html',
        '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
        'text/html',
        '502 Bad Gateway',
      ],
      [
        'html without title',
        '<body><h1>Down</h1><script>alert(1)</script><p>for maintenance</p></body>',
        'text/html',
        'Down for maintenance',
      ],
      ['json without content type', '{"Message": "No header"}', null, 'No header'],
      ['broken json', '{"Message": "cut', json, '{"Message": "cut'],
    ];

  it.each(shapes)('reads the %s shape', (_name, body, contentType, message) => {
    expect(messageFromBody(body, contentType)).toBe(message);
  });

  it('prefers errorMessage over Message', () => {
    expect(messageFromBody('{"Message": "second", "errorMessage": "first"}', json)).toBe('first');
  });

  it('never parses html as json', () => {
    const body = '<pre>{"Message": "hidden"}</pre>';
    expect(messageFromBody(body, 'text/html')).toBe('{"Message": "hidden"}');
  });

  it('returns null for an empty body', () => {
    expect(messageFromBody('', json)).toBeNull();
    expect(messageFromBody('  \n', 'text/plain')).toBeNull();
    expect(messageFromBody('{}', json)).toBe('{}');
  });

  it('strips control characters and clips', () => {
    const body = JSON.stringify({Message: `\u001B[2Jbad\u202E ${'x'.repeat(400)}`});
    const message = messageFromBody(body, json);
    expect(message).not.toContain('\u001B');
    expect(message).not.toContain('\u202E');
    expect(message?.startsWith('bad x')).toBe(true);
    expect(message).toHaveLength(200);
    expect(message?.endsWith('…')).toBe(true);
  });
});
