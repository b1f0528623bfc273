/*
 * What every browser client (storefront, seller, admin) shares. Import from the package root:
 * `import { formatWon, Loading, useSession } from '@bloom/client-shared'`, and the base CSS once
 * in the client's main.tsx: `import '@bloom/client-shared/base.css'`.
 */
export { type ApolloClientOptions, createApolloClient } from './apollo.client.js';
export { type AuthPayload, type Session, SessionStore, type SessionUser } from './session.store.js';
export { SessionContext, useSession, useSessionStore } from './session.context.js';
export { formatDay, formatFee, formatInstant, formatPhone, formatWon, seoulDay } from './format.js';
export {
  INVALID_INPUT,
  TEXT_LIMITS,
  type TypedError,
  codeMessage,
  fieldName,
  inKorean,
  koreanMessage,
  problemText,
  stockMessage,
  tooLongMessage,
  PAYMENT_METHOD_LABEL,
  type PaymentMethod,
} from './messages.js';
export {
  Empty,
  ErrorNotice,
  Loading,
  SignInRequired,
  UserErrorNotice,
  errorText,
} from './status.js';
export { Icon, type IconName } from './icons.js';
export { type Credentials, SignInForm, safeNext } from './sign-in-form.js';
export { LOG_IN_RESULT, useSignIn } from './sign-in.hook.js';
export { type Toast, ToastProvider, useToast } from './toast.js';
export { possibleTypesOf } from './possible-types.js';
export { default as possibleTypes } from './possible-types.generated.json';
export {
  type BusinessNumberState,
  businessNumberState,
  formatBusinessNumber,
  isValidBusinessNumber,
} from './business-number.js';
export { csvText, downloadCsv, formatMonth } from './csv.js';
export { type District, REGIONS, type Region } from './regions.js';
export {
  CREATE_IMAGE_UPLOAD,
  IMAGE_LIMITS,
  type ImageLimits,
  type ImageUploadTicket,
  type UploadedImage,
  imageFileProblem,
  putImage,
  useImageUpload,
} from './image-upload.js';
