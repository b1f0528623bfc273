import { useState } from 'react';

/**
 * Product photos in a row that snaps one photo at a time: a native horizontal scroll, so a
 * thumb swipes it on a phone and a trackpad or the keyboard scrolls it elsewhere, no library.
 */
export function ImageGallery({ images, name }: { images: { url: string }[]; name: string }) {
  const [index, setIndex] = useState(0);
  if (images.length === 0) {
    return (
      <div className="browse-gallery browse-no-photo" role="img" aria-label={`${name} 사진 없음`}>
        <img src="/favicon.svg" alt="" className="placeholder" />
      </div>
    );
  }
  return (
    <div className="browse-gallery-frame">
      <div
        className="browse-gallery"
        tabIndex={0}
        role="group"
        aria-roledescription="사진 넘기기"
        aria-label={`${name} 사진 ${images.length}장`}
        onScroll={(event) => {
          const row = event.currentTarget;
          setIndex(Math.round(row.scrollLeft / Math.max(1, row.clientWidth)));
        }}
      >
        {images.map((image, i) => (
          <img
            key={image.url}
            src={image.url}
            alt={`${name} 사진 ${i + 1}`}
            loading={i === 0 ? 'eager' : 'lazy'}
          />
        ))}
      </div>
      {images.length > 1 && (
        <span className="browse-gallery-count" aria-hidden>
          {Math.min(index, images.length - 1) + 1} / {images.length}
        </span>
      )}
    </div>
  );
}
