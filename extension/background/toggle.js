// Turning the reader on and off in one tab. The toolbar button, the keyboard
// shortcut (the `_execute_action` command fires action.onClicked) and the
// per-site automatic opening all go through toggleTab.
import { api, isAccessError, isProtectedUrl } from './quirks.js';
import { warmUp } from './engine-host.js';

const M = globalThis.SAYWHO_MESSAGES;

/** Content script files, injected in this order (classic scripts, no imports). */
export const CONTENT_FILES = [
  'extension/shared/messages.js',
  'extension/shared/settings.js',
  'extension/content/quirks.js',
  'extension/content/serialize.js',
  'extension/content/reader.js',
];

/**
 * Shows a tab's state on the toolbar button: badge text plus a title that
 * explains it (the title is what a user sees on hover, and what a screen
 * reader announces for the button).
 * @param {number|undefined} tabId
 * @param {"open"|"closed"|"no-article"|"error"|"protected"} state
 * @param {string} [detail]
 */
export async function showState(tabId, state, detail) {
  if (tabId === undefined || tabId < 0) return;
  const badges = {
    open: ['', 'actionTitleClose'],
    closed: ['', 'actionTitle'],
    'no-article': ['–', 'stateNoArticle'],
    error: ['!', 'stateError'],
    protected: ['×', 'stateProtected'],
  };
  const [text, key] = badges[state] ?? badges.closed;
  let title = api.i18n.getMessage(key);
  if (state === 'error' && detail) title += ` (${detail})`;
  try {
    await api.action.setBadgeBackgroundColor({ tabId, color: state === 'error' ? '#b3261e' : '#44474e' });
    await api.action.setBadgeText({ tabId, text });
    await api.action.setTitle({ tabId, title });
  } catch {
    // the tab went away meanwhile
  }
}

/**
 * Injects the content script if needed and asks it to toggle (or to open).
 * Never throws: failures end up on the toolbar button.
 * @param {{id?: number, url?: string}} tab
 * @param {"toggle"|"open"} [mode]
 * @returns {Promise<string>} the resulting state
 */
export async function toggleTab(tab, mode = 'toggle') {
  if (tab?.id === undefined) return 'error';
  if (isProtectedUrl(tab.url)) {
    await showState(tab.id, 'protected');
    return 'protected';
  }
  warmUp();
  try {
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: CONTENT_FILES });
  } catch (err) {
    const state = isAccessError(err) ? 'protected' : 'error';
    await showState(tab.id, state, String(err?.message ?? err));
    return state;
  }
  try {
    const reply = await api.tabs.sendMessage(tab.id, { type: M.BG_CS_TOGGLE, mode });
    return reply?.state ?? 'error';
  } catch (err) {
    await showState(tab.id, 'error', String(err?.message ?? err));
    return 'error';
  }
}
