// Background of SayWho: a module service worker in Chromium, a module event
// page in Firefox (both declared in manifest.json). It runs the WASM engine,
// which a page's CSP would block in a content script.
import '../shared/messages.js';
import '../shared/settings.js';
import { api } from './quirks.js';
import { processPage, warmUp } from './engine-host.js';
import { showState, toggleTab } from './toggle.js';

const M = globalThis.SAYWHO_MESSAGES;
const SETTINGS = globalThis.SAYWHO_SETTINGS;

// Toolbar button and the Alt+Shift+R shortcut (command `_execute_action`).
api.action.onClicked.addListener((tab) => {
  toggleTab(tab, 'toggle');
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  switch (msg?.type) {
    case M.CS_BG_PROCESS:
      processPage(msg).then(sendResponse);
      return true; // answer asynchronously
    case M.CS_BG_KEEPALIVE:
      warmUp(); // the event itself resets the worker's idle timer
      return false;
    case M.CS_BG_STATE:
      showState(sender.tab?.id, msg.state, msg.detail);
      return false;
    case M.CS_BG_OPEN_OPTIONS:
      openOptions(msg.site);
      return false;
    default:
      return false;
  }
});

/** Opens the options page, with a site prefilled for "always open". */
function openOptions(site) {
  const url = new URL(api.runtime.getURL('extension/options/options.html'));
  if (typeof site === 'string' && /^https?:\/\/[^/]+$/.test(site)) url.hash = `add=${encodeURIComponent(site)}`;
  api.tabs.create({ url: url.href });
}

// "Always open in reader view" for sites the user listed and granted access
// to in the options page. tabs.onUpdated only tells us the URL of tabs whose
// origin we hold a permission for, which is exactly those sites.
api.tabs.onUpdated.addListener(async (tabId, change, tab) => {
  if (change.status !== 'complete' || !tab.url) return;
  let origin;
  try {
    origin = new URL(tab.url).origin;
  } catch {
    return;
  }
  const { autoSites } = SETTINGS.normalize(await api.storage.sync.get(SETTINGS.DEFAULTS));
  if (!autoSites.includes(origin)) return;
  if (!(await api.permissions.contains({ origins: [SETTINGS.originPattern(origin)] }))) return;
  toggleTab(tab, 'open');
});
