import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="empty">
      <p>찾는 화면이 없어요.</p>
      <Link className="button" to="/">
        오늘 주문으로
      </Link>
    </div>
  );
}
