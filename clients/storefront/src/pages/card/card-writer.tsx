import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { errorText, inKorean, type TypedError, UserErrorNotice } from '@bloom/client-shared';
import { ChoiceChips } from './card-choices.js';
import { CardFace } from './card-face.js';
import {
  COLORS,
  OCCASION_CHOICES,
  RECIPIENT_NAME_MAX,
  RECIPIENTS,
  SIBLING_CALLS,
  TONES,
  UNNAMED,
  textLength,
} from './card-labels.js';
import {
  CARD_TEMPLATES,
  type CardSuggestions,
  type CardTemplate,
  type CardTone,
  EDIT_GIFT_CARD,
  type EditResult,
  type GiftCard,
  type GiftCardShare,
  type RecipientKey,
  type SenderGender,
  SUGGEST_CARD_MESSAGES,
  type SuggestResult,
  type TemplateColor,
  WRITE_GIFT_CARD,
  type WriteResult,
} from './card.operations.js';

type Step = 'ask' | 'pick' | 'edit' | 'preview';

/** The card-specific refusals carry order-state codes; the catalogue words them per type. */
const byType = (error: TypedError & { __typename: string }): TypedError =>
  error.__typename === 'CardNotAllowedError'
    ? { ...error, code: 'CARD_NOT_ALLOWED' }
    : error.__typename === 'CardLockedError'
      ? { ...error, code: 'CARD_LOCKED' }
      : error;

const networkProblem = (failure: unknown): TypedError => ({
  code: 'NETWORK',
  message: `연결이 불안정해요. 잠시 뒤 다시 시도해 주세요. (${errorText(failure)})`,
});

/**
 * Writes (or edits) the message card of one order line: who it is for, the occasion and tone
 * → three suggestions from the flowers' meaning → edit one → a design → the recipient's view
 * → save. A new card answers with its share secret; an edited one keeps its link.
 */
