import { useMutation } from '@apollo/client/react';
import { type TypedError, seoulDay } from '@bloom/client-shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  COUPON_USE_LABEL,
  CREATE_COUPON,
  type Coupon,
  type CouponInput,
  type CouponResult,
  type CreateCouponData,
  UPDATE_COUPON,
  type UpdateCouponData,
} from './coupons.operations.js';
import { couponErrorField, couponMessage } from './coupons-messages.js';

interface Draft {
  name: string;
  code: string;
  discountAmount: string;
  minOrderAmount: string;
  startDay: string;
  endDay: string;
  issueLimit: string;
  use: 'ANY' | 'DELIVERY' | 'PICKUP';
}

const USES = ['ANY', 'DELIVERY', 'PICKUP'] as const;

/** A Seoul calendar day of an instant, `YYYY-MM-DD`. */
const dayOf = (iso: string) => seoulDay(0, new Date(iso));

const draftOf = (coupon: Coupon | null): Draft =>
  coupon
    ? {
        name: coupon.name,
        code: coupon.code,
        discountAmount: String(coupon.discountAmount),
        minOrderAmount: String(coupon.minOrderAmount),
        startDay: dayOf(coupon.startsAt),
        endDay: dayOf(coupon.endsAt),
        issueLimit: String(coupon.issueLimit),
        use: coupon.onlyFor ?? 'ANY',
      }
    : {
        name: '',
        code: '',
        discountAmount: '',
        minOrderAmount: '0',
        startDay: seoulDay(0),
        endDay: seoulDay(30),
        issueLimit: '100',
        use: 'ANY',
      };

const digits = (value: string) => value.replace(/\D/g, '');
// An empty number box goes to the server as -1 so its range check names the field.
const amount = (value: string) => (value.trim() === '' ? -1 : Number(value));

/**
 * Days are whole Seoul days: from the start day's midnight to the end day's last second. An
 * edit lifting the delivery/pickup limit says so with `anyFulfilment` (null would mean "keep").
 */
function inputOf(draft: Draft, editing: boolean): CouponInput {
  const use = draft.use !== 'ANY' ? { onlyFor: draft.use } : editing ? { anyFulfilment: true } : {};
  return {
    ...use,
    name: draft.name,
    code: draft.code.trim(),
    discountAmount: amount(draft.discountAmount),
    minOrderAmount: amount(draft.minOrderAmount),
    startsAt: new Date(`${draft.startDay}T00:00:00+09:00`).toISOString(),
    endsAt: new Date(`${draft.endDay}T23:59:59+09:00`).toISOString(),
    issueLimit: amount(draft.issueLimit),
  };
}

