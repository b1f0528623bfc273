import { type FormEvent, type ReactNode, useState } from 'react';
import { inKorean, type TypedError } from './messages.js';
import { UserErrorNotice } from './status.js';

/**
 * Where to go after signing in. Only a path of this app: `next` comes from the URL, and an
 * address like `//elsewhere` would leave the site; the sign-in and sign-up pages lead home.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/sign-(in|up)(\?|$)/.test(next)) return '/';
  return next;
}

export interface Credentials {
  email: string;
  password: string;
}

/**
 * The e-mail and password form every client signs in with: the heading and a line of
 * intro, the two fields, the error (in Korean) above the button, and what the client puts
 * under it (a link to sign up or apply). `onSubmit` gets the trimmed e-mail.
 */
export function SignInForm({
  intro,
  problem,
  loading,
  onSubmit,
  className = 'stack',
  before,
  after,
}: {
  intro: string;
  problem: TypedError | null;
  loading: boolean;
  onSubmit: (credentials: Credentials) => void;
  className?: string;
  /** Above the heading (a brand line). */
  before?: ReactNode;
  /** Under the button (links). */
  after?: ReactNode;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ email: email.trim(), password });
  };
  return (
    <form className={className} onSubmit={submit} noValidate>
      {before}
      <h1>로그인</h1>
      <p className="muted small">{intro}</p>
      <label className="field">
        이메일
        <input
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="field">
        비밀번호
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <UserErrorNotice error={inKorean(problem)} />
      <button type="submit" className="button block" disabled={loading || !email || !password}>
        {loading ? '로그인 중…' : '로그인'}
      </button>
      {after}
    </form>
  );
}
