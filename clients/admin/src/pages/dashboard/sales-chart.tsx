import { formatWon } from '@bloom/client-shared';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DailySales } from './dashboard.operations.js';

/** "2025-05-03" → "5/3". */
const tickLabel = (day: string): string => {
  const [, m, d] = day.split('-');
  return `${Number(m)}/${Number(d)}`;
};

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
    <div className="admin-tooltip">
      <strong>{tickLabel(day.date)}</strong>
      <span>거래액 {formatWon(day.amount)}</span>
      <span>주문 {day.orderCount.toLocaleString('ko-KR')}건</span>
    </div>
  );
}

/** The platform's takings per day as bars (left axis, won) and orders as a line (right axis). */
export function SalesChart({ days }: { days: DailySales[] }) {
  return (
    <div className="admin-chart" data-testid="gmv-chart">
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 900, height: 280 }}
      >
        <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#eadfe3" />
          <XAxis
            dataKey="date"
            tickFormatter={tickLabel}
            tickLine={false}
            axisLine={false}
            minTickGap={16}
            fontSize={12}
          />
          <YAxis
            yAxisId="won"
            tickFormatter={shortWon}
            tickLine={false}
            axisLine={false}
            width={56}
            fontSize={12}
            allowDecimals={false}
            domain={[0, (max: number) => Math.ceil(Math.max(max, 10_000) / 10_000) * 10_000]}
          />
          <YAxis
            yAxisId="orders"
            orientation="right"
            tickLine={false}
            axisLine={false}
            width={36}
            fontSize={12}
            allowDecimals={false}
            domain={[0, (max: number) => Math.max(max, 4)]}
          />
          <Tooltip content={<DayTooltip />} cursor={{ fill: 'rgba(55, 71, 79, 0.08)' }} />
          <Bar
            yAxisId="won"
            dataKey="amount"
            name="거래액"
            fill="#c2185b"
            radius={[4, 4, 0, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
          <Line
            yAxisId="orders"
            dataKey="orderCount"
            name="주문"
            stroke="#37474f"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
