import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useId, useState } from 'react';
import { windowText } from './buy-dates.js';
import { fieldName, TEXT_LIMITS, type TypedError } from '@bloom/client-shared';

/** One recipient's address; checkout calls the lines street/detail, subscriptions line1/line2. */
export interface AddressValue {
  recipientName: string;
  phone: string;
  zipCode: string;
  line1: string;
  line2: string;
}

export const EMPTY_ADDRESS: AddressValue = {
  recipientName: '',
  phone: '',
  zipCode: '',
  line1: '',
  line2: '',
};

/** As sent: what people type often starts or ends with a space. */
export const trimmedAddress = (a: AddressValue): AddressValue => ({
  recipientName: a.recipientName.trim(),
  phone: a.phone.trim(),
  zipCode: a.zipCode.trim(),
  line1: a.line1.trim(),
  line2: a.line2.trim(),
});

/** The signed-in customer's saved addresses, to fill the form with one tap. */
const SAVED_ADDRESSES = gql`
  query SavedAddresses {
    myAddresses {
      id
      label
      recipientName
      phone
      zipCode
      street
      detail
    }
  }
`;

export interface SavedAddress {
  id: string;
  label: string;
  recipientName: string;
  phone: string;
  zipCode: string;
  street: string;
  detail: string;
}

const fromSaved = (a: SavedAddress): AddressValue => ({
  recipientName: a.recipientName,
  phone: a.phone,
  zipCode: a.zipCode,
  line1: a.street,
  line2: a.detail,
});

/** The address being entered, and where it came from: for `<AddressPicker>`. */
export interface AddressPick {
  address: AddressValue;
  /** The saved address the fields hold; null once a field is edited (then it is a new one). */
  savedId: string | null;
  /** The customer's saved addresses. */
  saved: SavedAddress[];
  choose: (saved: SavedAddress) => void;
  edit: (address: AddressValue) => void;
}

/** What is wrong with each address input, in Korean, shown under it. */
export type AddressErrors = Partial<Record<keyof AddressValue, string>>;

/** The state of an `<AddressPicker>`: checkout and subscribe also read what it holds. */
export function useAddressPick(): AddressPick {
  const [address, setAddress] = useState<AddressValue>(EMPTY_ADDRESS);
  const [savedId, setSavedId] = useState<string | null>(null);
  const query = useQuery<{ myAddresses: SavedAddress[] }>(SAVED_ADDRESSES);
  return {
    address,
    savedId,
    saved: query.data?.myAddresses ?? [],
    choose: (saved) => {
      setSavedId(saved.id);
      setAddress(fromSaved(saved));
    },
    edit: (next) => {
      setAddress(next);
      setSavedId(null);
    },
  };
}

/** The saved addresses as one-tap chips, above the fields they fill. */
export function AddressPicker({
  pick,
  invalidField,
  errors,
}: {
  pick: AddressPick;
  invalidField: string | undefined;
  errors?: AddressErrors | undefined;
}) {
  return (
    <>
      <SavedAddressChips addresses={pick.saved} selected={pick.savedId} onPick={pick.choose} />
      <AddressFields
        value={pick.address}
        onChange={pick.edit}
        invalidField={invalidField}
        errors={errors}
      />
    </>
  );
}

function SavedAddressChips({
  addresses,
  selected,
  onPick,
}: {
  addresses: SavedAddress[];
  selected: string | null;
  onPick: (address: SavedAddress) => void;
}) {
  if (addresses.length === 0) return null;
  return (
    <div className="chips" role="group" aria-label="저장된 배송지">
      {addresses.map((a) => (
        <button
          key={a.id}
          type="button"
          className={`chip${selected === a.id ? ' active' : ''}`}
          aria-pressed={selected === a.id}
          onClick={() => onPick(a)}
        >
          {a.label} · {a.recipientName}
        </button>
      ))}
    </div>
  );
}

/** Tells which address input the server blamed (`delivery.phone`, `address.line1`, …). */
const blamed = (invalidField: string | undefined, ...names: string[]) =>
  names.includes(fieldName(invalidField)) || undefined;

