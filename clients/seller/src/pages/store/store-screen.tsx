import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorNotice, errorText, Loading, type TypedError } from '@bloom/client-shared';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  CREATE_STORE,
  type CreateStoreInput,
  type DeliveryPolicy,
  MY_STORE,
  type MyStoreData,
  type PickupSettings,
  type SetupStore,
  type StoreResult,
  UPDATE_DELIVERY,
  UPDATE_PICKUP,
  UPDATE_STORE,
  type UpdateStoreInput,
} from './store.operations.js';
import {
  AccountFields,
  AddressFields,
  DeliveryFields,
  HoursFields,
  PickupFields,
  ProfileFields,
} from './store-fields.js';
import {
  accountInput,
  addressInput,
  createInput,
  deliveryInput,
  EMPTY_VALUES,
  pickupInput,
  profileInput,
  type StoreValues,
  valuesOf,
} from './store-form.js';
import { storeError } from './store-messages.js';
import { StoreSection } from './store-section.js';
import './store.css';

const network = (failure: unknown): TypedError => ({
  code: 'NETWORK',
  message: `저장하지 못했어요. 연결을 확인해 주세요. (${errorText(failure)})`,
});

/** `/store`: open the store (one form), then edit each part on its own. */
export function StoreScreen() {
  const { data, loading, error, refetch } = useQuery<MyStoreData>(MY_STORE, {
    fetchPolicy: 'cache-and-network',
  });
  const [opened, setOpened] = useState(false);
  let body;
  if (error && !data) body = <ErrorNotice error={error} retry={() => void refetch()} />;
  else if (loading && !data) body = <Loading />;
  else if (!data?.myStore) body = <CreateStore onCreated={() => setOpened(true)} />;
  else body = <EditStore key={data.myStore.id} store={data.myStore} opened={opened} />;
  return <main className="store-setup stack">{body}</main>;
}

const PROFILE_FIELDS = ['name', 'description', 'thumbnailUrl', 'phone'];
const HOURS_FIELDS = ['opensAt', 'closesAt', 'closedWeekdays', 'businessHours'];
const ADDRESS_FIELDS = [
  'regionCode',
  'districtCode',
  'street',
  'detail',
  'zipCode',
  'latitude',
  'longitude',
];
const ACCOUNT_FIELDS = ['bank', 'accountNumber', 'accountHolder'];
const DELIVERY_FIELDS = ['fee', 'freeDeliveryThreshold', 'sameDayCutoff', 'windows'];
const PICKUP_FIELDS = ['slotCapacity'];

function CreateStore({ onCreated }: { onCreated: () => void }) {
  const [values, setValues] = useState<StoreValues>(EMPTY_VALUES);
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [create, { loading }] = useMutation<
    { createStore: StoreResult },
    { input: CreateStoreInput }
  >(CREATE_STORE, {
    update(cache, { data }) {
      const store = data?.createStore;
      if (store?.__typename === 'Store') {
        cache.writeQuery<MyStoreData>({ query: MY_STORE, data: { myStore: store } });
      }
    },
  });
  const error = storeError(problem);
  const part =
    <K extends keyof StoreValues>(key: K) =>
    (value: StoreValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const parsed = createInput(values);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    try {
      const result = (await create({ variables: { input: parsed.input } })).data?.createStore;
      if (result && result.__typename !== 'Store') setProblem(result);
      else if (result) {
        onCreated();
        window.scrollTo({ top: 0 });
      }
    } catch (failure) {
      setProblem(network(failure));
    }
  };

  const known = [
    ...PROFILE_FIELDS,
    ...HOURS_FIELDS,
    ...ADDRESS_FIELDS,
    ...ACCOUNT_FIELDS,
    ...DELIVERY_FIELDS,
    ...PICKUP_FIELDS,
  ];
  const stray = error && !known.includes(error.field?.split('.').at(-1) ?? '') ? error : null;

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <div>
        <h1>매장 열기</h1>
        <p className="muted">
          손님에게 보일 매장 정보를 입력해 주세요. 배송과 픽업은 나중에 언제든 바꿀 수 있어요.
        </p>
      </div>
      <StoreSection id="store-profile" title="매장 정보">
        <ProfileFields values={values.profile} onChange={part('profile')} error={error} />
      </StoreSection>
      <StoreSection id="store-hours" title="영업시간" hint="서울 시간 기준이에요.">
        <HoursFields values={values.hours} onChange={part('hours')} error={error} />
      </StoreSection>
      <StoreSection id="store-address" title="매장 주소">
        <AddressFields values={values.address} onChange={part('address')} error={error} />
      </StoreSection>
      <StoreSection id="store-account" title="정산 계좌" hint="매달 정산금을 받을 계좌예요.">
        <AccountFields values={values.account} onChange={part('account')} error={error} />
      </StoreSection>
      <StoreSection id="store-delivery" title="배송">
        <DeliveryFields values={values.delivery} onChange={part('delivery')} error={error} />
      </StoreSection>
      <StoreSection id="store-pickup" title="매장 픽업">
        <PickupFields values={values.pickup} onChange={part('pickup')} error={error} />
      </StoreSection>
      {error && (
        <p className="notice error" role="alert">
          {stray ? stray.message : '빨간 칸의 안내를 확인해 주세요.'}
        </p>
      )}
      <button type="submit" className="button block store-submit" disabled={loading}>
        {loading ? '여는 중…' : '매장 열기'}
      </button>
    </form>
  );
}

