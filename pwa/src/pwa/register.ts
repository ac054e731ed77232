import { registerSW } from 'virtual:pwa-register';
import { pwaStore } from './state';

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers /sw.js. With the "prompt" strategy a new version waits until the
 * user presses "Perbarui" in the update banner; the page never reloads by
 * itself.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // The worker's precache downloads every screen of the app: start it once the
  // first screen is up, so it never competes with it on a slow connection.
  const start = () => setTimeout(register, REGISTER_DELAY_MS);
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

const REGISTER_DELAY_MS = 3000;

function register(): void {
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      pwaStore.set({ needRefresh: true });
    },
    onRegisteredSW(_swUrl, registration) {
      if (!registration) return;
      // Look for a new version now and then while the app stays open.
      setInterval(() => {
        if (navigator.onLine && registration.installing === null) void registration.update();
      }, UPDATE_CHECK_INTERVAL_MS);
    },
  });
  pwaStore.set({ update: () => updateSW(true) });
}
