import { SignInForm, useSignIn } from '@bloom/client-shared';
import { Navigate } from 'react-router';

/** Anyone may sign in here; the console itself then refuses whoever is not an admin. */
export function Page() {
  const { signedIn, next, problem, loading, submit } = useSignIn('AdminLogIn');
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
