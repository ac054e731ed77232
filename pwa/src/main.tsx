import { render } from 'preact';
import { App } from './app';
import { startOutbox } from './offline/outbox';
import { startServiceWorker } from './pwa/register';
import { resumeSession, watchSessionChanges } from './session';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}

watchSessionChanges();
void resumeSession();
startServiceWorker();
startOutbox();
