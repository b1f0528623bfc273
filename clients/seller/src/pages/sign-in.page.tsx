import { gql } from '@apollo/client';
import { LOG_IN_RESULT, SignInForm, useSignIn } from '@bloom/client-shared';
import { Link, Navigate } from 'react-router';

const SELLER_LOG_IN = gql`
  mutation SellerLogIn($input: LogInInput!) {
    logIn(input: $input) {
      ...LogInResultFields
    }
  }
  ${LOG_IN_RESULT}
`;

export function Page() {
  const { signedIn, next, problem, loading, submit } = useSignIn(SELLER_LOG_IN);
  if (signedIn) return <Navigate to={next} replace />;
  return (
    <main className="seller-auth">
      <SignInForm
        className="card stack seller-auth-form"
        intro="오늘 들어온 주문과 재고를 확인하려면 로그인해 주세요."
        problem={problem}
        loading={loading}
        onSubmit={(input) => void submit(input)}
        before={
          <div className="seller-auth-brand">
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span>Blooming Blooms 판매자센터</span>
          </div>
        }
        after={
          <p className="muted small center">
            아직 판매자가 아니신가요? <Link to="/apply">판매자 신청</Link>
          </p>
        }
      />
    </main>
  );
}
