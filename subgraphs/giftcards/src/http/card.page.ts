import type { TemplateColorValue } from '../catalog/catalog.data.js';
import { pageTheme } from '../templates/template.art.js';
import type { TemplateDefinition } from '../templates/template.catalog.js';

/** Everything user-written goes through this: the message is text, never markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function layout(title: string, color: TemplateColorValue, body: string): string {
  const theme = pageTheme(color);
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex, nofollow">
<meta name="theme-color" content="${theme.top}">
<title>${escapeHtml(title)}</title>
<style>
  *{box-sizing:border-box}
  html,body{margin:0;min-height:100%}
  body{background:linear-gradient(170deg,${theme.top} 0%,${theme.bottom} 100%) fixed;color:#3a2f33;
    font-family:-apple-system,BlinkMacSystemFont,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",system-ui,sans-serif;
    -webkit-font-smoothing:antialiased}
  main{max-width:440px;margin:0 auto;padding:28px 20px calc(28px + env(safe-area-inset-bottom))}
  .eyebrow{margin:0 0 16px;text-align:center;font-size:13px;letter-spacing:.12em;color:${theme.ink};opacity:.75}
  .front{display:block;width:72%;max-width:290px;height:auto;margin:0 auto;border-radius:18px;
    box-shadow:0 18px 40px -18px rgba(60,30,40,.45),0 2px 6px rgba(60,30,40,.08);transform:rotate(-2deg)}
  .note{position:relative;margin:-36px 4px 0;background:#fffdfa;border-radius:20px;padding:34px 26px 26px;
    box-shadow:0 10px 30px -12px rgba(60,30,40,.25);border:1px solid rgba(0,0,0,.04)}
  .message{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;word-break:keep-all;font-size:18px;line-height:1.8;
    font-family:"Noto Serif KR","Nanum Myeongjo",NanumMyeongjo,"AppleMyungjo",Georgia,serif;color:#33282c}
  .from{margin:22px 0 0;text-align:right;font-size:16px;color:${theme.ink}}
  .from::before{content:"— "}
  .note.notice{margin-top:40px;text-align:center}
  .notice h1{margin:0 0 10px;font-size:20px;color:${theme.ink}}
  .notice p{margin:0;line-height:1.7;font-size:15px}
  footer{margin-top:28px;text-align:center;font-size:12px;color:#7b6d72}
</style>
</head>
<body>
<main>
${body}
<footer>Blooming Blooms · 꽃과 함께 전해진 마음</footer>
</main>
</body>
</html>
`;
}

/** The recipient's page: card front, the message with its line breaks, the sender's name. */
export function renderCardPage(card: {
  template: TemplateDefinition;
  message: string;
  fromName?: string | undefined;
}): string {
  const from = card.fromName ? `<p class="from">${escapeHtml(card.fromName)}</p>` : '';
  return layout(
    '꽃과 함께 온 메시지',
    card.template.color,
    `<p class="eyebrow">꽃과 함께 온 메시지</p>
<img class="front" src="/templates/${card.template.key}.svg" width="600" height="840" alt="${escapeHtml(card.template.name.ko)} 카드">
<article class="note"><p class="message">${escapeHtml(card.message)}</p>${from}</article>`,
  );
}

/** One page for unknown card, wrong secret and malformed link alike. */
export function renderUnavailablePage(): string {
  return layout(
    '카드를 열 수 없어요',
    'MIX',
    `<article class="note notice"><h1>카드를 열 수 없어요</h1><p>링크가 올바르지 않거나 더 이상 사용할 수 없어요. 받으신 링크를 다시 확인해 주세요.</p></article>`,
  );
}

export function renderLimitedPage(): string {
  return layout(
    '잠시 후 다시 시도해 주세요',
    'MIX',
    `<article class="note notice"><h1>잠시 후 다시 시도해 주세요</h1><p>짧은 시간에 시도가 너무 많았어요. 조금 뒤에 링크를 다시 열어 주세요.</p></article>`,
  );
}
