/** What each rating means, read out with the radio and shown under the stars. */
export const RATING_WORDS = [
  '',
  '별로예요',
  '그저 그래요',
  '괜찮아요',
  '좋아요',
  '최고예요',
] as const;

/**
 * The rating as five native radio inputs drawn as stars: arrow keys, focus and the screen
 * reader's "n점, 5개 중 m번째" come from the browser; a star lights with those before it.
 */
export function StarRating({
  value,
  onChange,
  errorId,
}: {
  value: number;
  onChange: (rating: number) => void;
  /** The error shown under the group, when there is one. */
  errorId?: string;
}) {
  return (
    <fieldset
      className="review-stars-field"
      aria-describedby={errorId}
      aria-invalid={errorId ? true : undefined}
    >
      <legend>
        별점 <span className="muted small">(필수)</span>
      </legend>
      <div className="review-stars" role="radiogroup" aria-label="별점">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`review-star${n <= value ? ' on' : ''}`}>
            <input
              type="radio"
              name="rating"
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={`${n}점 ${RATING_WORDS[n]}`}
            />
            <span aria-hidden>★</span>
          </label>
        ))}
      </div>
      <p className="review-stars-word small" aria-hidden>
        {value > 0 ? `${value}점 · ${RATING_WORDS[value]}` : '별을 눌러 점수를 골라 주세요'}
      </p>
    </fieldset>
  );
}
