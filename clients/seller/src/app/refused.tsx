import { Icon } from '@bloom/client-shared';
import { Link } from 'react-router';

/**
 * What a seller sees at a link to something that is not their store's (another store's order
 * or product, or one that does not exist: the API answers both the same way, so does this).
 */
export function Refused({ what }: { what: '주문' | '상품' }) {
  return (
    <section className="refused card stack" aria-labelledby="refused-title">
      <Icon name="store" size={40} />
      <h1 id="refused-title">이 매장의 {what}이 아니에요</h1>
      <p className="muted">
        다른 매장의 {what}이거나 없어진 {what}이라 보여 드릴 수 없어요. 주소를 다시 확인해 주세요.
      </p>
      <Link className="button" to={what === '주문' ? '/' : '/products'}>
        {what === '주문' ? '오늘 주문으로' : '내 상품 목록으로'}
      </Link>
    </section>
  );
}
