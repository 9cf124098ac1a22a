/** Small checks shared by the config validators; each problem is `"<field path>: <what is wrong>"`. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports `path: expected an object`, or each field not in `known`; returns whether `value` is an object. */
export function checkFields(value: unknown, path: string, known: readonly string[], problems: string[]): value is Record<string, unknown> {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object`);
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.push(`${path}.${key}: unknown field (expected ${known.join(', ')})`);
  }
  return true;
}
