import type { SeedApi } from './seed.api.js';

export const SEED_PASSWORD = 'bloom1234';

export const demoSellers = [
  {
    email: 'seller1@bloom.test',
    name: '김하늘',
    businessName: '하늘정원 플라워',
    brn: '220-81-62517',
  },
  { email: 'seller2@bloom.test', name: '이서연', businessName: '마포 꽃다방', brn: '124-81-00998' },
  {
    email: 'seller3@bloom.test',
    name: '박준호',
    businessName: '해운대 플로리스트',
    brn: '214-86-24304',
  },
  {
    email: 'seller4@bloom.test',
    name: '최유진',
    businessName: '제주 동백꽃방',
    brn: '616-81-38450',
  },
];

export const demoCustomers = [
  { email: 'customer1@bloom.test', name: '정민지' },
  { email: 'customer2@bloom.test', name: '한지우' },
  { email: 'customer3@bloom.test', name: '오세훈' },
];

const SIGN_UP_SELLER = `mutation($i: SellerSignUpInput!) {
  signUpSeller(input: $i) { __typename ... on AuthPayload { user { id } } ... on UserError { code message } }
}`;

type SignUpResult = { __typename: string; code?: string; message?: string };

/**
 * Demo accounts: four approved sellers and three customers. Re-running finds them already
 * there (EmailTaken) and only approves what is still pending.
 */
export async function seedIdentity(
  api: SeedApi,
  admin: { email: string; password: string },
): Promise<void> {
  const adminToken = await api.logIn(admin.email, admin.password);
  for (const seller of demoSellers) {
    const data = await api.call<{ signUpSeller: SignUpResult }>(SIGN_UP_SELLER, {
      i: {
        email: seller.email,
        password: SEED_PASSWORD,
        name: seller.name,
        businessName: seller.businessName,
        businessRegistrationNumber: seller.brn,
      },
    });
    const result = data.signUpSeller;
    if (result.__typename !== 'AuthPayload' && result.code !== 'EMAIL_TAKEN') {
      throw new Error(`seller ${seller.email}: ${result.code}: ${result.message}`);
    }
  }
  const pending = await api.call<{
    sellerApplications: { nodes: { id: string; email: string }[] };
  }>(`{ sellerApplications(status: PENDING, first: 100) { nodes { id email } } }`, {}, adminToken);
  const ours = new Set(demoSellers.map((s) => s.email));
  for (const application of pending.sellerApplications.nodes) {
    if (!ours.has(application.email)) continue;
    await api.call(
      `mutation($id: ID!) { approveSeller(userId: $id) { __typename } }`,
      { id: application.id },
      adminToken,
    );
  }
  for (const customer of demoCustomers) {
    await api.call(`mutation($i: SignUpInput!) { signUp(input: $i) { __typename } }`, {
      i: { email: customer.email, password: SEED_PASSWORD, name: customer.name },
    });
  }
  api.log(
    `identity: ${demoSellers.length} approved sellers, ${demoCustomers.length} customers (password ${SEED_PASSWORD})`,
  );
}
