import type { PayloadOf } from '@bloom/kernel';
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
    subject: 'Blooming Blooms e-mail verification code',
    text: `${p.name}, your verification code is ${p.code}. It expires at ${p.expiresAt}.`,
  }),
  sellerApplied: (p: PayloadOf<typeof sellerApplied>): NoticeCopy => ({
    title: p.resubmission ? '판매자 재신청' : '새 판매자 신청',
    body: `${p.businessName}(${p.name}, ${p.email})에서 판매자 입점을 신청했습니다.`,
  }),
  sellerApproved: (p: PayloadOf<typeof sellerApproved>): NoticeCopy => ({
    title: '판매자 신청이 승인되었습니다',
    body: `이제 ${p.businessName} 매장을 열 수 있습니다. 판매자 기능을 쓰려면 다시 로그인해 주세요.`,
  }),
  sellerRejected: (p: PayloadOf<typeof sellerRejected>): NoticeCopy => ({
    title: '판매자 신청이 반려되었습니다',
    body: p.reason,
  }),
};
