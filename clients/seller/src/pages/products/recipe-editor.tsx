import type { RecipeLine } from './products.operations.js';

/** Flowers × stems; exactly one line is the representative flower (shown on the card). */
export function RecipeEditor({
  recipe,
  flowers,
  onChange,
  invalid,
}: {
  recipe: RecipeLine[];
  flowers: { id: number; name: string }[];
  onChange: (recipe: RecipeLine[]) => void;
  invalid: boolean;
}) {
  const used = new Set(recipe.map((l) => l.flowerId));
  const unused = flowers.filter((f) => !used.has(f.id));
  const nameOf = (id: number) => flowers.find((f) => f.id === id)?.name ?? `꽃 ${id}`;

  const add = (flowerId: number) =>
    onChange([...recipe, { flowerId, count: 1, representative: recipe.length === 0 }]);
  const change = (index: number, line: Partial<RecipeLine>) =>
    onChange(recipe.map((l, i) => (i === index ? { ...l, ...line } : l)));
  const remove = (index: number) => {
    const rest = recipe.filter((_, i) => i !== index);
    if (rest.length > 0 && !rest.some((l) => l.representative)) {
      rest[0] = { ...rest[0], representative: true } as RecipeLine;
    }
    onChange(rest);
  };

  return (
    <fieldset className="prd-recipe" aria-invalid={invalid || undefined}>
      <legend>구성 꽃</legend>
      {recipe.length === 0 && <p className="muted small">들어가는 꽃을 골라 주세요.</p>}
      <ul>
        {recipe.map((line, index) => (
          <li key={line.flowerId} className="prd-recipe-line">
            <strong>{nameOf(line.flowerId)}</strong>
            <label className="prd-count">
              <input
                aria-label={`${nameOf(line.flowerId)} 송이 수`}
                inputMode="numeric"
                value={line.count === 0 ? '' : String(line.count)}
                onChange={(e) => change(index, { count: Number.parseInt(e.target.value, 10) || 0 })}
              />
              송이
            </label>
            <label className="prd-rep">
              <input
                type="radio"
                name="representative"
                checked={line.representative}
                onChange={() =>
                  onChange(recipe.map((l, i) => ({ ...l, representative: i === index })))
                }
              />
              대표
            </label>
            <button
              type="button"
              className="button secondary"
              aria-label={`${nameOf(line.flowerId)} 빼기`}
              onClick={() => remove(index)}
            >
              빼기
            </button>
          </li>
        ))}
      </ul>
      {unused.length > 0 && (
        <label className="field">
          꽃 추가
          <select
            name="add-flower"
            value=""
            onChange={(e) => {
              if (e.target.value) add(Number(e.target.value));
            }}
          >
            <option value="">꽃을 골라 주세요</option>
            {unused.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
