import { codeMessage, inKorean, type TypedError } from '@bloom/client-shared';

/** Fields of the application the shared catalogue doesn't know (its codes are there). */
const BY_FIELD: Record<string, string> = {
  businessName: '상호를 1~100자로 입력해 주세요.',
  businessRegistrationNumber: '사업자등록번호 10자리를 입력해 주세요.',
};

export function applyError(error: TypedError | null): TypedError | null {
  if (!error) return null;
  const known = codeMessage(error.code);
  if (known) return { ...error, message: known };
  const byField = error.field ? BY_FIELD[error.field.split('.').at(-1) ?? ''] : undefined;
  if (error.code !== 'WEAK_PASSWORD' && byField) return { ...error, message: byField };
  return inKorean(error);
}

/** Which form field a typed error concerns, so the message can sit under it. */
export function blamedField(error: TypedError | null): string | null {
  if (!error) return null;
  if (error.code === 'INVALID_BUSINESS_NUMBER') return 'businessRegistrationNumber';
  if (error.code === 'EMAIL_TAKEN') return 'email';
  return error.field?.split('.').at(-1) ?? null;
}
