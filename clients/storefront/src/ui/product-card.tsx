import { gql } from '@apollo/client';
import { Link } from 'react-router';
import { formatWon } from '@bloom/client-shared';

/** The fields a product card shows; spread `...ProductCard` into list queries. */
export const PRODUCT_CARD = gql`
  fragment ProductCard on Product {
    id
    name
    summary
    price
    saleStatus
    isSubscription
    ratingAverage
    ratingCount
    images {
      url
    }
    store {
      id
      name
    }
  }
`;

export interface ProductCardData {
  id: string;
  name: string;
  summary: string;
  price: number;
  saleStatus: string;
  isSubscription: boolean;
  ratingAverage: number;
  ratingCount: number;
  images: { url: string }[];
  store: { id: string; name: string };
}

export function ProductCard({ product }: { product: ProductCardData }) {
  const soldOut = product.saleStatus === 'SOLD_OUT';
  return (
    <Link to={`/products/${product.id}`} className={`product-card${soldOut ? ' sold-out' : ''}`}>
      <div className="thumb">
        {product.images[0] ? (
          <img src={product.images[0].url} alt="" loading="lazy" />
        ) : (
          <img src="/favicon.svg" alt="" className="placeholder" />
        )}
        {soldOut && <span className="ribbon">품절</span>}
        {product.isSubscription && <span className="ribbon subscription">정기구독</span>}
      </div>
      <div className="info">
        <span className="store-name">{product.store.name}</span>
        <strong className="name">{product.name}</strong>
        <span className="price">{formatWon(product.price)}</span>
        {product.ratingCount > 0 && (
          <span className="rating" aria-label={`평점 ${product.ratingAverage.toFixed(1)}`}>
            ★ {product.ratingAverage.toFixed(1)} ({product.ratingCount})
          </span>
        )}
      </div>
    </Link>
  );
}

export function ProductGrid({ products }: { products: ProductCardData[] }) {
  return (
    <div className="product-grid">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </div>
  );
}