export function CardWriter({
  orderLineId,
  productName,
  card,
  onSaved,
  onClose,
}: {
  orderLineId: string;
  productName: string;
  /** Present when editing. */
  card?: GiftCard;
  onSaved: (saved: { card: GiftCard; share?: GiftCardShare }) => void;
  onClose: () => void;
}) {
  const [step, setStep] = useState<Step>(card ? 'edit' : 'ask');
  const [recipient, setRecipient] = useState<RecipientKey>('MOTHER');
  const [senderGender, setSenderGender] = useState<SenderGender | null>(null);
  const [recipientName, setRecipientName] = useState('');
  const [occasion, setOccasion] = useState('');
  const [tone, setTone] = useState<CardTone>('WARM');
  const [variant, setVariant] = useState(0);
  const [ideas, setIdeas] = useState<CardSuggestions | null>(null);
  const [message, setMessage] = useState(card?.message ?? '');
  const [fromName, setFromName] = useState(card?.fromName ?? '');
  const [color, setColor] = useState<TemplateColor>(card?.template.color ?? 'PINK');
  const [templateKey, setTemplateKey] = useState(card?.template.key ?? '');
  const [problem, setProblem] = useState<TypedError | null>(null);

  const templates = useQuery<{ cardTemplates: CardTemplate[] }>(CARD_TEMPLATES);
  const [suggest, suggesting] = useLazyQuery<
    { suggestCardMessages: SuggestResult },
    { input: Record<string, unknown> }
  >(SUGGEST_CARD_MESSAGES, { fetchPolicy: 'network-only' });
  const [write, writing] = useMutation<{ writeGiftCard: WriteResult }>(WRITE_GIFT_CARD);
  const [edit, editing] = useMutation<{ editGiftCard: EditResult }>(EDIT_GIFT_CARD);

  const siblingCalls = SIBLING_CALLS[recipient];
  const all = templates.data?.cardTemplates ?? [];
  const ofColor = all.filter((t) => t.color === color);
  const template = all.find((t) => t.key === templateKey) ?? ofColor[0] ?? card?.template;
  const maxLength = ideas?.maxLength;
  const length = textLength(message);
  const tooLong = maxLength !== undefined && length > maxLength;

  const ask = async (nextVariant: number) => {
    setProblem(null);
    setVariant(nextVariant);
    setStep('pick');
    try {
      const name = recipientName.trim();
      const { data } = await suggest({
        variables: {
          input: {
            orderLineId,
            recipient,
            occasion,
            tone,
            variant: nextVariant,
            ...(siblingCalls && senderGender ? { senderGender } : {}),
            ...(name && !UNNAMED.has(recipient) ? { recipientName: name } : {}),
          },
        },
      });
      const result = data?.suggestCardMessages;
      if (!result) return;
      if (result.__typename === 'CardSuggestions') setIdeas(result);
      else setProblem(result);
    } catch (failure) {
      setProblem(networkProblem(failure));
    }
  };

  const save = async () => {
    if (!template) return;
    setProblem(null);
    try {
      if (card) {
        const { data } = await edit({
          variables: { input: { id: card.id, message, fromName, templateKey: template.key } },
        });
        const result = data?.editGiftCard;
        if (result?.__typename === 'GiftCard') onSaved({ card: result });
        else if (result) setProblem(byType(result));
        return;
      }
      const { data } = await write({
        variables: {
          input: {
            orderLineId,
            message,
            templateKey: template.key,
            ...(fromName.trim() ? { fromName } : {}),
          },
        },
      });
      const result = data?.writeGiftCard;
      if (result?.__typename === 'GiftCardShare') onSaved({ card: result.card, share: result });
      else if (result) setProblem(byType(result));
    } catch (failure) {
      setProblem(networkProblem(failure));
    }
  };

  return (
    <section className="card stack gift-writer" aria-labelledby={`gift-writer-${orderLineId}`}>
      <div className="row">
        <h2 id={`gift-writer-${orderLineId}`} className="buy-section-title">
          {card ? '메시지 카드 고치기' : '메시지 카드 쓰기'}
        </h2>
        <button type="button" className="button secondary small" onClick={onClose}>
          닫기
        </button>
      </div>
      <p className="muted small">{productName} 상품과 함께 전해질 카드예요.</p>

      {step === 'ask' && (
        <>
          <fieldset className="gift-fieldset">
            <legend>누구에게 보내나요?</legend>
            <ChoiceChips
              label="받는 분"
              options={RECIPIENTS}
              value={recipient}
              onChange={(key) => key && setRecipient(key)}
            />
            {siblingCalls && (
              <ChoiceChips
                label="부르는 말"
                options={siblingCalls}
                value={senderGender}
                onChange={setSenderGender}
                optional
              >
                <span className="small muted">뭐라고 부르나요?</span>
              </ChoiceChips>
            )}
            {!UNNAMED.has(recipient) && (
              <label className="field">
                받는 분 이름 (선택)
                <input
                  name="recipientName"
                  maxLength={RECIPIENT_NAME_MAX}
                  placeholder="예: 지민"
                  value={recipientName}
                  onChange={(event) => setRecipientName(event.target.value)}
                />
              </label>
            )}
          </fieldset>
          <fieldset className="gift-fieldset">
            <legend>어떤 날인가요?</legend>
            <ChoiceChips
              label="기념일"
              options={OCCASION_CHOICES}
              value={occasion}
              onChange={(key) => setOccasion(key ?? '')}
              optional
            />
            <label className="field">
              직접 적어도 돼요
              <input
                name="occasion"
                maxLength={40}
                placeholder="예: 엄마 환갑"
                value={occasion}
                onChange={(event) => setOccasion(event.target.value)}
              />
            </label>
          </fieldset>
          <fieldset className="gift-fieldset">
            <legend>어떤 말투로 쓸까요?</legend>
            <ChoiceChips
              label="말투"
              options={TONES}
              value={tone}
              onChange={(key) => key && setTone(key)}
            />
          </fieldset>
          <button type="button" className="button block" onClick={() => void ask(0)}>
            문구 추천받기
          </button>
        </>
      )}

      {step === 'pick' && (
        <>
          {suggesting.loading ? (
            <p className="gift-thinking" role="status" aria-live="polite">
              <span aria-hidden className="buy-live-dot" /> 꽃말을 담아 문구를 고르고 있어요…
            </p>
          ) : ideas ? (
            <>
              <p className="small gift-hint">
                {ideas.flower
                  ? `${ideas.flower.name} · 꽃말 ‘${ideas.flower.meaning}’. 받는 분과 날에 맞춰 쓴 추천 문구예요.`
                  : '받는 분과 날에 맞춰 쓴 추천 문구예요.'}{' '}
                마음에 드는 문구를 골라 고쳐 쓰세요.
              </p>
              <ul className="gift-ideas" aria-label="추천 문구">
                {ideas.suggestions.map((idea) => (
                  <li key={idea}>
                    <button
                      type="button"
                      className="gift-idea"
                      onClick={() => {
                        setMessage(idea);
                        setStep('edit');
                      }}
                    >
                      <span className="gift-idea-badge">추천</span>
                      {idea}
                    </button>
                  </li>
                ))}
              </ul>
              <div className="buy-actions">
                <button type="button" className="button secondary" onClick={() => setStep('ask')}>
                  다시 고르기
                </button>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => void ask(variant + 1)}
                >
                  다른 문구 보기
                </button>
              </div>
              <button
                type="button"
                className="button secondary block"
                onClick={() => {
                  setMessage('');
                  setStep('edit');
                }}
              >
                직접 쓸게요
              </button>
            </>
          ) : (
            <button type="button" className="button secondary block" onClick={() => setStep('ask')}>
              다시 고르기
            </button>
          )}
        </>
      )}

      {step === 'edit' && (
        <>
          <label className="field">
            카드 문구
            <textarea
              name="message"
              rows={5}
              value={message}
              aria-invalid={tooLong}
              aria-describedby={`gift-count-${orderLineId}`}
              onChange={(event) => setMessage(event.target.value)}
            />
          </label>
          <p
            id={`gift-count-${orderLineId}`}
            className={`small gift-count${tooLong ? ' over' : ''}`}
            aria-live="polite"
          >
            {maxLength !== undefined ? `${length} / ${maxLength}자` : `${length}자`}
            {tooLong && ' · 조금만 줄여 주세요'}
          </p>
          <label className="field">
            보내는 분 (비우면 이름 없이 보내요)
            <input
              name="fromName"
              maxLength={30}
              placeholder="예: 막내딸 지수"
              value={fromName}
              onChange={(event) => setFromName(event.target.value)}
            />
          </label>
          <fieldset className="gift-fieldset">
            <legend>카드 색</legend>
            <ChoiceChips
              label="카드 색"
              options={COLORS}
              value={color}
              onChange={(key) => {
                if (!key) return;
                setColor(key);
                setTemplateKey('');
              }}
            />
            <div className="gift-designs" role="radiogroup" aria-label="카드 디자인">
              {ofColor.map((t) => (
                <button
                  key={t.key}
                  type="button"
                  role="radio"
                  aria-checked={template?.key === t.key}
                  aria-label={t.name}
                  className={`gift-design${template?.key === t.key ? ' active' : ''}`}
                  onClick={() => setTemplateKey(t.key)}
                >
                  <img src={t.imageUrl} alt="" loading="lazy" />
                </button>
              ))}
            </div>
          </fieldset>
          <UserErrorNotice error={inKorean(problem)} />
          <button
            type="button"
            className="button block"
            disabled={!message.trim() || tooLong || !template}
            onClick={() => setStep('preview')}
          >
            미리 보기
          </button>
        </>
      )}

      {step === 'preview' && template && (
        <>
          <p className="small muted">받는 분에게 이렇게 보여요.</p>
          <CardFace
            template={template}
            message={message.trim()}
            fromName={fromName.trim() || null}
          />
          <UserErrorNotice error={inKorean(problem)} />
          <div className="buy-actions">
            <button type="button" className="button secondary" onClick={() => setStep('edit')}>
              고치기
            </button>
            <button
              type="button"
              className="button"
              disabled={writing.loading || editing.loading}
              onClick={() => void save()}
            >
              {writing.loading || editing.loading ? '저장하는 중…' : '카드 저장하기'}
            </button>
          </div>
        </>
      )}
      {step !== 'edit' && step !== 'preview' && <UserErrorNotice error={inKorean(problem)} />}
    </section>
  );
}
