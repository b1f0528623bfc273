import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="empty">
      <p>찾는 페이지가 없어요.</p>
      <Link className="button" to="/">
        홈으로
      </Link>
    </div>
  );
}
