import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  errorText,
  inKorean,
  type TypedError,
  useToast,
  UserErrorNotice,
} from '@bloom/client-shared';
import type { OrderStatus } from '../../ui/buy-order-status.js';
import { CardFace } from './card-face.js';
import { CardWriter } from './card-writer.js';
import {
  cardLink,
  type GiftCard,
  type GiftCardShare,
  ORDER_CARDS,
  type OrderCardsData,
  RENEW_GIFT_CARD_LINK,
  type RenewResult,
} from './card.operations.js';
import './card.css';

/** The giftcards service takes a card while the order is on its way (PENDING…SHIPPING). */
const WRITABLE = new Set<OrderStatus>(['PENDING', 'CONFIRMED', 'PREPARING', 'READY', 'SHIPPING']);

interface Line {
  id: string;
  productName: string;
}

/** The message card of each line of an order: write one, see it, edit it, share its link. */
export function OrderCards({
  orderId,
  status,
  lines,
}: {
  orderId: string;
  status: OrderStatus;
  lines: Line[];
}) {
  const cards = useQuery<OrderCardsData, { id: string }>(ORDER_CARDS, {
    variables: { id: orderId },
    fetchPolicy: 'cache-and-network',
  });
  const byLine = new Map(cards.data?.order?.lines.map((l) => [l.id, l.giftCard]) ?? []);
  const writable = WRITABLE.has(status);
  if (!cards.data) return null;
  const shown = lines.filter((line) => byLine.get(line.id) || writable);
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((line) => (
        <LineCard
          key={line.id}
          line={line}
          card={byLine.get(line.id) ?? null}
          writable={writable}
          onChange={() => void cards.refetch()}
        />
      ))}
    </>
  );
}

function LineCard({
  line,
  card,
  writable,
  onChange,
}: {
  line: Line;
  card: GiftCard | null;
  writable: boolean;
  onChange: () => void;
}) {
  const [writing, setWriting] = useState(false);
  const [share, setShare] = useState<GiftCardShare | null>(null);
  if (writing) {
    return (
      <CardWriter
        orderLineId={line.id}
        productName={line.productName}
        {...(card ? { card } : {})}
        onClose={() => setWriting(false)}
        onSaved={(saved) => {
          setWriting(false);
          if (saved.share) setShare(saved.share);
          onChange();
        }}
      />
    );
  }
  if (!card) {
    return (
      <section className="card gift-invite" aria-label={`${line.productName} 메시지 카드`}>
        <div>
          <strong>마음을 전할 메시지 카드를 써 보세요</strong>
          <p className="small muted">
            꽃말을 담은 문구를 추천해 드려요. 꽃집이 카드로 만들어 꽃과 함께 보내고, 받는 분은
            링크로도 볼 수 있어요.
          </p>
        </div>
        {writable && (
          <button type="button" className="button block" onClick={() => setWriting(true)}>
            메시지 카드 쓰기
          </button>
        )}
      </section>
    );
  }
  return (
    <section className="card stack" aria-labelledby={`gift-card-${card.id}`}>
      <h2 id={`gift-card-${card.id}`} className="buy-section-title">
        메시지 카드 · {line.productName}
      </h2>
      <CardFace template={card.template} message={card.message} fromName={card.fromName} />
      <ShareLink card={card} share={share} onShare={setShare} />
      {card.editable ? (
        <button type="button" className="button secondary block" onClick={() => setWriting(true)}>
          카드 고치기
        </button>
      ) : (
        <p className="small muted center">꽃이 출발해서 카드는 더 고칠 수 없어요.</p>
      )}
    </section>
  );
}

/**
 * The link exists in full only right after saving or renewing (the server keeps a hash of its
 * secret), so later visits offer a new link, which retires the old one.
 */
function ShareLink({
  card,
  share,
  onShare,
}: {
  card: GiftCard;
  share: GiftCardShare | null;
  onShare: (share: GiftCardShare) => void;
}) {
  const toast = useToast();
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [renew, renewing] = useMutation<{ renewGiftCardLink: RenewResult }, { id: string }>(
    RENEW_GIFT_CARD_LINK,
  );
  const newLink = async () => {
    setProblem(null);
    try {
      const { data } = await renew({ variables: { id: card.id } });
      const result = data?.renewGiftCardLink;
      if (result?.__typename === 'GiftCardShare') onShare(result);
      else if (result) setProblem(result);
    } catch (failure) {
      setProblem({ code: 'NETWORK', message: `링크를 만들지 못했어요. (${errorText(failure)})` });
    }
  };
  const send = async (link: string) => {
    if ('share' in navigator) {
      try {
        await navigator.share({ title: '꽃과 함께 온 메시지 카드', url: link });
        return;
      } catch (failure) {
        // The person closed the share sheet: nothing to do.
        if (failure instanceof DOMException && failure.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      toast({ title: '링크를 복사했어요', body: '받는 분에게 메신저로 보내 주세요.' });
    } catch {
      toast({ title: '링크를 복사하지 못했어요', body: '링크를 길게 눌러 직접 복사해 주세요.' });
    }
  };
  const link = share?.card.id === card.id ? cardLink(share) : null;
  return (
    <div className="gift-share stack">
      {link ? (
        <>
          <label className="field">
            받는 분 링크
            <input
              name="shareLink"
              readOnly
              value={link}
              onFocus={(event) => event.target.select()}
            />
          </label>
          <button type="button" className="button block" onClick={() => void send(link)}>
            링크 보내기
          </button>
        </>
      ) : (
        <p className="small muted">
          받는 분에게 보낼 링크는 만들 때 한 번만 보여 드려요. 새 링크를 만들면 전에 보낸 링크는
          열리지 않아요.
        </p>
      )}
      <UserErrorNotice error={inKorean(problem)} />
      <button
        type="button"
        className={link ? 'button secondary small block' : 'button secondary block'}
        disabled={renewing.loading}
        onClick={() => void newLink()}
      >
        {renewing.loading ? '만드는 중…' : '받는 분 링크 새로 만들기'}
      </button>
    </div>
  );
}
