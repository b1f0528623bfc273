import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Empty,
  ErrorNotice,
  errorText,
  formatInstant,
  Icon,
  Loading,
  SignInRequired,
  useSession,
  useToast,
} from '@bloom/client-shared';
import { type ReviewField, type ReviewProblem, reviewProblem } from './review-errors.js';
import { useReviewPhotos } from './review-photos.hook.js';
import { ReviewPhotos } from './review-photos.js';
import {
  CREATE_REVIEW,
  type CreateReviewResult,
  type CreateReviewVars,
  REVIEW_LIMITS,
  REVIEWABLE_LINES,
  type ReviewableLine,
  type ReviewableLinesData,
  reviewTextLength,
} from './review.operations.js';
import { StarRating } from './star-rating.js';
import './review.css';

/** Writes the review of one completed order line (`/reviews/new/:orderLineId`). */
export function Page() {
  const session = useSession();
  const { orderLineId = '' } = useParams();
  if (!session) return <SignInRequired what="리뷰 쓰기" />;
  return <ReviewNew key={orderLineId} orderLineId={orderLineId} />;
}

function ReviewNew({ orderLineId }: { orderLineId: string }) {
  const lines = useQuery<ReviewableLinesData>(REVIEWABLE_LINES, {
    variables: {},
    fetchPolicy: 'cache-and-network',
  });
  if (lines.loading && !lines.data) return <Loading />;
  if (!lines.data) return <ErrorNotice error={lines.error} retry={() => void lines.refetch()} />;
  const line = lines.data.reviewableOrderLines.find((l) => l.orderLineId === orderLineId);
  if (!line) {
    return (
      <Empty>
        <p>이 주문 상품은 이미 리뷰를 남겼거나, 아직 리뷰를 쓸 수 없어요.</p>
        <p className="muted small">리뷰는 꽃을 받은 뒤(배송 완료·픽업 완료) 한 번 쓸 수 있어요.</p>
        <Link className="button" to="/orders">
          주문 내역 보기
        </Link>
      </Empty>
    );
  }
  return <ReviewForm line={line} />;
}

function ReviewForm({ line }: { line: ReviewableLine }) {
  const navigate = useNavigate();
  const toast = useToast();
  const photos = useReviewPhotos();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ReviewProblem[]>([]);
  const [create, creating] = useMutation<{ createReview: CreateReviewResult }, CreateReviewVars>(
    CREATE_REVIEW,
  );
  const productName = line.product?.name ?? '주문한 꽃';
  const length = reviewTextLength(text);
  const problemOf = (field: ReviewField) => problems.find((p) => p.field === field) ?? null;

  /** Every problem at once, each next to its field. */
  const check = (): ReviewProblem[] => {
    const found: ReviewProblem[] = [];
    if (rating < 1) found.push({ field: 'rating', message: '별점을 골라 주세요.' });
    if (length === 0) {
      found.push({ field: 'text', message: '꽃은 어떠셨는지 한 줄이라도 적어 주세요.' });
    } else if (length > REVIEW_LIMITS.text) {
      found.push({
        field: 'text',
        message: `리뷰는 ${REVIEW_LIMITS.text.toLocaleString('ko-KR')}자까지 쓸 수 있어요. ${(length - REVIEW_LIMITS.text).toLocaleString('ko-KR')}자를 줄여 주세요.`,
      });
    }
    if (photos.uploading) {
      found.push({ field: 'photos', message: '사진을 올리는 중이에요. 끝나면 등록해 주세요.' });
    } else if (photos.failed) {
      found.push({
        field: 'photos',
        message: '올리지 못한 사진이 있어요. 다시 올리거나 빼 주세요.',
      });
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    try {
      const { data } = await create({
        variables: {
          input: { orderLineId: line.orderLineId, rating, text: text.trim(), photos: photos.keys },
        },
        update: (cache, { data: written }) => {
          if (written?.createReview.__typename !== 'Review') return;
          // The product's review lists and the lines still to review are stale now.
          cache.evict({
            id: cache.identify({ __typename: 'Product', id: line.productId }),
            fieldName: 'reviews',
          });
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'reviewableOrderLines' });
          cache.gc();
        },
      });
      const result = data?.createReview;
      if (!result) return;
      if (result.__typename === 'Review') {
        toast({
          title: '리뷰를 남겼어요',
          body: `${productName} 리뷰가 상품 페이지에 올라갔어요.`,
        });
        void navigate(`/products/${line.productId}#reviews`);
        return;
      }
      setProblems([reviewProblem(result)]);
    } catch (failure) {
      setProblems([{ field: 'form', message: `리뷰를 등록하지 못했어요. ${errorText(failure)}` }]);
    }
  };

  const ratingError = problemOf('rating');
  const textError = problemOf('text');
  const formError = problemOf('form');
  return (
    <form className="review-page stack" onSubmit={(event) => void submit(event)} noValidate>
      <title>{`리뷰 쓰기 · ${productName} · Blooming Blooms`}</title>
      <h1>리뷰 쓰기</h1>
      <div className="card review-product">
        <span className="review-product-thumb">
          {line.product?.images[0] ? (
            <img src={line.product.images[0].url} alt="" />
          ) : (
            <Icon name="flower" />
          )}
        </span>
        <div>
          <strong>{productName}</strong>
          <p className="muted small">{formatInstant(line.completedAt)} 받음</p>
        </div>
      </div>

      <section className="card stack">
        <StarRating
          value={rating}
          onChange={(n) => {
            setRating(n);
            setProblems((all) => all.filter((p) => p.field !== 'rating'));
          }}
          {...(ratingError ? { errorId: 'review-rating-error' } : {})}
        />
        {ratingError && (
          <p id="review-rating-error" className="field-error" role="alert">
            {ratingError.message}
          </p>
        )}
      </section>

      <section className="card stack">
        <label className="field">
          리뷰 내용
          <textarea
            name="text"
            rows={6}
            value={text}
            placeholder="꽃의 상태, 향기, 포장, 받는 분의 반응을 들려주세요."
            aria-invalid={textError ? true : undefined}
            aria-describedby={
              textError ? 'review-text-count review-text-error' : 'review-text-count'
            }
            onChange={(event) => {
              setText(event.target.value);
              setProblems((all) => all.filter((p) => p.field !== 'text'));
            }}
          />
        </label>
        <p
          id="review-text-count"
          className={`small field-count${length > REVIEW_LIMITS.text ? ' review-over' : ' muted'}`}
        >
          {length.toLocaleString('ko-KR')} / {REVIEW_LIMITS.text.toLocaleString('ko-KR')}자
        </p>
        {textError && (
          <p id="review-text-error" className="field-error" role="alert">
            {textError.message}
          </p>
        )}
      </section>

      <section className="card">
        <ReviewPhotos state={photos} error={problemOf('photos')?.message ?? null} />
      </section>

      {formError && (
        <div className="notice error" role="alert">
          <p>{formError.message}</p>
          {formError.reviewed && (
            <Link to={`/products/${line.productId}#reviews`}>상품 리뷰 보러 가기</Link>
          )}
        </div>
      )}
      <button
        type="submit"
        className="button block"
        disabled={creating.loading || formError?.reviewed === true}
      >
        {creating.loading ? '등록하는 중…' : photos.uploading ? '사진 올리는 중…' : '리뷰 등록하기'}
      </button>
      <p className="muted small center">
        리뷰는 상품 페이지에 이름 첫 글자만 보이게 올라가요. 주문 상품마다 한 번 쓸 수 있어요.
      </p>
    </form>
  );
}
