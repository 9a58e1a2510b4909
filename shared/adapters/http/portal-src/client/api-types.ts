/**
 * The client API's shapes, as the server states them (client-api-schemas.ts: the server checks what it
 * sends against those schemas; `import type` only, so zod stays out of the page's bundle).
 */
export type {
  ClientActionResponse,
  ClientConversationItem as ClientMessage,
  ClientErrorBody,
  ClientErrorCode,
  ClientMessageResponse as PostedMessage,
  ClientSessionResponse as ClientSession,
  ClientTicketListResponse as ClientTicketList,
  ClientTicketView,
  ClientUploadResponse as PresignedUpload,
  SignInResponse as SignInAnswer,
} from '../../client-api-schemas';

import type { ClientTicketView } from '../../client-api-schemas';

export type ClientPrioritySource = ClientTicketView['priority']['source'];
