import { gql } from '@apollo/client';
import { LOG_IN_RESULT, SignInForm, useSignIn } from '@bloom/client-shared';
import { Navigate } from 'react-router';

const ADMIN_LOG_IN = gql`
  mutation AdminLogIn($input: LogInInput!) {
    logIn(input: $input) {
      ...LogInResultFields
    }
  }
  ${LOG_IN_RESULT}
`;

/** Anyone may sign in here; the console itself then refuses whoever is not an admin. */
export function Page() {
  const { signedIn, next, problem, loading, submit } = useSignIn(ADMIN_LOG_IN);
  if (signedIn) return <Navigate to={next} replace />;
  return (
    <main className="admin-auth">
      <SignInForm
        className="card stack admin-auth-form"
        intro="운영자 계정으로 로그인해 주세요."
        problem={problem}
        loading={loading}
        onSubmit={(input) => void submit(input)}
        before={
          <div className="admin-auth-brand">
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span>Blooming Blooms 운영센터</span>
          </div>
        }
      />
    </main>
  );
}
