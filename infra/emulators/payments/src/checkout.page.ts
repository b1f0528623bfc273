import type { PaymentRecord } from './payment.ledger.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The page a customer's browser lands on from approvalUrl: one button standing in for the
 * card company's authentication, so the checkout can be clicked through in a local demo.
 */
export function checkoutPage(payment: PaymentRecord): string {
  const amount = new Intl.NumberFormat('ko-KR').format(payment.amount);
  const body =
    payment.status === 'READY'
      ? `<form method="post" action="/checkout/${encodeURIComponent(payment.paymentKey)}/approve">
      <button type="submit">Approve ${amount} KRW</button>
    </form>`
      : `<p>This payment is ${escapeHtml(payment.status)}.</p>`;
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Bloom PG sandbox</title></head>
  <body>
    <h1>Bloom PG sandbox</h1>
    <p>${escapeHtml(payment.orderName)} — ${amount} KRW</p>
    <p>Order ${escapeHtml(payment.orderId)}</p>
    ${body}
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
