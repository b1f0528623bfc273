import {
  REGIONS,
  formatWon,
  UserErrorNotice,
  type TypedError,
  useImageUpload,
} from '@bloom/client-shared';
import { useState } from 'react';
import type { BusinessHours, SettlementAccount } from './store.operations.js';
import {
  type AddressValues,
  BANKS,
  type DeliveryValues,
  type PickupValues,
  type ProfileValues,
  WEEKDAYS,
} from './store-form.js';
import { fieldKey } from './store-messages.js';

interface FieldsProps<T> {
  values: T;
  onChange: (values: T) => void;
  /** Already in Korean; shown under the field it names. */
  error: TypedError | null;
}

/** Every half hour of the day, `HH:mm`: a list is quicker to tap than a time wheel. */
const HALF_HOURS = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
);

function TimeSelect({
  value,
  onChange,
  placeholder,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  name?: string;
  'aria-label'?: string;
  'aria-invalid'?: true;
}) {
  // A time saved off the half hour (by an admin or older data) stays choosable.
  const times = value && !HALF_HOURS.includes(value) ? [...HALF_HOURS, value].sort() : HALF_HOURS;
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} {...rest}>
      {!value && <option value="">{placeholder ?? '시간 고르기'}</option>}
      {times.map((time) => (
        <option key={time} value={time}>
          {time}
        </option>
      ))}
    </select>
  );
}

/** The error, if it concerns one of these fields. */
function Under({ error, names }: { error: TypedError | null; names: string[] }) {
  const key = fieldKey(error);
  return key && names.includes(key) ? <UserErrorNotice error={error} /> : null;
}

const invalid = (error: TypedError | null, ...names: string[]) =>
  names.includes(fieldKey(error) ?? '') || undefined;

export function ProfileFields({ values, onChange, error }: FieldsProps<ProfileValues>) {
  const set = (key: keyof ProfileValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <>
      <label className="field">
        매장 이름
        <input
          name="storeName"
          required
          maxLength={40}
          value={values.name}
          onChange={set('name')}
          aria-invalid={invalid(error, 'name')}
        />
      </label>
      <Under error={error} names={['name']} />
      <label className="field">
        소개 (선택)
        <textarea
          name="description"
          rows={3}
          maxLength={2000}
          placeholder="어떤 꽃을 주로 다루는지, 매장의 분위기를 적어 주세요."
          value={values.description}
          onChange={set('description')}
          aria-invalid={invalid(error, 'description')}
        />
      </label>
      <Under error={error} names={['description']} />
      <Thumbnail
        url={values.thumbnailUrl}
        onChange={(thumbnailUrl) => onChange({ ...values, thumbnailUrl })}
      />
      <Under error={error} names={['thumbnailUrl']} />
      <label className="field">
        매장 전화번호
        <input
          name="storePhone"
          type="tel"
          inputMode="tel"
          placeholder="02-123-4567"
          value={values.phone}
          onChange={set('phone')}
          aria-invalid={invalid(error, 'phone')}
        />
      </label>
      <Under error={error} names={['phone']} />
    </>
  );
}

