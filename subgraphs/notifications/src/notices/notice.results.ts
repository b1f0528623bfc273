import { createUnionType } from 'type-graphql';
import { NoticeNotFoundError } from './notice.errors.js';
import { NoticeNode } from './notice.types.js';

// Expected outcomes of the inbox's mutations, as typed unions a client can switch on by __typename.

export const MarkNoticeReadResult = createUnionType({
  name: 'MarkNoticeReadResult',
  types: () => [NoticeNode, NoticeNotFoundError] as const,
});
