// Options page: reader settings and the per-site "always open" list, all in
// storage.sync. Each site is added together with an optional host permission
// for just that origin, requested from the click that adds it.
const api = globalThis.browser ?? globalThis.chrome;
const SETTINGS = globalThis.SAYWHO_SETTINGS;
const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

const reader = document.getElementById('reader');
const status = document.getElementById('status');
const size = document.getElementById('size');
const sizeValue = document.getElementById('size-value');
const lineHeight = document.getElementById('lineHeight');
const sitesList = document.getElementById('sites');
const siteInput = document.getElementById('site');
const siteError = document.getElementById('site-error');

function localize() {
  document.documentElement.lang = t('uiLang');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.title = t('optionsTitle');
}

async function load() {
  return SETTINGS.normalize(await api.storage.sync.get(SETTINGS.DEFAULTS));
}

function show(s) {
  for (const input of reader.querySelectorAll('input[type=radio]')) input.checked = String(s[input.name]) === input.value;
  size.value = String(s.size);
  sizeValue.textContent = `${s.size}px`;
  lineHeight.value = String(s.lineHeight);
  document.getElementById('panelOpen').checked = s.panelOpen;
  sitesList.replaceChildren();
  if (s.autoSites.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('optionsNoSites');
    sitesList.append(li);
  }
  for (const origin of s.autoSites) {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = origin;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = t('optionsSiteRemove', [origin]);
    remove.addEventListener('click', () => removeSite(origin));
    li.append(name, remove);
    sitesList.append(li);
  }
}

async function save(patch) {
  await api.storage.sync.set(patch);
  status.textContent = t('optionsSaved');
}

function originOf(text) {
  try {
    const url = new URL(text.trim());
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

// permissions.request must run inside the user's click: no await before it.
function addSite(text) {
  siteError.textContent = '';
  const origin = originOf(text);
  if (!origin) {
    siteError.textContent = t('optionsSiteInvalid');
    return;
  }
  api.permissions.request({ origins: [SETTINGS.originPattern(origin)] }).then(async (granted) => {
    if (!granted) {
      siteError.textContent = t('optionsSiteDenied');
      return;
    }
    const s = await load();
    if (!s.autoSites.includes(origin)) await save({ autoSites: [...s.autoSites, origin] });
    siteInput.value = '';
  }, (err) => {
    siteError.textContent = String(err?.message ?? err);
  });
}

async function removeSite(origin) {
  const s = await load();
  await save({ autoSites: s.autoSites.filter((o) => o !== origin) });
  try {
    // only when no other listed site shares the host (ports share one pattern)
    if (!s.autoSites.some((o) => o !== origin && SETTINGS.originPattern(o) === SETTINGS.originPattern(origin))) {
      await api.permissions.remove({ origins: [SETTINGS.originPattern(origin)] });
    }
  } catch {
    // already gone
  }
}

localize();
size.min = String(SETTINGS.SIZE_MIN);
size.max = String(SETTINGS.SIZE_MAX);
for (const v of SETTINGS.CHOICES.lineHeight) {
  const opt = document.createElement('option');
  opt.value = String(v);
  opt.textContent = String(v);
  lineHeight.append(opt);
}
reader.addEventListener('change', (ev) => {
  const el = ev.target;
  if (el.name === 'size') save({ size: Number(el.value) });
  else if (el.name === 'lineHeight') save({ lineHeight: Number(el.value) });
  else if (el.name === 'panelOpen') save({ panelOpen: el.checked });
  else if (el.type === 'radio') save({ [el.name]: el.value });
});
size.addEventListener('input', () => { sizeValue.textContent = `${size.value}px`; });
reader.addEventListener('submit', (ev) => ev.preventDefault());
document.getElementById('add-site').addEventListener('submit', (ev) => {
  ev.preventDefault();
  addSite(siteInput.value);
});
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync') load().then(show);
});

const prefill = new URLSearchParams(location.hash.slice(1)).get('add');
if (prefill && originOf(prefill)) {
  siteInput.value = originOf(prefill);
  siteInput.focus();
}
load().then(show);
