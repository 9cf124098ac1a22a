import { AwsServiceError } from './aws-error';
import { isJsonObject, type JsonObject } from './json-http';

/** The two 400s Amazon Connect's API answers bad input with: a missing field, and a field out of its bounds. */
export const invalidRequest = (message: string) => new AwsServiceError(400, 'InvalidRequestException', message);
export const invalidParameter = (message: string) => new AwsServiceError(400, 'InvalidParameterException', message);

/** A required string field of 1 to `maxLength` characters (`label` names it in the error, e.g. a nested path). */
export function requiredString(body: JsonObject, field: string, maxLength: number, label = field): string {
  const value = body[field];
  if (value === undefined || value === null) throw invalidRequest(`${label} is required.`);
  if (typeof value !== 'string' || value.length < 1 || value.length > maxLength) {
    throw invalidParameter(`${label} must be a string of 1 to ${maxLength} characters.`);
  }
  return value;
}

/** `Attributes` as StartChatContact and StartTaskContact take them: a map of strings, each at most 32,767 characters. */
export function attributesOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) throw invalidParameter('Attributes must be a map of strings.');
  const attributes: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (key.length < 1 || key.length > 32767) throw invalidParameter('Attribute names must have 1 to 32767 characters.');
    if (typeof text !== 'string' || text.length > 32767) {
      throw invalidParameter(`Attribute "${key.slice(0, 64)}" must be a string of at most 32767 characters.`);
    }
    attributes[key] = text;
  }
  return attributes;
}
