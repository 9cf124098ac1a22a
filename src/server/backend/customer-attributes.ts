import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import type { VerifiedCustomer } from './customer-identity';
import { DEFAULT_DISPLAY_NAME, type CheckedStartChat } from './start-chat-request';

/** The contact attribute that carries the verified customer's id (the token's `sub`) to the contact flow. */
export const CUSTOMER_ID_ATTRIBUTE = 'customerId';

/**
 * The request as Amazon Connect will see it once the customer is known. On an instance with `identity`,
 * `customerId` comes only from a verified token and a verified customer's display name only from its
 * `name`: a contact flow may trust both, because no visitor can set them.
 * @throws ApiError 400 `request.attribute_reserved` for a `customerId` sent by the browser
 */
export function withVerifiedCustomer(
  request: CheckedStartChat,
  instance: InstanceDefinition,
  customer: VerifiedCustomer | undefined,
): CheckedStartChat {
  if (!instance.identity) return request;
  if (Object.hasOwn(request.attributes, CUSTOMER_ID_ATTRIBUTE)) {
    throw new ApiError(400, 'request.attribute_reserved', `Attribute "${CUSTOMER_ID_ATTRIBUTE}" is set by the chat service, not by the page.`);
  }
  if (!customer) return request;
  return {
    ...request,
    displayName: customer.name ?? DEFAULT_DISPLAY_NAME,
    attributes: { ...request.attributes, [CUSTOMER_ID_ATTRIBUTE]: customer.customerId },
  };
}
