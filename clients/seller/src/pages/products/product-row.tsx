import { useMutation } from '@apollo/client/react';
import { Icon, type TypedError, UserErrorNotice, formatWon } from '@bloom/client-shared';
import { useState } from 'react';
import {
  DELETE_PRODUCT,
  type ProductResult,
  SET_PRODUCT_STATUS,
  STATUS_LABEL,
  type SaleStatus,
  type SellerProduct,
} from './products.operations.js';
import { productMessage } from './products-messages.js';

const CHOICES = ['ON_SALE', 'SOLD_OUT', 'DISCONTINUED'] as const satisfies readonly SaleStatus[];

/** One product: status in one tap, edit, and delete behind a second confirmation. */
export function ProductRow({
  product,
  flowerName,
  categoryName,
  onEdit,
  onDeleted,
}: {
  product: SellerProduct;
  flowerName: (id: number) => string;
  categoryName: (key: string | null) => string;
  onEdit: () => void;
  onDeleted: (name: string) => void;
}) {
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [setStatus, statusState] = useMutation<
    { setProductStatus: ProductResult },
    { id: string; status: SaleStatus }
  >(SET_PRODUCT_STATUS, { refetchQueries: ['SellerProducts'] });
  const [remove, removeState] = useMutation<
    { deleteProduct: { __typename: string } & Partial<TypedError> },
    { id: string }
  >(DELETE_PRODUCT, { refetchQueries: ['SellerProducts'], awaitRefetchQueries: true });

  const changeStatus = async (status: SaleStatus) => {
    setProblem(null);
    try {
      const result = (await setStatus({ variables: { id: product.id, status } })).data
        ?.setProductStatus;
      if (result && result.__typename !== 'Product') setProblem(result);
    } catch {
      setProblem({ code: 'NETWORK', message: '바꾸지 못했어요. 다시 눌러 주세요.' });
    }
  };
  const confirmDelete = async () => {
    setProblem(null);
    try {
      const result = (await remove({ variables: { id: product.id } })).data?.deleteProduct;
      if (result?.__typename === 'Product') onDeleted(product.name);
      else if (result?.code) setProblem({ code: result.code, message: result.message ?? '' });
    } catch {
      setProblem({ code: 'NETWORK', message: '삭제하지 못했어요. 다시 눌러 주세요.' });
    }
  };

  const photo = product.images[0];
  const unavailable = product.saleStatus === 'ON_SALE' && product.availableQuantity === 0;
  return (
    <li
      className={`prd-row card status-${product.saleStatus.toLowerCase()}`}
      data-product={product.id}
    >
      <div className="prd-thumb" aria-hidden>
        {photo ? <img src={photo.url} alt="" /> : <Icon name="flower" size={32} />}
      </div>
      <div className="prd-info">
        <strong className="prd-name">{product.name}</strong>
        <span className="muted small">
          {product.isSubscription ? '정기구독' : categoryName(product.category)} ·{' '}
          {formatWon(product.price)}
        </span>
        <span className="muted small prd-recipe-text">
          {product.recipe.map((l) => `${flowerName(l.flowerId)} ${l.count}`).join(' · ')}
        </span>
        <span className={`small prd-availability${unavailable ? ' bad' : ''}`}>
          {product.saleStatus !== 'ON_SALE'
            ? '지금은 주문을 받지 않아요'
            : unavailable
              ? '꽃이 모자라 지금 주문할 수 없어요'
              : `지금 재고로 ${product.availableQuantity.toLocaleString('ko-KR')}개 만들 수 있어요`}
        </span>
      </div>
      <div className="prd-actions">
        <div className="prd-status" role="group" aria-label={`${product.name} 판매 상태`}>
          {CHOICES.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={product.saleStatus === status}
              className={product.saleStatus === status ? 'chip active' : 'chip'}
              disabled={statusState.loading}
              onClick={() => product.saleStatus !== status && void changeStatus(status)}
            >
              {STATUS_LABEL[status]}
            </button>
          ))}
        </div>
        {confirming ? (
          <div className="prd-confirm" role="alertdialog" aria-label="삭제 확인">
            <span className="small">삭제하면 되돌릴 수 없어요.</span>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              그만두기
            </button>
            <button
              type="button"
              className="button danger"
              disabled={removeState.loading}
              onClick={() => void confirmDelete()}
            >
              {removeState.loading ? '삭제 중…' : '삭제'}
            </button>
          </div>
        ) : (
          <div className="prd-buttons">
            <button type="button" className="button secondary" onClick={onEdit}>
              수정
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
              삭제
            </button>
          </div>
        )}
      </div>
      <UserErrorNotice
        error={
          problem && {
            ...problem,
            message: problem.code === 'NETWORK' ? problem.message : productMessage(problem),
          }
        }
      />
    </li>
  );
}
