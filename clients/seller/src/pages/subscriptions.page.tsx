/** Placeholder: another change builds this page. */
export function Page() {
  return (
    <section>
      <h1>정기배송</h1>
      <p className="muted">준비 중</p>
    </section>
  );
}
