import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { createApolloClient } from './app/apollo.client.js';
import { SessionStore } from './app/session.store.js';
// Self-hosted Korean webfont: Vite serves its subsets from this origin, so every machine (CI's
// Chromium without Korean fonts included) renders the same pages.
import '@fontsource-variable/noto-sans-kr';
import './styles.css';

const session = new SessionStore();
const client = createApolloClient(session);
const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} session={session} />
  </StrictMode>,
);
