import { useRef } from 'react';
import { IMAGE_LIMITS } from '@bloom/client-shared';
import type { useReviewPhotos } from './review-photos.hook.js';
import { REVIEW_LIMITS } from './review.operations.js';

const ACCEPT = IMAGE_LIMITS.acceptedContentTypes.join(',');
const MAX_MB = Math.floor(IMAGE_LIMITS.maxBytes / 1024 / 1024);

/** Up to five photos: a picker, then a thumbnail per photo with its progress, error and removal. */
export function ReviewPhotos({
  state,
  error,
}: {
  state: ReturnType<typeof useReviewPhotos>;
  /** The server's refusal of the photos, shown with them. */
  error: string | null;
}) {
  const input = useRef<HTMLInputElement>(null);
  const full = state.photos.length >= REVIEW_LIMITS.photos;
  return (
    <fieldset className="review-photos-field" aria-describedby="review-photos-hint">
      <legend>
        사진{' '}
        <span className="muted small">
          (선택 · {state.photos.length}/{REVIEW_LIMITS.photos}장)
        </span>
      </legend>
      <p id="review-photos-hint" className="muted small">
        JPG, PNG, WebP 사진을 한 장에 {MAX_MB}MB까지, {REVIEW_LIMITS.photos}장까지 올릴 수 있어요.
      </p>
      <ul className="review-photo-grid" aria-label="올린 사진">
        {state.photos.map((photo, i) => (
          <li key={photo.id} className={`review-photo ${photo.status}`}>
            <img src={photo.preview} alt={`사진 ${i + 1}`} />
            {photo.status === 'uploading' && (
              <progress
                className="review-photo-progress"
                max={1}
                value={photo.progress}
                aria-label={`사진 ${i + 1} 올리는 중`}
              />
            )}
            {photo.status === 'done' && (
              <span className="review-photo-done" aria-label={`사진 ${i + 1} 올림`}>
                ✓
              </span>
            )}
            <button
              type="button"
              className="review-photo-remove"
              aria-label={`사진 ${i + 1} 빼기`}
              onClick={() => state.remove(photo.id)}
            >
              ×
            </button>
            {photo.status === 'error' && (
              <div className="review-photo-error" role="alert">
                <span>{photo.error}</span>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => state.retry(photo.id)}
                >
                  다시 올리기
                </button>
              </div>
            )}
          </li>
        ))}
        {!full && (
          <li>
            <button
              type="button"
              className="review-photo-add"
              onClick={() => input.current?.click()}
            >
              <span aria-hidden>＋</span>
              사진 추가
            </button>
          </li>
        )}
      </ul>
      {/* Visually hidden: the button above opens it; a label keeps it findable and named. */}
      <input
        ref={input}
        className="sr-only"
        type="file"
        accept={ACCEPT}
        multiple
        aria-label="리뷰 사진 고르기"
        tabIndex={-1}
        onChange={(event) => {
          state.add(Array.from(event.target.files ?? []));
          // The same file can be picked again after it was removed.
          event.target.value = '';
        }}
      />
      {state.refused.length > 0 && (
        <ul className="field-error review-refused" role="alert">
          {state.refused.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
