import {clipForDisplay} from '../text/strip-control.js';

/** Returns whether a Content-Type names JSON (`application/json`, `...+json`, `text/json`). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /[/+]json\b/i.test(contentType);
}

/** Returns whether a Content-Type names HTML, as proxies and sign-in pages send. */
export function isHtmlContentType(contentType: string | null): boolean {
  return contentType !== null && /\bx?html\b/i.test(contentType);
}

/**
 * Reads the message out of an error response, safe to show: control characters removed,
 * one line, at most 200 characters. Returns null for an empty body or one with no text.
 */
export async function readErrorMessage(response: Response): Promise<string | null> {
  const body = await response.text().catch(() => '');
  const contentType = response.headers.get('content-type');
  return messageFromBody(body, contentType);
}

/** Extracts the message from an error body as `readErrorMessage` does. */
export function messageFromBody(body: string, contentType: string | null): string | null {
  if (body.trim() === '') {
    return null;
  }

  // HTML is never JSON-parsed, whatever it starts with.
  const looksLikeHtml = isHtmlContentType(contentType) || /^\s*</.test(body);
  if (looksLikeHtml) {
    return clipOrNull(htmlToText(body));
  }

  const looksLikeJson = isJsonContentType(contentType) || /^\s*[{["]/.test(body);
  if (looksLikeJson) {
    const fromJson = messageFromJson(body);
    if (fromJson !== null) {
      return clipOrNull(fromJson);
    }
  }

  return clipOrNull(body);
}

// Halo's error bodies are not uniform; the shapes are tried from the most specific.
function messageFromJson(body: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }

  if (typeof value === 'string') {
    return value;
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return null;
  }

  const record = value as Record<string, unknown>;
  const named =
    text(record['errorMessage']) ??
    text(record['Message']) ??
    text(record['message']) ??
    errorWithDescription(record);
  return named ?? validationMessages(record);
}

// The OAuth shape: `error` is the reliable part, the description is optional.
function errorWithDescription(record: Record<string, unknown>): string | null {
  const error = text(record['error']);
  const description = text(record['error_description']);
  if (error !== null && description !== null) {
    return `${error}: ${description}`;
  }

  return error ?? description;
}

// ASP.NET-style validation errors: each key is a field and each value a list of messages.
function validationMessages(record: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const [field, messages] of Object.entries(record)) {
    if (!Array.isArray(messages)) {
      continue;
    }

    const lines = messages.filter((message): message is string => typeof message === 'string');
    if (lines.length > 0) {
      parts.push(`${field}: ${lines.join(' ')}`);
    }
  }

  return parts.length > 0 ? parts.join('; ') : null;
}

function htmlToText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const source = title !== undefined && title.trim() !== '' ? title : html;
  return source
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/gi, '&');
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function clipOrNull(value: string): string | null {
  const clipped = clipForDisplay(value, 200);
  return clipped === '' ? null : clipped;
}
