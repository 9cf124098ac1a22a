import { ApiError } from './api-error';

const bad = (code: string, message: string) => new ApiError(400, code, message);

/**
 * A request body as a JSON object with only `fields`, or the 400 that says what is wrong with it.
 * @param shape how the body should look, for the message (`{"instance", "name", …}`)
 * @throws ApiError 400 `request.invalid_json`, `request.invalid_body` or `request.unknown_field`
 */
export function jsonObjectBody(body: string, fields: ReadonlySet<string>, shape: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw bad('request.invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad('request.invalid_body', `The request body must be a JSON object: ${shape}.`);
  }
  const request = value as Record<string, unknown>;
  const unknown = Object.keys(request).find((key) => !fields.has(key));
  if (unknown !== undefined) throw bad('request.unknown_field', `Unknown field "${unknown.slice(0, 64)}".`);
  return request;
}
