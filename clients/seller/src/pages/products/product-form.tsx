import { useMutation, useQuery } from '@apollo/client/react';
import {
  ErrorNotice,
  Loading,
  type TypedError,
  UserErrorNotice,
  fieldName,
  useImageUpload,
} from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import {
  CREATE_PRODUCT,
  type CatalogData,
  PRODUCT_CATALOG,
  type ProductImage,
  type ProductInput,
  type ProductResult,
  type RecipeLine,
  type SellerProduct,
  UPDATE_PRODUCT,
} from './products.operations.js';
import { productMessage } from './products-messages.js';
import { RecipeEditor } from './recipe-editor.js';

const MAX_TAGS = 7;
const MAX_IMAGES = 10;

interface Draft {
  name: string;
  summary: string;
  description: string;
  price: string;
  category: string;
  tags: string[];
  recipe: RecipeLine[];
  images: ProductImage[];
  isSubscription: boolean;
}

const draftOf = (p: SellerProduct | null): Draft => ({
  name: p?.name ?? '',
  summary: p?.summary ?? '',
  description: p?.description ?? '',
  price: p ? String(p.price) : '',
  category: p?.category ?? '',
  tags: p?.tags ?? [],
  recipe:
    p?.recipe.map(({ flowerId, count, representative }) => ({ flowerId, count, representative })) ??
    [],
  images: p?.images.map(({ key, url }) => ({ key, url })) ?? [],
  isSubscription: p?.isSubscription ?? false,
});

/** Checked here first so the florist hears about it before sending; the server has the last word. */
function localProblem(d: Draft): TypedError | null {
  const blame = (field: string, code = 'INVALID_INPUT') => ({ code, field, message: '' });
  if (!d.name.trim()) return blame('name');
  if (!d.summary.trim()) return blame('summary');
  const price = Number(d.price);
  if (!Number.isInteger(price) || price < 100 || price > 10_000_000)
    return blame('price', 'INVALID_PRICE');
  if (!d.isSubscription && !d.category) return blame('category', 'CATEGORY_REQUIRED');
  if (d.recipe.length === 0 || d.recipe.some((l) => l.count < 1 || l.count > 999)) {
    return blame('recipe', 'INVALID_RECIPE');
  }
  return null;
}

