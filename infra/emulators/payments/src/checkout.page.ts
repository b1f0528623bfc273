import type { EasyPay, PaymentRecord } from './payment.ledger.js';
import type { DeclineReason } from './scenario.registry.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** How each wallet's page looks, so a demo shows which provider the shopper chose. */
const WALLETS: Record<EasyPay, { name: string; colour: string; ink: string }> = {
  KAKAO_PAY: { name: '카카오페이', colour: '#fee500', ink: '#191919' },
  NAVER_PAY: { name: '네이버페이', colour: '#03c75a', ink: '#ffffff' },
  TOSS_PAY: { name: '토스페이', colour: '#0064ff', ink: '#ffffff' },
};

const STATUS_TEXT: Record<string, string> = {
  APPROVED: '이미 승인된 결제예요.',
  CAPTURED: '이미 완료된 결제예요.',
  DECLINED: '거절된 결제예요.',
  CANCELED: '취소된 결제예요.',
  PARTIAL_REFUNDED: '일부 환불된 결제예요.',
  REFUNDED: '환불된 결제예요.',
};

/**
 * The page a customer's browser lands on from approvalUrl: it stands in for the wallet's or
 * card company's authentication, with an approve and a cancel button, so a checkout can be
 * clicked through in a local demo and in browser tests.
 */
export function checkoutPage(payment: PaymentRecord): string {
  const amount = new Intl.NumberFormat('ko-KR').format(payment.amount);
  const wallet = payment.easyPay
    ? WALLETS[payment.easyPay]
    : { name: '카드 결제', colour: '#3d3d3d', ink: '#ffffff' };
  const action = `/checkout/${encodeURIComponent(payment.paymentKey)}`;
  const body =
    payment.status === 'READY'
      ? `<form method="post" action="${action}/approve">
        <button class="pay" type="submit">${amount}원 결제하기</button>
      </form>
      <form method="post" action="${action}/cancel">
        <button class="cancel" type="submit">결제 취소</button>
      </form>`
      : `<p class="status">${escapeHtml(STATUS_TEXT[payment.status] ?? payment.status)}</p>`;
  return `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>${escapeHtml(wallet.name)} · 결제 승인 (테스트)</title>
    <style>
      body { margin: 0; font-family: system-ui, sans-serif; background: #f4f4f5; color: #1f1f1f; }
      header { background: ${wallet.colour}; color: ${wallet.ink}; padding: 20px; font-weight: 700; font-size: 20px; }
      main { max-width: 420px; margin: 0 auto; padding: 24px 20px; }
      .amount { font-size: 28px; font-weight: 700; margin: 4px 0 16px; }
      .muted { color: #6b6b6b; font-size: 14px; }
      form { margin: 12px 0; }
      button { width: 100%; min-height: 52px; border-radius: 12px; font-size: 17px; font-weight: 600; border: 0; cursor: pointer; }
      .pay { background: ${wallet.colour}; color: ${wallet.ink}; }
      .cancel { background: #e4e4e7; color: #1f1f1f; }
      .sandbox { margin-top: 28px; font-size: 13px; color: #8a8a8a; }
    </style>
  </head>
  <body>
    <header>${escapeHtml(wallet.name)}</header>
    <main>
      <p class="muted">${escapeHtml(payment.orderName)}</p>
      <p class="amount">${amount}원</p>
      ${body}
      <p class="sandbox">테스트 결제 화면이에요. 실제로 돈이 나가지 않아요. (주문 ${escapeHtml(payment.orderId)})</p>
    </main>
  </body>
</html>
`;
}

/** Where the browser goes after approval, with the parameters Korean PGs append. */
export function successRedirect(payment: PaymentRecord): string | undefined {
  if (!payment.successUrl) return undefined;
  const url = new URL(payment.successUrl);
  url.searchParams.set('paymentKey', payment.paymentKey);
  url.searchParams.set('orderId', payment.orderId);
  url.searchParams.set('amount', String(payment.amount));
  return url.toString();
}

/** The customer canceled on the page. */
export const CANCELED_BY_CUSTOMER: DeclineReason = {
  code: 'PAY_PROCESS_CANCELED',
  message: 'The customer canceled the payment.',
};

/** Where the browser goes after a cancel or a decline on the page, with the reason. */
export function failRedirect(payment: PaymentRecord, reason: DeclineReason): string | undefined {
  if (!payment.failUrl) return undefined;
  const url = new URL(payment.failUrl);
  url.searchParams.set('code', reason.code);
  url.searchParams.set('message', reason.message);
  url.searchParams.set('orderId', payment.orderId);
  url.searchParams.set('paymentKey', payment.paymentKey);
  return url.toString();
}
