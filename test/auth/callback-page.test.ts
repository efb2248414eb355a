import {describe, expect, it} from 'vitest';
import {renderCallbackPage} from '../../source/auth/callback-page.js';

describe('renderCallbackPage', () => {
  it('escapes the heading and paragraphs', () => {
    const html = renderCallbackPage({
      status: 'failure',
      heading: '<script>alert(1)</script>',
      paragraphs: ['"quoted" & <img src=x>'],
    });

    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;img src=x&gt;');
  });

  it('loads nothing from outside the page', () => {
    const html = renderCallbackPage({status: 'success', heading: 'Signed in', paragraphs: []});

    expect(html).not.toMatch(/\b(?:src|href)=/);
    expect(html).not.toContain('http');
  });
});