/** Under an input: what is wrong with it, or how much of its limit is used once near it. */
function FieldNote({
  id,
  error,
  length,
  max,
}: {
  id: string;
  error: string | undefined;
  length?: number;
  max?: number;
}) {
  if (error) {
    return (
      <span id={id} className="field-error" role="alert">
        {error}
      </span>
    );
  }
  // Only near the limit: a counter on every field is noise.
  if (max !== undefined && length !== undefined && length > max * 0.8) {
    return (
      <span id={id} className="field-count muted small">
        {length}/{max}자
      </span>
    );
  }
  return null;
}

export function AddressFields({
  value,
  onChange,
  invalidField,
  errors = {},
}: {
  value: AddressValue;
  onChange: (next: AddressValue) => void;
  invalidField?: string | undefined;
  errors?: AddressErrors | undefined;
}) {
  const id = useId();
  const set = (key: keyof AddressValue) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value });
  const invalid = (key: keyof AddressValue, ...names: string[]) =>
    errors[key] ? true : blamed(invalidField, key, ...names);
  return (
    <div className="stack">
      <div className="buy-two">
        <label className="field" htmlFor={`${id}-name`}>
          받는 분
          <input
            id={`${id}-name`}
            name="recipientName"
            autoComplete="name"
            required
            value={value.recipientName}
            onChange={set('recipientName')}
            aria-invalid={invalid('recipientName')}
            aria-describedby={`${id}-name-note`}
          />
          <FieldNote
            id={`${id}-name-note`}
            error={errors.recipientName}
            length={value.recipientName.trim().length}
            max={TEXT_LIMITS.recipientName}
          />
        </label>
        <label className="field" htmlFor={`${id}-phone`}>
          휴대폰 번호
          <input
            id={`${id}-phone`}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="010-1234-5678"
            required
            value={value.phone}
            onChange={set('phone')}
            aria-invalid={invalid('phone')}
            aria-describedby={`${id}-phone-note`}
          />
          <FieldNote id={`${id}-phone-note`} error={errors.phone} />
        </label>
      </div>
      <label className="field" htmlFor={`${id}-zip`}>
        우편번호
        <input
          id={`${id}-zip`}
          name="zipCode"
          inputMode="numeric"
          autoComplete="postal-code"
          pattern="\d{5}"
          maxLength={5}
          placeholder="5자리"
          className="buy-zip"
          value={value.zipCode}
          onChange={set('zipCode')}
          aria-invalid={invalid('zipCode')}
          aria-describedby={`${id}-zip-note`}
        />
        <FieldNote id={`${id}-zip-note`} error={errors.zipCode} />
      </label>
      <label className="field" htmlFor={`${id}-line1`}>
        주소
        <input
          id={`${id}-line1`}
          name="line1"
          autoComplete="address-line1"
          placeholder="도로명 주소"
          required
          value={value.line1}
          onChange={set('line1')}
          aria-invalid={invalid('line1', 'street')}
          aria-describedby={`${id}-line1-note`}
        />
        <FieldNote
          id={`${id}-line1-note`}
          error={errors.line1}
          length={value.line1.trim().length}
          max={TEXT_LIMITS.street}
        />
      </label>
      <label className="field" htmlFor={`${id}-line2`}>
        상세 주소
        <input
          id={`${id}-line2`}
          name="line2"
          autoComplete="address-line2"
          placeholder="동·호수 (선택)"
          value={value.line2}
          onChange={set('line2')}
          aria-invalid={invalid('line2', 'detail')}
          aria-describedby={`${id}-line2-note`}
        />
        <FieldNote
          id={`${id}-line2-note`}
          error={errors.line2}
          length={value.line2.trim().length}
          max={TEXT_LIMITS.detail}
        />
      </label>
    </div>
  );
}

/** A card as typed; the number keeps the spaces people type between groups of four. */
export interface CardValue {
  number: string;
  expiryMonth: string;
  expiryYear: string;
  ownerName: string;
}