/** Create or edit a product: words, price, kind, tags, recipe and photos. */
export function ProductForm({
  product,
  onSaved,
  onCancel,
}: {
  product: SellerProduct | null;
  onSaved: (product: SellerProduct, created: boolean) => void;
  onCancel: () => void;
}) {
  const catalog = useQuery<CatalogData>(PRODUCT_CATALOG);
  const [draft, setDraft] = useState<Draft>(() => draftOf(product));
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [failure, setFailure] = useState(false);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const { upload, uploading } = useImageUpload();
  const options = { refetchQueries: ['SellerProducts'] };
  const [create, created] = useMutation<{ createProduct: ProductResult }, { input: ProductInput }>(
    CREATE_PRODUCT,
    options,
  );
  const [update, updated] = useMutation<
    { updateProduct: ProductResult },
    { id: string; input: ProductInput }
  >(UPDATE_PRODUCT, options);
  const saving = created.loading || updated.loading;

  if (catalog.loading && !catalog.data) return <Loading />;
  if (!catalog.data) {
    return <ErrorNotice error={catalog.error} retry={() => void catalog.refetch()} />;
  }
  const flowers = catalog.data.flowers.map((f) => ({ id: f.id, name: f.name.ko }));

  const set =
    (key: 'name' | 'summary' | 'description' | 'price') =>
    (event: { target: { value: string } }) => {
      // Typing in the field at fault takes its complaint away.
      if (fieldName(problem?.field) === key) setProblem(null);
      setDraft((d) => ({
        ...d,
        [key]: key === 'price' ? event.target.value.replace(/\D/g, '') : event.target.value,
      }));
    };
  const blamed = fieldName(problem?.field);
  const errorFor = (field: string) =>
    blamed === field && problem ? (
      <UserErrorNotice error={{ ...problem, message: productMessage(problem) }} />
    ) : null;
  const invalid = (field: string) => blamed === field || undefined;

  const addPhotos = async (files: FileList | null) => {
    setPhotoProblem(null);
    const room = MAX_IMAGES - draft.images.length;
    for (const file of [...(files ?? [])].slice(0, room)) {
      const result = await upload(file);
      if (typeof result === 'string') setPhotoProblem(result);
      else setDraft((d) => ({ ...d, images: [...d.images, result] }));
    }
  };
  const moveImage = (index: number, by: number) =>
    setDraft((d) => {
      const images = [...d.images];
      const [image] = images.splice(index, 1);
      if (image) images.splice(index + by, 0, image);
      return { ...d, images };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(false);
    const local = localProblem(draft);
    setProblem(local);
    if (local) return;
    const input: ProductInput = {
      name: draft.name.trim(),
      summary: draft.summary.trim(),
      description: draft.description.trim(),
      images: draft.images.map((i) => i.key),
      price: Number(draft.price),
      recipe: draft.recipe,
      ...(draft.isSubscription ? {} : { category: draft.category, tags: draft.tags }),
      ...(product ? {} : { isSubscription: draft.isSubscription }),
    };
    try {
      const result = product
        ? (await update({ variables: { id: product.id, input } })).data?.updateProduct
        : (await create({ variables: { input } })).data?.createProduct;
      if (result?.__typename === 'Product') onSaved(result, !product);
      else if (result) setProblem(result);
    } catch {
      setFailure(true);
    }
  };

  return (
    <form className="prd-form card stack" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{product ? '상품 수정' : '새 상품'}</h1>
      <label className="field">
        상품명
        <input
          name="name"
          maxLength={100}
          value={draft.name}
          onChange={set('name')}
          aria-invalid={invalid('name')}
        />
      </label>
      {errorFor('name')}
      <label className="field">
        한 줄 소개
        <input
          name="summary"
          maxLength={200}
          placeholder="목록에 보이는 한 줄이에요"
          value={draft.summary}
          onChange={set('summary')}
          aria-invalid={invalid('summary')}
        />
      </label>
      {errorFor('summary')}
      <label className="field">
        가격 (원)
        <input
          name="price"
          inputMode="numeric"
          placeholder="39000"
          value={draft.price}
          onChange={set('price')}
          aria-invalid={invalid('price')}
        />
      </label>
      {errorFor('price')}
      {product ? (
        draft.isSubscription && (
          <p className="notice prd-subscription-note">
            정기구독 상품이에요. 손님이 정기배송으로 신청하는 상품이라 종류와 태그는 없어요.
          </p>
        )
      ) : (
        <label className="prd-subscription">
          <input
            type="checkbox"
            name="isSubscription"
            checked={draft.isSubscription}
            onChange={(e) => setDraft((d) => ({ ...d, isSubscription: e.target.checked }))}
          />
          <span>
            <strong>정기구독 상품으로 만들기</strong>
            <span className="muted small">
              손님이 주기마다 받아 보는 꽃이에요. 꽃집마다 하나만 만들 수 있고, 나중에 바꿀 수
              없어요.
            </span>
          </span>
        </label>
      )}
      {errorFor('isSubscription')}
      {!draft.isSubscription && (
        <>
          <fieldset className="prd-choice" aria-invalid={invalid('category')}>
            <legend>종류</legend>
            <div className="chips">
              {catalog.data.categories.map((c) => (
                <button
                  key={c.key}
                  type="button"
                  aria-pressed={draft.category === c.key}
                  className={draft.category === c.key ? 'chip active' : 'chip'}
                  onClick={() => setDraft((d) => ({ ...d, category: c.key }))}
                >
                  {c.name.ko}
                </button>
              ))}
            </div>
          </fieldset>
          {errorFor('category')}
          <fieldset className="prd-choice">
            <legend>
              태그{' '}
              <span className="muted small">
                ({draft.tags.length}/{MAX_TAGS})
              </span>
            </legend>
            <div className="chips">
              {catalog.data.tags.map((t) => {
                const on = draft.tags.includes(t.key);
                return (
                  <button
                    key={t.key}
                    type="button"
                    aria-pressed={on}
                    disabled={!on && draft.tags.length >= MAX_TAGS}
                    className={on ? 'chip active' : 'chip'}
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        tags: on ? d.tags.filter((k) => k !== t.key) : [...d.tags, t.key],
                      }))
                    }
                  >
                    {t.name.ko}
                  </button>
                );
              })}
            </div>
          </fieldset>
          {errorFor('tags')}
        </>
      )}
      <RecipeEditor
        recipe={draft.recipe}
        flowers={flowers}
        invalid={blamed === 'recipe'}
        onChange={(recipe) => setDraft((d) => ({ ...d, recipe }))}
      />
      {errorFor('recipe')}
      <fieldset className="prd-photos">
        <legend>
          사진{' '}
          <span className="muted small">
            ({draft.images.length}/{MAX_IMAGES}, 첫 사진이 대표)
          </span>
        </legend>
        {draft.images.length > 0 && (
          <ol className="prd-photo-list">
            {draft.images.map((image, index) => (
              <li key={image.key}>
                <img src={image.url} alt={`사진 ${index + 1}`} />
                <div className="prd-photo-actions">
                  <button
                    type="button"
                    aria-label="앞으로"
                    disabled={index === 0}
                    onClick={() => moveImage(index, -1)}
                  >
                    ‹
                  </button>
                  <button
                    type="button"
                    aria-label="사진 빼기"
                    onClick={() =>
                      setDraft((d) => ({ ...d, images: d.images.filter((_, i) => i !== index) }))
                    }
                  >
                    ×
                  </button>
                  <button
                    type="button"
                    aria-label="뒤로"
                    disabled={index === draft.images.length - 1}
                    onClick={() => moveImage(index, 1)}
                  >
                    ›
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {draft.images.length < MAX_IMAGES && (
          <label className="button secondary prd-upload">
            {uploading ? '올리는 중…' : '사진 올리기'}
            <input
              type="file"
              name="photos"
              accept="image/jpeg,image/png,image/webp"
              multiple
              disabled={uploading}
              onChange={(e) => {
                void addPhotos(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        )}
        {photoProblem && (
          <p className="notice error" role="alert">
            {photoProblem}
          </p>
        )}
      </fieldset>
      {errorFor('images')}
      <label className="field">
        설명
        <textarea
          name="description"
          rows={5}
          maxLength={5000}
          value={draft.description}
          onChange={set('description')}
          aria-invalid={invalid('description')}
        />
      </label>
      {errorFor('description')}
      {problem &&
        ![
          'name',
          'summary',
          'price',
          'category',
          'tags',
          'recipe',
          'images',
          'description',
        ].includes(blamed) && (
          <UserErrorNotice error={{ ...problem, message: productMessage(problem) }} />
        )}
      {failure && (
        <p className="notice error" role="alert">
          저장하지 못했어요. 연결을 확인하고 다시 눌러 주세요.
        </p>
      )}
      <div className="prd-form-bar">
        <button type="button" className="button secondary" onClick={onCancel}>
          취소
        </button>
        <button type="submit" className="button" disabled={saving || uploading}>
          {saving ? '저장 중…' : product ? '수정 저장' : '상품 등록'}
        </button>
      </div>
    </form>
  );
}
