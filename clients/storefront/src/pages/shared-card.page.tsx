import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Empty, ErrorNotice, Loading } from '@bloom/client-shared';
import { CardFace } from './card/card-face.js';
import { SHARED_CARD, type SharedCardResult } from './card/card.operations.js';
import './card/card.css';

/** The card its recipient opens from the link: no account, nothing else on the screen. */
export function Page() {
  const { id = '', secret = '' } = useParams();
  const { data, loading, error, refetch } = useQuery<
    { sharedCard: SharedCardResult },
    { id: string; secret: string }
  >(SHARED_CARD, { variables: { id, secret }, fetchPolicy: 'network-only' });

  if (loading && !data) return <Loading label="카드를 여는 중…" />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const result = data?.sharedCard;
  if (result?.__typename !== 'SharedGiftCard') {
    return (
      <main className="gift-recipient">
        <Empty>
          <p>
            {result?.__typename === 'ShareLinkRateLimitedError'
              ? `여러 번 잘못 열려서 잠시 막혔어요. ${Math.ceil(result.retryAfterSeconds / 60)}분 뒤 다시 열어 주세요.`
              : '카드를 열 수 없어요. 링크가 바뀌었을 수 있으니 보낸 분께 새 링크를 부탁해 주세요.'}
          </p>
          <Link className="button" to="/">
            꽃 구경하러 가기
          </Link>
        </Empty>
      </main>
    );
  }
  return (
    <main className="gift-recipient">
      <p className="gift-recipient-kicker">꽃과 함께 마음이 도착했어요</p>
      <CardFace template={result.template} message={result.message} fromName={result.fromName} />
      <p className="gift-recipient-foot small muted">
        <Link to="/">Blooming Blooms</Link>에서 보낸 꽃 카드예요
      </p>
    </main>
  );
}
