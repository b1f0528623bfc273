import { formatDay, TEXT_LIMITS } from '@bloom/client-shared';
import { AddressPicker, DeliveryWindowChips } from '../../ui/buy-fields.js';
import type { CheckoutFieldErrors } from './checkout-fields.js';
import type { DeliveryChoice } from './delivery-choice.hook.js';

/** Where to deliver, on which day and in which window, and a note for the florist. */
export function DeliveryForm({
  delivery,
  severalStores,
  invalidField,
  errors,
}: {
  delivery: DeliveryChoice;
  errors: CheckoutFieldErrors;
  /** More than one store delivers: only the days and windows all of them can keep are shown. */
  severalStores: boolean;
  invalidField: string | undefined;
}) {
  const { addressPick, saveIt, setSaveIt, dates, date, deliveryWindow, note, setNote } = delivery;
  return (
    <section className="card stack" aria-labelledby="co-where">
      <h2 id="co-where" className="buy-section-title">
        배송지
      </h2>
      <AddressPicker pick={addressPick} invalidField={invalidField} errors={errors.address} />
      {!addressPick.savedId && (
        <label className="buy-check">
          <input
            type="checkbox"
            checked={saveIt}
            onChange={(event) => setSaveIt(event.target.checked)}
          />
          다음에도 쓰도록 배송지 저장
        </label>
      )}
      <fieldset className="buy-fieldset">
        <legend>배송 날짜</legend>
        {dates.length === 0 ? (
          <p className="notice error small">
            {severalStores
              ? '꽃집들이 함께 배송할 수 있는 날이 없어요. 꽃집별로 나눠 주문해 주세요.'
              : '지금은 배송 가능한 날이 없어요. 픽업을 골라 주세요.'}
          </p>
        ) : (
          <div className="chips" role="group" aria-label="배송 날짜">
            {dates.map((d) => (
              <button
                key={d.date}
                type="button"
                className={`chip${date?.date === d.date ? ' active' : ''}`}
                aria-pressed={date?.date === d.date}
                onClick={() => delivery.pickDate(d.date)}
              >
                {formatDay(d.date)}
                {d.sameDay && ' · 오늘'}
              </button>
            ))}
          </div>
        )}
      </fieldset>
      {date && (
        <DeliveryWindowChips
          windows={date.windows}
          value={deliveryWindow}
          onChange={delivery.pickWindow}
          hint={
            severalStores && (
              <p className="muted small">모든 꽃집이 배송하는 시간대만 보여 드려요.</p>
            )
          }
        />
      )}
      {errors.when && (
        <p className="field-error" role="alert">
          {errors.when}
        </p>
      )}
      <label className="field">
        요청사항 (선택)
        <textarea
          name="note"
          rows={2}
          placeholder="예: 경비실에 맡겨 주세요"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={errors.note ? true : undefined}
        />
        {errors.note ? (
          <span className="field-error" role="alert">
            {errors.note}
          </span>
        ) : (
          note.trim().length > TEXT_LIMITS.note * 0.8 && (
            <span className="field-count muted small">
              {note.trim().length}/{TEXT_LIMITS.note}자
            </span>
          )
        )}
      </label>
    </section>
  );
}
