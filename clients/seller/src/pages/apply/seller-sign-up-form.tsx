import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  errorText,
  UserErrorNotice,
  useSessionStore,
  type TypedError,
  businessNumberState,
} from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  SIGN_UP_SELLER,
  type SellerSignUpInput,
  type SignUpSellerResult,
} from './apply.operations.js';
import { applyError, blamedField } from './apply-messages.js';
import { BusinessFields, type BusinessValues } from './business-fields.js';

/** The server's rule, checked here too so the florist learns it before sending. */
const strongEnough = (password: string) =>
  password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);

/** Signed out: a new account that applies to sell; the page then shows the waiting state. */
export function SellerSignUpForm() {
  const sessions = useSessionStore();
  const client = useApolloClient();
  const [account, setAccount] = useState({ name: '', email: '', password: '', phone: '' });
  const [business, setBusiness] = useState<BusinessValues>({
    businessName: '',
    businessRegistrationNumber: '',
  });
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [signUp, { loading }] = useMutation<
    { signUpSeller: SignUpSellerResult },
    { input: SellerSignUpInput }
  >(SIGN_UP_SELLER);

  const error = applyError(problem);
  const blamed = blamedField(problem);
  const set = (key: keyof typeof account) => (event: { target: { value: string } }) =>
    setAccount((a) => ({ ...a, [key]: event.target.value }));
  const numberOk = businessNumberState(business.businessRegistrationNumber) === 'valid';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!strongEnough(account.password)) {
      setProblem({ code: 'WEAK_PASSWORD', message: '', field: 'password' });
      return;
    }
    const input: SellerSignUpInput = {
      name: account.name.trim(),
      email: account.email.trim(),
      password: account.password,
      ...(account.phone.trim() ? { phone: account.phone.trim() } : {}),
      businessName: business.businessName.trim(),
      businessRegistrationNumber: business.businessRegistrationNumber,
    };
    try {
      const result = (await signUp({ variables: { input } })).data?.signUpSeller;
      if (!result) return;
      if (result.__typename !== 'AuthPayload') {
        setProblem(result);
        return;
      }
      await client.clearStore();
      sessions.signIn(result);
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `신청하지 못했어요. 연결을 확인해 주세요. (${errorText(failure)})`,
      });
    }
  };

  const under = (field: string) => blamed === field && <UserErrorNotice error={error} />;

  return (
    <form className="apply-form card stack" onSubmit={(event) => void submit(event)} noValidate>
      <h1>판매자로 가입하기</h1>
      <p className="muted">
        꽃집 정보를 보내 주시면 운영팀이 확인한 뒤 승인해 드려요. 승인되면 바로 매장을 열 수 있어요.
      </p>
      <fieldset className="stack">
        <legend>대표자 계정</legend>
        <label className="field">
          이름
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={50}
            value={account.name}
            onChange={set('name')}
            aria-invalid={blamed === 'name' || undefined}
          />
        </label>
        {under('name')}
        <label className="field">
          이메일
          <input
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            required
            value={account.email}
            onChange={set('email')}
            aria-invalid={blamed === 'email' || undefined}
          />
        </label>
        {under('email')}
        {problem?.code === 'EMAIL_TAKEN' && (
          <Link className="button secondary" to="/sign-in?next=%2Fapply">
            그 계정으로 로그인하기
          </Link>
        )}
        <label className="field">
          비밀번호
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={account.password}
            onChange={set('password')}
            aria-invalid={blamed === 'password' || undefined}
          />
          <span className="muted small">8자 이상, 영문과 숫자를 함께 써 주세요.</span>
        </label>
        {under('password')}
        <label className="field">
          휴대폰 번호 (선택)
          <input
            type="tel"
            name="phone"
            autoComplete="tel"
            inputMode="tel"
            placeholder="010-1234-5678"
            value={account.phone}
            onChange={set('phone')}
            aria-invalid={blamed === 'phone' || undefined}
          />
        </label>
        {under('phone')}
      </fieldset>
      <fieldset className="stack">
        <legend>사업자 정보</legend>
        <BusinessFields values={business} onChange={setBusiness} error={error} blamed={blamed} />
      </fieldset>
      {![
        'name',
        'email',
        'password',
        'phone',
        'businessName',
        'businessRegistrationNumber',
      ].includes(blamed ?? '') && <UserErrorNotice error={error} />}
      <button
        type="submit"
        className="button block"
        disabled={
          loading ||
          !account.name.trim() ||
          !account.email.trim() ||
          !account.password ||
          !business.businessName.trim() ||
          !numberOk
        }
      >
        {loading ? '보내는 중…' : '가입하고 판매 신청하기'}
      </button>
      <p className="center small">
        이미 계정이 있나요? <Link to="/sign-in?next=%2Fapply">로그인</Link>
      </p>
    </form>
  );
}