/** One section's save: its own mutation, its own error and "saved" note. */
function useSave<I>(send: (input: I) => Promise<StoreResult | undefined>) {
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = async (parsed: { ok: true; input: I } | { ok: false; error: TypedError }) => {
    setProblem(null);
    setSaved(false);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    setSaving(true);
    try {
      const result = await send(parsed.input);
      if (result && result.__typename !== 'Store') setProblem(result);
      else if (result) setSaved(true);
    } catch (failure) {
      setProblem(network(failure));
    } finally {
      setSaving(false);
    }
  };
  return { error: storeError(problem), saving, saved, save };
}

function EditStore({ store, opened }: { store: SetupStore; opened: boolean }) {
  const [values, setValues] = useState<StoreValues>(() => valuesOf(store));
  const part =
    <K extends keyof StoreValues>(key: K) =>
    (value: StoreValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const variables = { storeId: store.id };

  const [updateStore] = useMutation<
    { updateStore: StoreResult },
    { storeId: string; input: UpdateStoreInput }
  >(UPDATE_STORE);
  const [updateDelivery] = useMutation<
    { updateDeliveryPolicy: StoreResult },
    { storeId: string; input: DeliveryPolicy }
  >(UPDATE_DELIVERY);
  const [updatePickup] = useMutation<
    { updatePickupSettings: StoreResult },
    { storeId: string; input: PickupSettings }
  >(UPDATE_PICKUP);

  const sendStore = async (input: UpdateStoreInput) =>
    (await updateStore({ variables: { ...variables, input } })).data?.updateStore;
  const profile = useSave(sendStore);
  const hours = useSave(sendStore);
  const address = useSave(sendStore);
  const account = useSave(sendStore);
  const delivery = useSave(
    async (input: DeliveryPolicy) =>
      (await updateDelivery({ variables: { ...variables, input } })).data?.updateDeliveryPolicy,
  );
  const pickup = useSave(
    async (input: PickupSettings) =>
      (await updatePickup({ variables: { ...variables, input } })).data?.updatePickupSettings,
  );

  return (
    <>
      <div>
        <h1>매장 설정</h1>
        <p className="muted">바꾼 칸만 그 칸의 저장 버튼으로 저장해요.</p>
      </div>
      {opened && (
        <p className="notice ok" role="status">
          ‘{store.name}’ 매장을 열었어요! 이제 상품을 올리면 손님에게 보여요.
        </p>
      )}
      <nav className="chips store-jump" aria-label="바로 가기">
        <a className="chip" href="#store-profile">
          매장 정보
        </a>
        <a className="chip" href="#store-hours">
          영업시간
        </a>
        <a className="chip" href="#store-address">
          주소
        </a>
        <a className="chip" href="#store-account">
          정산 계좌
        </a>
        <a className="chip" href="#store-delivery">
          배송
        </a>
        <a className="chip" href="#store-pickup">
          픽업
        </a>
      </nav>
      <StoreSection
        id="store-profile"
        title="매장 정보"
        fields={PROFILE_FIELDS}
        {...profile}
        onSave={() => void profile.save({ ok: true, input: profileInput(values.profile) })}
      >
        <ProfileFields values={values.profile} onChange={part('profile')} error={profile.error} />
      </StoreSection>
      <StoreSection
        id="store-hours"
        title="영업시간"
        hint="서울 시간 기준이에요."
        fields={HOURS_FIELDS}
        {...hours}
        onSave={() => void hours.save({ ok: true, input: { businessHours: values.hours } })}
      >
        <HoursFields values={values.hours} onChange={part('hours')} error={hours.error} />
      </StoreSection>
      <StoreSection
        id="store-address"
        title="매장 주소"
        fields={ADDRESS_FIELDS}
        {...address}
        onSave={() => {
          const parsed = addressInput(values.address);
          void address.save(parsed.ok ? { ok: true, input: { address: parsed.input } } : parsed);
        }}
      >
        <AddressFields values={values.address} onChange={part('address')} error={address.error} />
      </StoreSection>
      <StoreSection
        id="store-account"
        title="정산 계좌"
        hint="매달 정산금을 받을 계좌예요."
        fields={ACCOUNT_FIELDS}
        {...account}
        onSave={() =>
          void account.save({
            ok: true,
            input: { settlementAccount: accountInput(values.account) },
          })
        }
      >
        <AccountFields values={values.account} onChange={part('account')} error={account.error} />
      </StoreSection>
      <StoreSection
        id="store-delivery"
        title="배송"
        fields={DELIVERY_FIELDS}
        {...delivery}
        onSave={() => void delivery.save(deliveryInput(values.delivery))}
      >
        <DeliveryFields
          values={values.delivery}
          onChange={part('delivery')}
          error={delivery.error}
        />
      </StoreSection>
      <StoreSection
        id="store-pickup"
        title="매장 픽업"
        fields={PICKUP_FIELDS}
        {...pickup}
        onSave={() => void pickup.save(pickupInput(values.pickup))}
      >
        <PickupFields values={values.pickup} onChange={part('pickup')} error={pickup.error} />
      </StoreSection>
      <section className="card stack store-next">
        <p>매장 준비가 끝났다면 상품을 올려 보세요.</p>
        <Link className="button secondary" to="/products">
          상품 관리로 가기
        </Link>
      </section>
    </>
  );
}
