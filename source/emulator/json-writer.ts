/**
 * Serialises `value` like `JSON.stringify`, except that whole numbers under the keys in
 * `doubleKeys` are written with a decimal point (`22.0`). Halo's .NET serialiser writes its
 * double fields that way, and `JSON.stringify` would print `22`.
 */
export function toJsonWithDoubles(value: unknown, doubleKeys: ReadonlySet<string>): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => toJsonWithDoubles(item, doubleKeys)).join(',')}]`;
  }

  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }

  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) {
      continue;
    }

    const isDouble = doubleKeys.has(key) && typeof member === 'number' && Number.isInteger(member);
    const text = isDouble ? `${member}.0` : toJsonWithDoubles(member, doubleKeys);
    members.push(`${JSON.stringify(key)}:${text}`);
  }

  return `{${members.join(',')}}`;
}
