/** Grey shapes where the home page's banner, chips and cards will be while its data loads. */
export function HomeSkeleton() {
  return (
    <div className="skeleton-page" role="status" aria-busy="true" aria-label="불러오는 중">
      <div className="skeleton-block skeleton-banner" />
      <div className="skeleton-line skeleton-title" />
      <div className="skeleton-chips">
        {Array.from({ length: 5 }, (_, i) => (
          <span key={i} className="skeleton-block skeleton-chip" />
        ))}
      </div>
      <div className="skeleton-line skeleton-title" />
      <div className="product-grid">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="skeleton-card">
            <div className="skeleton-block skeleton-thumb" />
            <div className="skeleton-line" />
            <div className="skeleton-line short" />
          </div>
        ))}
      </div>
    </div>
  );
}
