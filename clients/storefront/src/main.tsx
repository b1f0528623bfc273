import { SessionStore, createApolloClient, possibleTypes } from '@bloom/client-shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
// The shared base (tokens, type, buttons, fields; the self-hosted Korean webfont), then ours.
import '@bloom/client-shared/base.css';
import './styles.css';

const session = new SessionStore({ key: 'bloom.session' });
const client = createApolloClient(session, {
  possibleTypes,
  // The cart has no id: the tab bar's badge and the cart page read parts of one cart.
  typePolicies: { Cart: { merge: true } },
});
const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} session={session} />
  </StrictMode>,
);
