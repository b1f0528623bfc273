import { gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { AUTH_PAYLOAD, type AuthResult, useAuthForm } from '../ui/account-auth.js';
import { AlreadySignedIn } from '../ui/account-required.js';
import { fieldName, inKorean, INVALID_INPUT, UserErrorNotice } from '@bloom/client-shared';

const SIGN_UP = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ...AuthPayloadFields
      ... on EmailTakenError {
        code
        message
      }
      ... on SignupBlockedError {
        code
        message
      }
      ...InvalidInputFields
      ... on SignupBlockedError {
        until
      }
    }
  }
  ${AUTH_PAYLOAD}
  ${INVALID_INPUT}
`;

interface SignUpInput {
  name: string;
  email: string;
  password: string;
  phone?: string;
}

/** The server's rule, checked here too so the shopper learns it before sending. */
const strongEnough = (password: string) =>
  password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);

export function Page() {
  const { session, next, problem, setProblem, authenticate } = useAuthForm('가입하지 못했어요.');
  const [form, setForm] = useState({ name: '', email: '', password: '', phone: '' });
  const [signUp, { loading }] = useMutation<{ signUp: AuthResult }, { input: SignUpInput }>(
    SIGN_UP,
  );
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  const blamed = (name: string) => fieldName(problem?.field) === name || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!strongEnough(form.password)) {
      setProblem({ code: 'WEAK_PASSWORD', message: '', field: 'password' });
      return;
    }
    const input: SignUpInput = {
      name: form.name.trim(),
      email: form.email.trim(),
      password: form.password,
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    };
    void authenticate(async () => (await signUp({ variables: { input } })).data?.signUp);
  };

  if (session) return <AlreadySignedIn name={session.user.name} next={next} />;

  return (
    <form className="account-form stack" onSubmit={submit} noValidate>
      <h1>회원가입</h1>
      <label className="field">
        이름
        <input
          name="name"
          autoComplete="name"
          required
          maxLength={50}
          value={form.name}
          onChange={set('name')}
          aria-invalid={blamed('name')}
        />
      </label>
      <label className="field">
        이메일
        <input
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          required
          value={form.email}
          onChange={set('email')}
          aria-invalid={blamed('email') ?? (problem?.code === 'EMAIL_TAKEN' || undefined)}
        />
      </label>
      <label className="field">
        비밀번호
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={form.password}
          onChange={set('password')}
          aria-invalid={blamed('password')}
          aria-describedby="password-rule"
        />
        <span id="password-rule" className="muted small">
          8자 이상, 영문과 숫자를 함께 써 주세요.
        </span>
      </label>
      <label className="field">
        휴대폰 번호 (선택)
        <input
          type="tel"
          name="phone"
          autoComplete="tel"
          inputMode="tel"
          placeholder="010-1234-5678"
          value={form.phone}
          onChange={set('phone')}
          aria-invalid={blamed('phone')}
          aria-describedby="phone-why"
        />
        <span id="phone-why" className="muted small">
          주문 결과와 배송 출발을 문자로 알려 드려요.
        </span>
      </label>
      <UserErrorNotice error={inKorean(problem)} />
      {problem?.code === 'EMAIL_TAKEN' && (
        <Link className="button secondary block" to={`/sign-in?next=${encodeURIComponent(next)}`}>
          로그인하러 가기
        </Link>
      )}
      <button
        type="submit"
        className="button block"
        disabled={loading || !form.name || !form.email || !form.password}
      >
        {loading ? '가입 중…' : '가입하고 시작하기'}
      </button>
      <p className="center small">
        이미 계정이 있나요? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>로그인</Link>
      </p>
    </form>
  );
}