/** The store's photo on the storefront: uploaded like product photos, one at a time. */
function Thumbnail({ url, onChange }: { url: string; onChange: (url: string) => void }) {
  const { upload, uploading } = useImageUpload();
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    const result = await upload(file);
    if (typeof result === 'string') setProblem(result);
    else onChange(result.url);
  };
  return (
    <fieldset className="store-thumbnail">
      <legend>대표 사진 (선택)</legend>
      <div className="store-thumbnail-row">
        {url ? (
          <img src={url} alt="매장 대표 사진" />
        ) : (
          <span className="store-thumbnail-empty muted small">사진 없음</span>
        )}
        <div className="stack">
          <label className="button secondary store-upload">
            {uploading ? '올리는 중…' : url ? '사진 바꾸기' : '사진 올리기'}
            <input
              type="file"
              name="thumbnail"
              accept="image/jpeg,image/png,image/webp"
              disabled={uploading}
              onChange={(event) => {
                void pick(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </label>
          {url && (
            <button type="button" className="button secondary" onClick={() => onChange('')}>
              사진 빼기
            </button>
          )}
        </div>
      </div>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

export function HoursFields({ values, onChange, error }: FieldsProps<BusinessHours>) {
  const toggle = (day: number) =>
    onChange({
      ...values,
      closedWeekdays: values.closedWeekdays.includes(day)
        ? values.closedWeekdays.filter((d) => d !== day)
        : [...values.closedWeekdays, day].sort(),
    });
  return (
    <>
      <div className="store-pair store-pair-keep">
        <label className="field">
          여는 시간
          <TimeSelect
            name="opensAt"
            value={values.opensAt}
            onChange={(opensAt) => onChange({ ...values, opensAt })}
            aria-invalid={invalid(error, 'opensAt', 'businessHours')}
          />
        </label>
        <label className="field">
          닫는 시간
          <TimeSelect
            name="closesAt"
            value={values.closesAt}
            onChange={(closesAt) => onChange({ ...values, closesAt })}
            aria-invalid={invalid(error, 'closesAt', 'businessHours')}
          />
        </label>
      </div>
      <Under error={error} names={['opensAt', 'closesAt', 'businessHours']} />
      <fieldset className="store-weekdays">
        <legend className="small">쉬는 요일 (누르면 휴무)</legend>
        <div className="store-weekday-row">
          {WEEKDAYS.map((label, day) => (
            <button
              key={label}
              type="button"
              className={values.closedWeekdays.includes(day) ? 'chip active' : 'chip'}
              aria-pressed={values.closedWeekdays.includes(day)}
              onClick={() => toggle(day)}
            >
              {label}
            </button>
          ))}
        </div>
      </fieldset>
      <p className="small muted">
        {values.closedWeekdays.length === 0
          ? '매일 영업해요.'
          : `${values.closedWeekdays.map((d) => WEEKDAYS[d]).join('·')}요일은 쉬어요.`}
      </p>
      <Under error={error} names={['closedWeekdays']} />
    </>
  );
}

export function AddressFields({ values, onChange, error }: FieldsProps<AddressValues>) {
  const region = REGIONS.find((r) => r.code === values.regionCode);
  const set = (key: keyof AddressValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <>
      <div className="store-pair">
        <label className="field">
          시/도
          <select
            name="regionCode"
            value={values.regionCode}
            onChange={(event) =>
              onChange({ ...values, regionCode: event.target.value, districtCode: '' })
            }
            aria-invalid={invalid(error, 'regionCode')}
          >
            <option value="">고르기</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          시/군/구
          <select
            name="districtCode"
            value={values.districtCode}
            disabled={!region}
            onChange={set('districtCode')}
            aria-invalid={invalid(error, 'districtCode')}
          >
            <option value="">{region ? '고르기' : '시/도를 먼저 골라 주세요'}</option>
            {region?.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Under error={error} names={['regionCode', 'districtCode']} />
      <label className="field">
        도로명 주소
        <input
          name="street"
          autoComplete="street-address"
          placeholder="서울 마포구 와우산로 94"
          value={values.street}
          onChange={set('street')}
          aria-invalid={invalid(error, 'street')}
        />
      </label>
      <Under error={error} names={['street']} />
      <div className="store-pair">
        <label className="field">
          상세 주소 (선택)
          <input
            name="detail"
            placeholder="1층"
            value={values.detail}
            onChange={set('detail')}
            aria-invalid={invalid(error, 'detail')}
          />
        </label>
        <label className="field">
          우편번호
          <input
            name="zipCode"
            inputMode="numeric"
            maxLength={5}
            placeholder="04066"
            value={values.zipCode}
            onChange={set('zipCode')}
            aria-invalid={invalid(error, 'zipCode')}
          />
        </label>
      </div>
      <Under error={error} names={['detail', 'zipCode']} />
      <div className="store-pair">
        <label className="field">
          위도
          <input
            name="latitude"
            inputMode="decimal"
            placeholder="37.5509"
            value={values.latitude}
            onChange={set('latitude')}
            aria-invalid={invalid(error, 'latitude', 'longitude')}
          />
        </label>
        <label className="field">
          경도
          <input
            name="longitude"
            inputMode="decimal"
            placeholder="126.9227"
            value={values.longitude}
            onChange={set('longitude')}
            aria-invalid={invalid(error, 'latitude', 'longitude')}
          />
        </label>
      </div>
      <p className="small muted">
        지도 앱에서 매장 위치를 길게 누르면 위도·경도를 볼 수 있어요. 손님의 ‘가까운 꽃집’ 찾기에
        쓰여요.
      </p>
      <Under error={error} names={['latitude', 'longitude']} />
    </>
  );
}

export function AccountFields({ values, onChange, error }: FieldsProps<SettlementAccount>) {
  const set = (key: keyof SettlementAccount) => (event: { target: { value: string } }) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <>
      <label className="field">
        은행
        <select
          name="bank"
          value={values.bank}
          onChange={set('bank')}
          aria-invalid={invalid(error, 'bank')}
        >
          <option value="">고르기</option>
          {BANKS.map((bank) => (
            <option key={bank} value={bank}>
              {bank}
            </option>
          ))}
        </select>
      </label>
      <Under error={error} names={['bank']} />
      <label className="field">
        계좌번호
        <input
          name="accountNumber"
          inputMode="numeric"
          placeholder="3333-01-2345678"
          value={values.accountNumber}
          onChange={set('accountNumber')}
          aria-invalid={invalid(error, 'accountNumber')}
        />
      </label>
      <Under error={error} names={['accountNumber']} />
      <label className="field">
        예금주
        <input
          name="accountHolder"
          value={values.accountHolder}
          onChange={set('accountHolder')}
          aria-invalid={invalid(error, 'accountHolder')}
        />
      </label>
      <Under error={error} names={['accountHolder']} />
    </>
  );
}

const amountHint = (text: string): string | null => {
  const cleaned = text.replace(/[,\s원]/g, '');
  return /^\d+$/.test(cleaned) ? formatWon(Number(cleaned)) : null;
};

export function DeliveryFields({ values, onChange, error }: FieldsProps<DeliveryValues>) {
  const setWindow = (index: number, key: 'start' | 'end', value: string) =>
    onChange({
      ...values,
      windows: values.windows.map((w, i) => (i === index ? { ...w, [key]: value } : w)),
    });
  const last = values.windows.at(-1);
  const fee = amountHint(values.fee);
  const threshold = amountHint(values.freeDeliveryThreshold);
  return (
    <>
      <div className="store-pair">
        <label className="field">
          배송비 (원)
          <input
            name="fee"
            inputMode="numeric"
            value={values.fee}
            onChange={(event) => onChange({ ...values, fee: event.target.value })}
            aria-invalid={invalid(error, 'fee')}
          />
          <span className="small muted">{fee === '0원' ? '무료 배송' : (fee ?? ' ')}</span>
        </label>
        <label className="field">
          무료 배송 기준 (원, 선택)
          <input
            name="freeDeliveryThreshold"
            inputMode="numeric"
            value={values.freeDeliveryThreshold}
            onChange={(event) => onChange({ ...values, freeDeliveryThreshold: event.target.value })}
            aria-invalid={invalid(error, 'freeDeliveryThreshold')}
          />
          <span className="small muted">
            {threshold ? `${threshold} 이상 주문하면 무료` : '비워 두면 항상 배송비를 받아요'}
          </span>
        </label>
      </div>
      <Under error={error} names={['fee', 'freeDeliveryThreshold']} />
      <label className="field">
        당일 배송 마감
        <TimeSelect
          name="sameDayCutoff"
          value={values.sameDayCutoff}
          onChange={(sameDayCutoff) => onChange({ ...values, sameDayCutoff })}
          aria-invalid={invalid(error, 'sameDayCutoff')}
        />
        <span className="small muted">이 시간 전에 들어온 주문은 그날 배송해요.</span>
      </label>
      <Under error={error} names={['sameDayCutoff']} />
      <fieldset className="stack store-windows">
        <legend className="small">배송 시간대 (최대 8개)</legend>
        {values.windows.map((w, index) => (
          <div className="store-window" key={index}>
            <TimeSelect
              aria-label={`${index + 1}번째 시간대 시작`}
              placeholder="시작"
              value={w.start}
              onChange={(start) => setWindow(index, 'start', start)}
            />
            <span aria-hidden="true">~</span>
            <TimeSelect
              aria-label={`${index + 1}번째 시간대 끝`}
              placeholder="끝"
              value={w.end}
              onChange={(end) => setWindow(index, 'end', end)}
            />
            <button
              type="button"
              className="button secondary"
              disabled={values.windows.length <= 1}
              onClick={() =>
                onChange({ ...values, windows: values.windows.filter((_, i) => i !== index) })
              }
            >
              빼기
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          disabled={values.windows.length >= 8}
          onClick={() =>
            onChange({
              ...values,
              windows: [...values.windows, { start: last?.end ?? '10:00', end: '' }],
            })
          }
        >
          시간대 추가
        </button>
      </fieldset>
      <Under error={error} names={['windows']} />
    </>
  );
}

export function PickupFields({ values, onChange, error }: FieldsProps<PickupValues>) {
  return (
    <>
      <label className="store-toggle">
        <input
          type="checkbox"
          name="pickupEnabled"
          checked={values.enabled}
          onChange={(event) => onChange({ ...values, enabled: event.target.checked })}
        />
        매장 픽업 받기
      </label>
      <label className="field">
        30분마다 받을 픽업 건수
        <input
          name="slotCapacity"
          inputMode="numeric"
          disabled={!values.enabled}
          value={values.slotCapacity}
          onChange={(event) => onChange({ ...values, slotCapacity: event.target.value })}
          aria-invalid={invalid(error, 'slotCapacity')}
        />
        <span className="small muted">픽업 시간은 영업시간 안에서 30분 단위로 열려요.</span>
      </label>
      <Under error={error} names={['slotCapacity']} />
    </>
  );
}
