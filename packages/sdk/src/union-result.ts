/**
 * Result unions (`CheckoutResult = CheckoutSuccess | TotalMismatchError | …`) as plain results:
 * the success member as `value`, any other member (selected with `code` and `message`) as
 * `error`, so callers branch on `ok` and still see every error's own fields.
 */

/** An error member of a result union as the SDK's operations select it. */
export interface UnionError {
  __typename: string;
  code: string;
  message: string;
}

export type BloomResult<TValue, TError> =
  { ok: true; value: TValue } | { ok: false; error: TError };

interface UnionMember {
  __typename: string;
}

/**
 * The typenames of `T` that can be the success: every other member is a `UnionError`. A
 * document that forgot `code`/`message` on an error member leaves `never`, so `toResult` does
 * not compile for it.
 */
export type SuccessTypename<T extends UnionMember> = {
  [N in T['__typename']]: Exclude<T, { __typename: N }> extends UnionError ? N : never;
}[T['__typename']];

export type UnionResult<T extends UnionMember, K extends string> = BloomResult<
  Extract<T, { __typename: K }>,
  Exclude<T, { __typename: K }>
>;

/** `{ ok: true, value }` when `value` is the `success` member, else `{ ok: false, error }`. */
export function toResult<T extends UnionMember, K extends SuccessTypename<T>>(
  value: T,
  success: K,
): UnionResult<T, K> {
  if (value.__typename === success) {
    return { ok: true, value: value as Extract<T, { __typename: K }> };
  }
  return { ok: false, error: value as Exclude<T, { __typename: K }> };
}

/** Thrown by `unwrap` with the error member it met. */
export class BloomResultError<TError extends UnionError = UnionError> extends Error {
  readonly code: string;

  constructor(readonly error: TError) {
    super(error.message);
    this.name = 'BloomResultError';
    this.code = error.code;
  }
}

/** The success member, or a thrown `BloomResultError` carrying the error member. */
export function unwrap<T extends UnionMember, K extends SuccessTypename<T>>(
  value: T,
  success: K,
): Extract<T, { __typename: K }> {
  const result = toResult(value, success);
  if (result.ok) return result.value;
  throw new BloomResultError(result.error as Exclude<T, { __typename: K }> & UnionError);
}
