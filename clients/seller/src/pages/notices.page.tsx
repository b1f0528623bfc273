import { NoticesView } from './notices/notices-view.js';

/** The seller's inbox: unread first to the eye, read one or all, new ones live. */
export function Page() {
  return <NoticesView />;
}
