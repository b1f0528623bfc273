import { SessionStore, createApolloClient, possibleTypes } from '@bloom/client-shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
// The shared base (tokens, type, buttons, fields; the self-hosted Korean webfont), then ours.
import '@bloom/client-shared/base.css';
import './styles.css';

// Its own key: a seller or customer session in the same browser must not open the console.
const session = new SessionStore({ key: 'bloom.admin.session' });
const client = createApolloClient(session, { possibleTypes });
const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} session={session} />
  </StrictMode>,
);
