import { TEXT_LIMITS } from '@bloom/client-shared';
import type { CheckoutFieldErrors } from './checkout-fields.js';

export interface Sender {
  name: string;
  phone: string;
  /** The florist must not tell the recipient who sent the flowers. */
  anonymous: boolean;
}

export const NO_SENDER: Sender = { name: '', phone: '', anonymous: false };

/** 보내는 분: who the flowers are from, apart from who receives them, or anonymous. */
export function SenderForm({
  sender,
  onChange,
  errors,
}: {
  sender: Sender;
  onChange: (sender: Sender) => void;
  errors: CheckoutFieldErrors['sender'];
}) {
  return (
    <section className="card stack" aria-labelledby="co-from">
      <h2 id="co-from" className="buy-section-title">
        보내는 분
      </h2>
      <p className="muted small">비워 두면 주문하신 분의 이름으로 보내요.</p>
      <label className="field">
        이름 (선택)
        <input
          name="senderName"
          autoComplete="name"
          maxLength={TEXT_LIMITS.senderName + 10}
          value={sender.name}
          onChange={(event) => onChange({ ...sender, name: event.target.value })}
          aria-invalid={errors?.name ? true : undefined}
        />
        {errors?.name && (
          <span className="field-error" role="alert">
            {errors.name}
          </span>
        )}
      </label>
      <label className="field">
        휴대폰 (선택)
        <input
          name="senderPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="010-1234-5678"
          value={sender.phone}
          onChange={(event) => onChange({ ...sender, phone: event.target.value })}
          aria-invalid={errors?.phone ? true : undefined}
        />
        {errors?.phone && (
          <span className="field-error" role="alert">
            {errors.phone}
          </span>
        )}
      </label>
      <label className="buy-check">
        <input
          type="checkbox"
          checked={sender.anonymous}
          onChange={(event) => onChange({ ...sender, anonymous: event.target.checked })}
        />
        익명으로 보내기
      </label>
      {sender.anonymous && (
        <p className="muted small">
          꽃집이 받는 분께 보내는 분을 알리지 않아요. 메시지 카드에도 이름을 쓰지 않는 게 좋아요.
        </p>
      )}
    </section>
  );
}
