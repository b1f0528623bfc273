import {
  UserErrorNotice,
  type TypedError,
  businessNumberState,
  formatBusinessNumber,
} from '@bloom/client-shared';

export interface BusinessValues {
  businessName: string;
  businessRegistrationNumber: string;
}

const FEEDBACK = {
  empty: { text: '숫자 10자리를 입력하면 하이픈(-)은 자동으로 들어가요.', tone: 'muted' },
  typing: { text: '숫자 10자리를 모두 입력해 주세요.', tone: 'muted' },
  invalid: { text: '올바른 사업자등록번호가 아니에요. 다시 확인해 주세요.', tone: 'bad' },
  valid: { text: '올바른 사업자등록번호예요.', tone: 'good' },
} as const;

/** Business name and registration number, with the checksum said as the seller types. */
export function BusinessFields({
  values,
  onChange,
  error,
  blamed,
}: {
  values: BusinessValues;
  onChange: (values: BusinessValues) => void;
  error: TypedError | null;
  blamed: string | null;
}) {
  const state = businessNumberState(values.businessRegistrationNumber);
  const feedback = FEEDBACK[state];
  return (
    <>
      <label className="field">
        상호 (사업자등록증의 이름)
        <input
          name="businessName"
          autoComplete="organization"
          required
          maxLength={100}
          value={values.businessName}
          onChange={(event) => onChange({ ...values, businessName: event.target.value })}
          aria-invalid={blamed === 'businessName' || undefined}
        />
      </label>
      {blamed === 'businessName' && <UserErrorNotice error={error} />}
      <label className="field">
        사업자등록번호
        <input
          name="businessRegistrationNumber"
          inputMode="numeric"
          autoComplete="off"
          placeholder="000-00-00000"
          required
          value={values.businessRegistrationNumber}
          onChange={(event) =>
            onChange({
              ...values,
              businessRegistrationNumber: formatBusinessNumber(event.target.value),
            })
          }
          aria-invalid={state === 'invalid' || blamed === 'businessRegistrationNumber' || undefined}
          aria-describedby="brn-feedback"
        />
        <span
          id="brn-feedback"
          className={`small apply-feedback-${feedback.tone}`}
          aria-live="polite"
          data-state={state}
        >
          {feedback.text}
        </span>
      </label>
      {blamed === 'businessRegistrationNumber' && <UserErrorNotice error={error} />}
    </>
  );
}
