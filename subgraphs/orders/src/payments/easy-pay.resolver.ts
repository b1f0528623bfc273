import { Access, requireScope, requireUser } from '@bloom/kernel';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Resolver,
  Root,
  createUnionType,
} from 'type-graphql';
import type { OrdersContext } from '../orders.context.js';
import { Order } from '../orders/order.entity.js';
import { OrderNotFoundError } from '../orders/order.errors.js';
import { PaymentNotApprovedError } from './easy-pay.errors.js';

export const CompletePaymentResult = createUnionType({
  name: 'CompletePaymentResult',
  types: () => [Order, OrderNotFoundError, PaymentNotApprovedError] as const,
});

@Resolver(() => Order)
export class EasyPayResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Easy pay: the provider page where the order’s customer approves the payment, while it waits for them; null otherwise (and for anyone else).',
  })
  paymentApprovalUrl(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return ctx.services.easyPay.approvalUrl(ctx.caller, order);
  }

  @Access('signed-in', 'orders:write')
  @Mutation(() => CompletePaymentResult, {
    description:
      'Easy pay, back from the provider’s page (approved, canceled or declined there): captures an approved payment and confirms the order, or fails it with why; nothing is charged unless it was approved. Safe to call again.',
  })
  completePayment(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    requireScope(ctx.caller, 'orders:write');
    return ctx.services.easyPay.complete(requireUser(ctx.caller), orderId, ctx.caller.traceId);
  }
}
