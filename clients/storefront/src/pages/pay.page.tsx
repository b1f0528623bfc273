import { gql } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText, koreanMessage, problemText, useSession } from '@bloom/client-shared';
import { AccountRequired } from '../ui/account-required.js';
import { paymentLabel, type PaymentMethod } from './checkout/payment-methods.js';
import { remember, rememberedQueue } from './pay/pay-queue.js';
import './checkout/payment.css';

const PAY_ORDER = gql`
  query PayOrder($id: ID!) {
    order(id: $id) {
      id
      status
      paymentMethod
      paymentApprovalUrl
      failure {
        code
        message
      }
    }
  }
`;

const COMPLETE_PAYMENT = gql`
  mutation CompletePayment($orderId: ID!) {
    completePayment(orderId: $orderId) {
      __typename
      ... on Order {
        id
        status
        paymentMethod
        failure {
          code
          message
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`;

interface PayOrder {
  id: string;
  status: string;
  paymentMethod: PaymentMethod;
  paymentApprovalUrl?: string | null;
  failure: { code: string; message: string } | null;
}

type CompleteResult =
  | ({ __typename: 'Order' } & PayOrder)
  | { __typename: 'OrderNotFoundError'; code: string; message: string }
  | { __typename: 'PaymentNotApprovedError'; code: string; message: string };

/** What the page is doing or why it stopped. */
type View =
  | { kind: 'working'; text: string }
  | { kind: 'failed'; order: PayOrder; providerCode: string | null }
  | { kind: 'waiting'; orderId: string }
  | { kind: 'problem'; text: string };

/** Provider codes on the return URL, in words; nothing was charged for any of them. */
const PROVIDER_TEXT: Record<string, string> = {
  PAY_PROCESS_CANCELED: '결제 화면에서 결제를 취소했어요.',
  REJECT_CARD_COMPANY: '카드사에서 결제를 거절했어요. 다른 결제 수단으로 다시 주문해 주세요.',
};

const POLL_MS = 800;
const POLL_LIMIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Easy pay's go-between. Opened after checkout (`/pay?orders=…`) it waits until the provider
 * has the order's approval page and sends the browser there; opened by the provider on the
 * way back (`/pay/return?orderId=…`) it asks the server to finish the payment, then goes on to
 * the checkout's next order or shows the order (or why nothing was charged).
 */
export function Page() {
  const session = useSession();
  const signedIn = session !== null;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [view, setView] = useState<View>({ kind: 'working', text: '결제를 준비하고 있어요…' });
  const started = useRef(false);

  const returnedFor = params.get('orderId');
  const providerCode = params.get('code');
  const listed = params.get('orders')?.split(',').filter(Boolean) ?? [];

  useEffect(() => {
    if (!signedIn || started.current) return;
    // Runs once per visit: the return URL is a one-time answer from the provider.
    started.current = true;
    const queue = listed.length > 0 ? listed : rememberedQueue();
    if (listed.length > 0) remember(listed);

    const read = async (id: string) =>
      (
        await client.query<{ order: PayOrder | null }>({
          query: PAY_ORDER,
          variables: { id },
          fetchPolicy: 'network-only',
        })
      ).data?.order ?? null;

    /** Sends the browser to the next order's approval page, or shows the first order. */
    const next = async (done: string[]) => {
      const rest = queue.filter((id) => !done.includes(id));
      for (const id of rest) {
        const deadline = Date.now() + POLL_LIMIT_MS;
        let order = await read(id);
        // The saga reserves the flowers first; the page exists once the provider has it.
        while (order?.status === 'PENDING' && !order.paymentApprovalUrl && Date.now() < deadline) {
          await sleep(POLL_MS);
          order = await read(id);
        }
        if (order?.status === 'PENDING' && order.paymentApprovalUrl) {
          setView({
            kind: 'working',
            text: `${paymentLabel(order.paymentMethod)}로 이동하고 있어요…`,
          });
          window.location.assign(order.paymentApprovalUrl);
          return;
        }
        if (order?.status === 'FAILED') {
          setView({ kind: 'failed', order, providerCode: null });
          return;
        }
        if (order?.status === 'PENDING') {
          setView({
            kind: 'problem',
            text: '결제 화면을 준비하지 못했어요. 잠시 뒤 주문 내역에서 확인해 주세요.',
          });
          return;
        }
        done.push(id);
      }
      const first = queue[0] ?? done[0];
      await navigate(first ? `/orders/${first}` : '/orders', {
        replace: true,
        state: { placed: queue },
      });
    };

    const finish = async (orderId: string) => {
      setView({ kind: 'working', text: '결제를 확인하고 있어요…' });
      const { data } = await client.mutate<{ completePayment: CompleteResult }>({
        mutation: COMPLETE_PAYMENT,
        variables: { orderId },
      });
      const result = data?.completePayment;
      if (!result) return;
      if (result.__typename === 'PaymentNotApprovedError') {
        setView({ kind: 'waiting', orderId });
        return;
      }
      if (result.__typename === 'OrderNotFoundError') {
        setView({ kind: 'problem', text: koreanMessage(result) });
        return;
      }
      if (result.status === 'FAILED') {
        setView({ kind: 'failed', order: result, providerCode });
        return;
      }
      await next([orderId]);
    };

    (returnedFor ? finish(returnedFor) : next([])).catch((failure: unknown) =>
      setView({
        kind: 'problem',
        text: `연결이 끊겼어요. 주문 내역에서 결제 상태를 확인해 주세요. (${errorText(failure)})`,
      }),
    );
    // The URL's parameters are read once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);

  if (!signedIn) return <AccountRequired message="결제를 이어 가려면 로그인해 주세요." />;

  if (view.kind === 'working') {
    return (
      <div className="buy-page pay-status" role="status" aria-live="polite">
        <p>
          <span className="spinner-dot" aria-hidden />
          {view.text}
        </p>
      </div>
    );
  }
  if (view.kind === 'failed') {
    const reason =
      (view.providerCode && PROVIDER_TEXT[view.providerCode]) ??
      (view.order.failure ? problemText(view.order.failure) : '결제를 완료하지 못했어요.');
    return (
      <div className="buy-page stack">
        <h1>결제하지 못했어요</h1>
        <div className="notice error" role="alert">
          <strong>{reason}</strong>
          <p className="small">청구된 금액은 없어요.</p>
        </div>
        <Link className="button block" to={`/orders/${view.order.id}`}>
          주문 보기
        </Link>
        <Link className="button secondary block" to="/">
          쇼핑 계속하기
        </Link>
      </div>
    );
  }
  if (view.kind === 'waiting') {
    return (
      <div className="buy-page stack">
        <h1>결제 승인을 기다리고 있어요</h1>
        <p>{koreanMessage({ code: 'PAYMENT_NOT_APPROVED', message: '' })}</p>
        <Link className="button block" to={`/orders/${view.orderId}`}>
          주문에서 결제 이어 가기
        </Link>
      </div>
    );
  }
  return (
    <div className="buy-page stack">
      <h1>결제 상태를 확인해 주세요</h1>
      <p className="notice error" role="alert">
        {view.text}
      </p>
      <Link className="button block" to="/orders">
        주문 내역
      </Link>
    </div>
  );
}