/** Create a coupon, or edit one: the server's typed errors land next to their field. */
export function CouponForm({
  storeId,
  coupon,
  onDone,
  onCancel,
}: {
  storeId: string;
  coupon: Coupon | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(coupon));
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [failure, setFailure] = useState(false);
  const [create, created] = useMutation<CreateCouponData>(CREATE_COUPON, {
    refetchQueries: ['SellerCoupons'],
    awaitRefetchQueries: true,
  });
  const [update, updated] = useMutation<UpdateCouponData>(UPDATE_COUPON);
  const busy = created.loading || updated.loading;

  const set =
    (key: keyof Draft, clean: (v: string) => string = (v) => v) =>
    (event: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [key]: clean(event.target.value) }));

  const where = problem ? couponErrorField(problem) : '';
  const invalid = (field: string) => (where === field ? true : undefined);
  const errorFor = (field: string): ReactNode =>
    problem && where === field ? (
      <p className="cpn-field-error" role="alert">
        {couponMessage(problem)}
      </p>
    ) : null;
  const known = [
    'name',
    'code',
    'discountAmount',
    'minOrderAmount',
    'startsAt',
    'endsAt',
    'onlyFor',
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setFailure(false);
    try {
      const input = inputOf(draft, coupon !== null);
      let result: CouponResult | undefined;
      if (coupon) {
        const { data } = await update({ variables: { couponId: coupon.id, input } });
        result = data?.updateCoupon;
      } else {
        const { data } = await create({ variables: { storeId, input } });
        result = data?.createCoupon;
      }
      if (result?.__typename === 'Coupon')
        onDone(
          coupon ? `‘${result.name}’ 쿠폰을 고쳤어요.` : `‘${result.name}’ 쿠폰을 만들었어요.`,
        );
      else if (result) setProblem(result);
    } catch {
      setFailure(true);
    }
  };

  return (
    <form className="cpn-form card stack" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{coupon ? '쿠폰 고치기' : '새 쿠폰'}</h2>
      <label className="field">
        쿠폰 이름
        <input
          name="name"
          value={draft.name}
          maxLength={40}
          placeholder="예: 첫 주문 감사 쿠폰"
          onChange={set('name')}
          aria-invalid={invalid('name')}
        />
      </label>
      {errorFor('name')}
      <label className="field">
        쿠폰 코드
        <input
          name="code"
          value={draft.code}
          maxLength={20}
          autoCapitalize="characters"
          placeholder="예: SPRING-5000"
          onChange={set('code', (v) => v.toUpperCase())}
          aria-invalid={invalid('code')}
        />
        <span className="muted small">손님이 입력하는 코드예요. 영문·숫자·하이픈(-) 3~20자.</span>
      </label>
      {errorFor('code')}
      <div className="cpn-pair">
        <div>
          <label className="field">
            할인 금액 (원)
            <input
              name="discountAmount"
              inputMode="numeric"
              value={draft.discountAmount}
              placeholder="예: 5000"
              onChange={set('discountAmount', digits)}
              aria-invalid={invalid('discountAmount')}
            />
          </label>
          {errorFor('discountAmount')}
        </div>
        <div>
          <label className="field">
            최소 주문 금액 (원)
            <input
              name="minOrderAmount"
              inputMode="numeric"
              value={draft.minOrderAmount}
              onChange={set('minOrderAmount', digits)}
              aria-invalid={invalid('minOrderAmount')}
            />
          </label>
          {errorFor('minOrderAmount')}
        </div>
      </div>
      <div className="cpn-pair">
        <div>
          <label className="field">
            시작일
            <input
              name="startDay"
              type="date"
              value={draft.startDay}
              onChange={set('startDay')}
              aria-invalid={invalid('startsAt')}
            />
          </label>
          {errorFor('startsAt')}
        </div>
        <div>
          <label className="field">
            종료일
            <input
              name="endDay"
              type="date"
              value={draft.endDay}
              onChange={set('endDay')}
              aria-invalid={invalid('endsAt')}
            />
          </label>
          {errorFor('endsAt')}
        </div>
      </div>
      <label className="field">
        발급 수량 (장)
        <input
          name="issueLimit"
          inputMode="numeric"
          value={draft.issueLimit}
          onChange={set('issueLimit', digits)}
          aria-invalid={invalid('issueLimit')}
        />
        {coupon && (
          <span className="muted small">
            이미 {coupon.issuedCount.toLocaleString('ko-KR')}장 발급됐어요. 그보다 줄이면 새로 받을
            수 없게 돼요.
          </span>
        )}
      </label>
      {errorFor('issueLimit')}
      <fieldset className="cpn-use">
        <legend>사용 조건</legend>
        <div className="chips" role="radiogroup" aria-label="사용 조건">
          {USES.map((use) => (
            <button
              key={use}
              type="button"
              role="radio"
              aria-checked={draft.use === use}
              className={draft.use === use ? 'chip active' : 'chip'}
              onClick={() => setDraft((d) => ({ ...d, use }))}
            >
              {COUPON_USE_LABEL[use]}
            </button>
          ))}
        </div>
        <span className="muted small">
          {draft.use === 'ANY'
            ? '배송 주문에도 픽업 주문에도 쓸 수 있어요.'
            : `${draft.use === 'PICKUP' ? '매장 픽업' : '배송'} 주문에만 쓸 수 있어요. 손님에게 ‘${draft.use === 'PICKUP' ? '픽업' : '배송'} 전용’으로 보여요.`}
        </span>
      </fieldset>
      {errorFor('onlyFor')}
      {problem && !known.includes(where) && where !== 'issueLimit' && (
        <p className="notice error" role="alert">
          {couponMessage(problem)}
        </p>
      )}
      {failure && (
        <p className="notice error" role="alert">
          저장하지 못했어요. 인터넷 연결을 확인하고 다시 눌러 주세요.
        </p>
      )}
      <div className="cpn-actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          취소
        </button>
        <button type="submit" className="button" disabled={busy}>
          {coupon ? '저장' : '쿠폰 만들기'}
        </button>
      </div>
    </form>
  );
}
