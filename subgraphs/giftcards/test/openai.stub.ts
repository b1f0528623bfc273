import { type OpenAiStub, startOpenAiStub } from '@bloom/testing';

export type { OpenAiStub } from '@bloom/testing';

/** Messages for a lover's birthday with a red rose (꽃말 사랑) that pass the checker. */
export const STUB_MESSAGES = [
  '생일 축하해! 빨간 장미 꽃말이 사랑이래. 오늘은 꼭 그 말을 전하고 싶었어.',
  '꽃말이 사랑인 빨간 장미를 골랐어. 태어나 줘서 고마워, 생일 진심으로 축하해.',
  '자기야, 오늘은 네가 주인공이야! 사랑이라는 꽃말처럼 늘 곁에 있을게.',
];

/** Fluent but flawed, as a model may answer: an abstract "의 마음", a repeat, a mixed level. */
export const UNCHECKED_MESSAGES = [
  "빨간 장미에 '사랑'의 마음을 담아 보내. 생일 축하해!",
  '생일 축하해! 행복하면 좋겠어. 늘 웃으면 좋겠어.',
  '생일 진심으로 축하드립니다. 사랑해!',
];

/** The card AI's answers: the good ones, ones longer than any card, ones the checker refuses. */
export const CARD_ANSWERS = {
  good: { messages: STUB_MESSAGES },
  tooLong: { messages: STUB_MESSAGES.map((m) => m.repeat(10)) },
  unchecked: { messages: UNCHECKED_MESSAGES },
};

/** An OpenAI stub that answers card-message requests with STUB_MESSAGES. */
export const startCardAiStub = (): Promise<OpenAiStub> => startOpenAiStub(CARD_ANSWERS.good);