export const EMPTY_CARD: CardValue = { number: '', expiryMonth: '', expiryYear: '', ownerName: '' };

/** What to say while `cardInput` is null. */
export const CARD_INCOMPLETE: TypedError = {
  code: 'CARD_INCOMPLETE',
  message: '카드 번호와 유효기간을 입력해 주세요.',
};

/** The API's CardInput, or null while the card is incomplete. */
export function cardInput(card: CardValue) {
  const number = card.number.replace(/\D/g, '');
  const expiryMonth = Number(card.expiryMonth);
  const expiryYear = Number(card.expiryYear);
  if (number.length < 13 || !expiryMonth || !expiryYear) return null;
  return {
    number,
    expiryMonth,
    expiryYear,
    ...(card.ownerName.trim() ? { ownerName: card.ownerName.trim() } : {}),
  };
}

/** 4242424242424242 → "4242 4242 4242 4242", as printed on the card. */
const groupDigits = (raw: string) =>
  raw
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');

export function CardFields({
  value,
  onChange,
}: {
  value: CardValue;
  onChange: (next: CardValue) => void;
}) {
  const id = useId();
  // Read once, when the fields appear: rendering stays pure.
  const [thisYear] = useState(() => new Date().getFullYear());
  const years = Array.from({ length: 16 }, (_, i) => thisYear + i);
  return (
    <div className="stack">
      <label className="field" htmlFor={`${id}-number`}>
        카드 번호
        <input
          id={`${id}-number`}
          name="cardNumber"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="0000 0000 0000 0000"
          required
          value={value.number}
          onChange={(event) => onChange({ ...value, number: groupDigits(event.target.value) })}
        />
      </label>
      <div className="buy-two">
        <label className="field" htmlFor={`${id}-month`}>
          유효기간 월
          <select
            id={`${id}-month`}
            autoComplete="cc-exp-month"
            required
            value={value.expiryMonth}
            onChange={(event) => onChange({ ...value, expiryMonth: event.target.value })}
          >
            <option value="">월</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {String(i + 1).padStart(2, '0')}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-year`}>
          유효기간 연도
          <select
            id={`${id}-year`}
            autoComplete="cc-exp-year"
            required
            value={value.expiryYear}
            onChange={(event) => onChange({ ...value, expiryYear: event.target.value })}
          >
            <option value="">연도</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field" htmlFor={`${id}-owner`}>
        카드 소유자 이름 (선택)
        <input
          id={`${id}-owner`}
          name="ownerName"
          autoComplete="cc-name"
          value={value.ownerName}
          onChange={(event) => onChange({ ...value, ownerName: event.target.value })}
        />
      </label>
    </div>
  );
}

/** The store's delivery windows (`10:00-13:00`) as chips; nothing when it has none. */
export function DeliveryWindowChips({
  windows,
  value,
  onChange,
  hint,
}: {
  windows: string[];
  value: string | null;
  onChange: (window: string) => void;
  /** Said above the chips. */
  hint?: ReactNode;
}) {
  if (windows.length === 0) return null;
  return (
    <fieldset className="buy-fieldset">
      <legend>배송 시간</legend>
      {hint}
      <div className="chips buy-wrap">
        {windows.map((w) => (
          <button
            key={w}
            type="button"
            className={`chip${value === w ? ' active' : ''}`}
            aria-pressed={value === w}
            onClick={() => onChange(w)}
          >
            {windowText(w)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function QuantityStepper({
  value,
  onChange,
  min = 1,
  max = 999,
  disabled = false,
  label,
}: {
  value: number;
  onChange: (next: number) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  /** What is counted, for screen readers: "장미 꽃다발 수량". */
  label: string;
}) {
  return (
    <div className="buy-stepper" role="group" aria-label={label}>
      <button
        type="button"
        aria-label="하나 빼기"
        disabled={disabled || value <= min}
        // Above the most (a link asked for 9999): one tap comes down to what can be had.
        onClick={() => onChange(Math.max(min, Math.min(value - 1, max)))}
      >
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button
        type="button"
        aria-label="하나 더하기"
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
