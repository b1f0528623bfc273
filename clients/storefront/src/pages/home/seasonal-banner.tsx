/** The flowers' colours as the banner paints them (FlowerColor keys). */
const PAINT: Record<string, { petal: string; heart: string }> = {
  RED: { petal: '#d9344f', heart: '#7a1426' },
  WHITE: { petal: '#fffaf3', heart: '#f2c94c' },
  YELLOW: { petal: '#f7c948', heart: '#b86e00' },
  PINK: { petal: '#f59ab8', heart: '#c2185b' },
  PURPLE: { petal: '#a98bd8', heart: '#5e35b1' },
  BLUE: { petal: '#7db7ee', heart: '#1e5aa8' },
  ORANGE: { petal: '#ff9f5a', heart: '#b3470d' },
};

/** Each season's sky behind the flowers. */
const SKY: Record<string, string> = {
  봄: 'season-spring',
  여름: 'season-summer',
  가을: 'season-autumn',
  겨울: 'season-winter',
};

export interface SeasonalFlower {
  id: number;
  name: { ko: string };
  language: { ko: string };
  colors: string[];
}

export interface SeasonalPickData {
  month: number;
  season: string;
  title: string;
  flowers: SeasonalFlower[];
}

/** One flower head: rounded petals around a heart, drawn, never a photo. */
function Bloom({
  x,
  y,
  r,
  color,
  petals,
}: {
  x: number;
  y: number;
  r: number;
  color: string;
  petals: number;
}) {
  const paint = PAINT[color] ?? PAINT.PINK!;
  return (
    <g transform={`translate(${x} ${y})`}>
      {Array.from({ length: petals }, (_, i) => (
        <ellipse
          key={i}
          cx={0}
          cy={-r * 0.55}
          rx={r * 0.42}
          ry={r * 0.6}
          fill={paint.petal}
          stroke="rgba(60, 20, 30, 0.12)"
          transform={`rotate(${(360 / petals) * i})`}
        />
      ))}
      <circle r={r * 0.32} fill={paint.heart} />
    </g>
  );
}

/** Three stems in the season's flowers' colours, tied like a bouquet. */
function Bouquet({ colors }: { colors: string[] }) {
  const [a = 'PINK', b = 'WHITE', c = 'YELLOW'] = colors;
  return (
    <svg className="season-art" viewBox="0 0 140 140" aria-hidden="true" focusable="false">
      <g stroke="#4c8c4a" strokeWidth="3" strokeLinecap="round" fill="none">
        <path d="M70 130 C66 100 46 80 40 56" />
        <path d="M70 130 C70 100 72 70 76 40" />
        <path d="M70 130 C76 104 96 86 104 64" />
      </g>
      <path d="M56 96 C40 92 34 80 36 72 C48 76 56 84 56 96 Z" fill="#6aa865" />
      <path d="M86 100 C102 96 110 86 108 76 C96 80 88 88 86 100 Z" fill="#6aa865" />
      {/* The wrap and its bow, drawn over the stems. */}
      <path d="M52 100 L88 100 L78 132 L62 132 Z" fill="#f8bbd0" stroke="#e48aa9" />
      <path d="M70 108 C60 100 54 106 58 112 C62 116 68 112 70 108 Z" fill="#c2185b" />
      <path d="M70 108 C80 100 86 106 82 112 C78 116 72 112 70 108 Z" fill="#c2185b" />
      <Bloom x={40} y={54} r={20} color={a} petals={6} />
      <Bloom x={104} y={62} r={18} color={c} petals={5} />
      <Bloom x={76} y={36} r={24} color={b} petals={8} />
    </svg>
  );
}

/** The month's flowers at the top of the home page: what is in season and what it means. */
export function SeasonalBanner({
  pick,
  hasProducts,
}: {
  pick: SeasonalPickData;
  hasProducts: boolean;
}) {
  const shown = pick.flowers.slice(0, 4);
  const colors = shown.map((flower) => flower.colors[0] ?? 'PINK');
  return (
    <section
      className={`season-banner ${SKY[pick.season] ?? 'season-spring'}`}
      aria-labelledby="season-title"
    >
      <div className="season-text">
        <span className="season-label">지금이 제철</span>
        <h2 id="season-title">{pick.title}</h2>
        <ul className="season-flowers">
          {shown.map((flower) => (
            <li key={flower.id}>
              <strong>{flower.name.ko}</strong> <span>{flower.language.ko}</span>
            </li>
          ))}
        </ul>
        {hasProducts && (
          <a className="season-cta" href="#season-products">
            제철 꽃 상품 보기 ›
          </a>
        )}
      </div>
      <Bouquet colors={colors} />
    </section>
  );
}
