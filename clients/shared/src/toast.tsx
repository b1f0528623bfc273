import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';

export interface Toast {
  title: string;
  body?: string;
  /** Dedupes a notice that arrives twice (a live event and a refetch); random by default. */
  id?: string;
}

interface Shown extends Required<Pick<Toast, 'id' | 'title'>> {
  body?: string;
}

const ToastContext = createContext<((toast: Toast) => void) | null>(null);

/** How long a toast stays: long enough to read two lines at a glance. */
const SHOWN_MS = 6000;

/**
 * Live notices at the bottom of the screen (above a tab bar: `--tabbar`). The region is always
 * in the page, so screen readers announce what is added to it (`role="status"`, polite); each
 * toast leaves by itself after a few seconds or on a tap.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const dismiss = useCallback(
    (id: string) => setToasts((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const show = useCallback(
    (toast: Toast) => {
      const id = toast.id ?? crypto.randomUUID();
      setToasts((all) => [
        ...all.filter((t) => t.id !== id).slice(-2),
        { id, title: toast.title, ...(toast.body ? { body: toast.body } : {}) },
      ]);
      window.setTimeout(() => dismiss(id), SHOWN_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <button
            key={toast.id}
            type="button"
            className="toast"
            onClick={() => dismiss(toast.id)}
            title="눌러서 닫기"
          >
            <strong>{toast.title}</strong>
            {toast.body && <span>{toast.body}</span>}
          </button>
        ))}
      </div>
    </ToastContext>
  );
}

/** `const toast = useToast(); toast({ title: '새 주문', body: '…' })`. */
export function useToast(): (toast: Toast) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast outside <ToastProvider>');
  return show;
}
