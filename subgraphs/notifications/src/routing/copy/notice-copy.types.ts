// Notices are written in Korean, the users' first language (SPEC: Korean first). The copy
// tables hold the words only; which event becomes which notice, for whom, stays in the routes.

/** The words of one notice: its inbox title and body (SMS and mail reuse them). */
export interface NoticeCopy {
  title: string;
  body: string;
}

/** The words of one e-mail. */
export interface MailCopy {
  subject: string;
  text: string;
}
