import type { CardTemplate } from './card.operations.js';

/**
 * The card as its recipient sees it: the design's front above the message. The message is
 * plain text (React escapes it); `pre-wrap` keeps the sender's line breaks.
 */
export function CardFace({
  template,
  message,
  fromName,
}: {
  template: CardTemplate;
  message: string;
  fromName: string | null;
}) {
  return (
    <figure
      className={`gift-face gift-face-${template.color.toLowerCase()}`}
      data-template={template.key}
    >
      <img className="gift-face-art" src={template.imageUrl} alt={`${template.name} 카드`} />
      <blockquote className="gift-face-message">{message}</blockquote>
      <figcaption className="gift-face-from">
        {fromName ? `${fromName} 드림` : '마음을 담아, 익명으로'}
      </figcaption>
    </figure>
  );
}
