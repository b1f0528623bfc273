import { useMutation } from '@apollo/client/react';
import {
  errorText,
  UserErrorNotice,
  type TypedError,
  businessNumberState,
} from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import { APPLY_FOR_SELLER, type ApplyForSellerResult } from './apply.operations.js';
import { applyError, blamedField } from './apply-messages.js';
import { BusinessFields, type BusinessValues } from './business-fields.js';

/** Signed in without a seller profile (or rejected): apply with the business details. */
export function ApplyForm({ initial, again }: { initial?: BusinessValues; again?: boolean }) {
  const [business, setBusiness] = useState<BusinessValues>(
    initial ?? { businessName: '', businessRegistrationNumber: '' },
  );
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [apply, { loading }] = useMutation<
    { applyForSeller: ApplyForSellerResult },
    { input: BusinessValues }
  >(APPLY_FOR_SELLER);
  const error = applyError(problem);
  const blamed = blamedField(problem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const result = (
        await apply({
          variables: {
            input: {
              businessName: business.businessName.trim(),
              businessRegistrationNumber: business.businessRegistrationNumber,
            },
          },
        })
      ).data?.applyForSeller;
      // A User result updates `me` in the cache: the page turns to the waiting state.
      if (result && result.__typename !== 'User') setProblem(result);
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `신청하지 못했어요. 연결을 확인해 주세요. (${errorText(failure)})`,
      });
    }
  };

  return (
    <form className="apply-form card stack" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{again ? '다시 신청하기' : '판매자 신청'}</h2>
      {!again && (
        <p className="muted">사업자 정보를 보내 주시면 운영팀이 확인한 뒤 승인해 드려요.</p>
      )}
      <BusinessFields values={business} onChange={setBusiness} error={error} blamed={blamed} />
      {!['businessName', 'businessRegistrationNumber'].includes(blamed ?? '') && (
        <UserErrorNotice error={error} />
      )}
      <button
        type="submit"
        className="button block"
        disabled={
          loading ||
          !business.businessName.trim() ||
          businessNumberState(business.businessRegistrationNumber) !== 'valid'
        }
      >
        {loading ? '보내는 중…' : again ? '다시 신청하기' : '판매 신청하기'}
      </button>
    </form>
  );
}
