import { type PayloadOf, formatKoreanDateTime, withParticle } from '@bloom/kernel';
import type {
  emailVerificationRequested,
  sellerApplied,
  sellerApproved,
  sellerRejected,
} from '@bloom/schema';
import type { MailCopy, NoticeCopy } from './notice-copy.types.js';

/** Copy for identity's events, by event. */
export const IDENTITY_COPY = {
  verificationMail: (p: PayloadOf<typeof emailVerificationRequested>): MailCopy => ({
    subject: '[Blooming Blooms] 이메일 인증 코드',
    text: `${p.name}님, 이메일 인증 코드를 알려 드려요: ${p.code}\n${formatKoreanDateTime(new Date(p.expiresAt))}까지 입력해 주세요.`,
  }),
  sellerApplied: (p: PayloadOf<typeof sellerApplied>): NoticeCopy => ({
    title: p.resubmission ? '판매자 재신청' : '새 판매자 신청',
    body: `${withParticle(p.businessName, '이/가')} 판매자 입점을 ${p.resubmission ? '다시 ' : ''}신청했어요 (${p.name}, ${p.email}).`,
  }),
  sellerApproved: (p: PayloadOf<typeof sellerApproved>): NoticeCopy => ({
    title: '판매자 신청이 승인됐어요',
    body: `이제 ${p.businessName} 매장을 열 수 있어요. 판매자 기능을 쓰려면 다시 로그인해 주세요.`,
  }),
  sellerRejected: (p: PayloadOf<typeof sellerRejected>): NoticeCopy => ({
    title: '판매자 신청이 반려됐어요',
    body: `내용을 고쳐 다시 신청할 수 있어요. (사유: ${p.reason})`,
  }),
};
