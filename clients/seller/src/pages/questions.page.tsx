/** Placeholder: another change builds this page. */
export function Page() {
  return (
    <section>
      <h1>문의·리뷰</h1>
      <p className="muted">준비 중</p>
    </section>
  );
}
