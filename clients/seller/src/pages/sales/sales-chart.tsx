import { formatWon } from '@bloom/client-shared';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailySales } from './sales.operations.js';

const weekday = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', weekday: 'short' });

/** "2025-05-03" → "5/3": short enough for seven ticks on a phone. */
const tickLabel = (day: string): string => {
  const [, m, d] = day.split('-');
  return `${Number(m)}/${Number(d)}`;
};

/** "2025-05-03" → "5/3 (토)", in the tooltip. */
const dayLabel = (day: string): string =>
  `${tickLabel(day)} (${weekday.format(new Date(`${day}T12:00:00+09:00`))})`;

/** Axis ticks in 만원 so they stay narrow: 1,250,000 → "125만". */
const shortWon = (amount: number): string =>
  amount >= 10_000
    ? `${(amount / 10_000).toLocaleString('ko-KR')}만`
    : amount.toLocaleString('ko-KR');

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: DailySales }[];
}

function DayTooltip({ active, payload }: TooltipProps) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="sales-tooltip">
      <strong>{dayLabel(day.date)}</strong>
      <span>{formatWon(day.amount)}</span>
      <span className="muted small">주문 {day.orderCount.toLocaleString('ko-KR')}건</span>
    </div>
  );
}

/** The last seven days' takings as bars (oldest on the left, today on the right). */
export function SalesChart({ days }: { days: DailySales[] }) {
  return (
    <div className="sales-chart" data-testid="sales-chart">
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 600, height: 240 }}
      >
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#eadfe3" />
          <XAxis
            dataKey="date"
            tickFormatter={tickLabel}
            tickLine={false}
            axisLine={false}
            interval={0}
            fontSize={12}
          />
          <YAxis
            tickFormatter={shortWon}
            tickLine={false}
            axisLine={false}
            width={48}
            fontSize={12}
            allowDecimals={false}
            // An empty week still reads in won, not 0–4.
            domain={[0, (max: number) => Math.ceil(Math.max(max, 10_000) / 10_000) * 10_000]}
          />
          <Tooltip content={<DayTooltip />} cursor={{ fill: 'rgba(194, 24, 91, 0.08)' }} />
          <Bar
            dataKey="amount"
            name="매출"
            fill="#c2185b"
            radius={[6, 6, 0, 0]}
            maxBarSize={48}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
