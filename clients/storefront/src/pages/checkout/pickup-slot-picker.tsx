import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorNotice, formatDay, seoulDay } from '@bloom/client-shared';
import { addDays, weekdayOf } from '../../ui/buy-dates.js';
import type { StoreTerms } from './checkout.types.js';

const PICKUP_SLOTS = gql`
  query PickupSlots($storeId: ID!, $date: String!) {
    store(id: $storeId) {
      id
      pickupSlots(date: $date) {
        startsAt
        label
        remaining
        bookable
      }
    }
  }
`;

interface PickupSlotsData {
  store: {
    id: string;
    pickupSlots: { startsAt: string; label: string; remaining: number; bookable: boolean }[];
  } | null;
}

const pickupFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const formatPickup = (iso: string) => pickupFormat.format(new Date(iso));

/** One store's pickup: a day of the coming week it is open, then a slot with room left. */
export function PickupSlotPicker({
  store,
  value,
  onChange,
}: {
  store: StoreTerms;
  value: string | null;
  onChange: (startsAt: string) => void;
}) {
  const [today] = useState(() => seoulDay(0));
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i))
    .filter((d) => !store.businessHours.closedWeekdays.includes(weekdayOf(d)))
    .slice(0, 7);
  const [picked, setPicked] = useState<string | null>(null);
  const day = picked ?? days[0] ?? today;
  const { data, loading, error, refetch } = useQuery<
    PickupSlotsData,
    { storeId: string; date: string }
  >(PICKUP_SLOTS, {
    variables: { storeId: store.id, date: day },
    fetchPolicy: 'cache-and-network',
  });
  const slots = data?.store?.pickupSlots ?? [];
  const open = slots.filter((s) => s.bookable);
  return (
    <fieldset className="buy-fieldset">
      <legend>
        {store.name}{' '}
        <span className="muted small">
          ({store.businessHours.opensAt}~{store.businessHours.closesAt})
        </span>
      </legend>
      <div className="chips" role="group" aria-label="픽업 날짜">
        {days.map((d) => (
          <button
            key={d}
            type="button"
            className={`chip${d === day ? ' active' : ''}`}
            aria-pressed={d === day}
            onClick={() => setPicked(d)}
          >
            {formatDay(d)}
          </button>
        ))}
      </div>
      {loading && !data ? (
        <p className="muted small">픽업 시간을 불러오는 중…</p>
      ) : error && !data ? (
        <ErrorNotice error={error} retry={() => void refetch()} />
      ) : open.length === 0 ? (
        <p className="muted small">
          이 날은 예약할 수 있는 픽업 시간이 없어요. 다른 날을 골라 주세요.
        </p>
      ) : (
        <div className="buy-slots" role="group" aria-label="픽업 시간">
          {slots.map((s) => (
            <button
              key={s.startsAt}
              type="button"
              className={`chip${value === s.startsAt ? ' active' : ''}`}
              aria-pressed={value === s.startsAt}
              disabled={!s.bookable}
              onClick={() => onChange(s.startsAt)}
            >
              {s.label.split('–')[0]}
              {s.bookable && s.remaining <= 2 && <small> · {s.remaining}자리</small>}
            </button>
          ))}
        </div>
      )}
      {value && (
        <p className="small">
          선택: <strong>{formatPickup(value)}</strong>
        </p>
      )}
    </fieldset>
  );
}
