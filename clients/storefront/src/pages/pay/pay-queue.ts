/**
 * The orders of one easy-pay checkout still to approve, oldest first. The wallet's page sends
 * the browser back to one return URL for every order, so the rest of the queue is kept in
 * this tab's session storage (and in the page's own URL while it is open).
 */
const KEY = 'bloom.pay.queue';

/** The pay page for these orders; it remembers them for the way back. */
export const payQueuePath = (orderIds: string[]): string =>
  `/pay?orders=${orderIds.map(encodeURIComponent).join(',')}`;

export function remember(orderIds: string[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(orderIds));
  } catch {
    // Private mode without storage: the return page still finishes the order it came back for.
  }
}

export function rememberedQueue(): string[] {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
