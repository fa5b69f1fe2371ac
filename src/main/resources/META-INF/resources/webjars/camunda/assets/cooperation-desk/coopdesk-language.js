// Cooperation Desk: the language of Tasklist, Cockpit, Admin and Welcome follows the office's language cookie.
//
// Each application's scripts/config.js loads this module (customScripts) before AngularJS starts. Camunda 7.24 picks
// the language once, at start, from the browser alone: the first of navigator.languages, if it is one of the
// configured locales.availableLocales, else locales.fallbackLocale. It keeps no choice of its own (no language menu,
// nothing in localStorage). So this module decides the language the way the server does (LanguageFilter): the
// coopdesk-lang cookie (set by the office's pages, ?lang=ja) when it names an available language, else the first of
// the browser's languages that is available, else the fallback; and puts that language first in navigator.languages,
// which the webapp then reads.
//
// Afterwards: if the language changes inside the webapp ($translate.use, angular-translate's $translateChangeSuccess)
// the cookie is set to it, so that the office's pages and the server's answers follow; if the cookie changes while
// the webapp is open (the user switched language on an office page in another tab), the webapp switches when its
// tab is shown again.
const COOKIE = 'coopdesk-lang';
const YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

const appName = (document.querySelector('base') || document.documentElement).getAttribute('app-name') || '';
const conf = window['cam' + appName.charAt(0).toUpperCase() + appName.slice(1) + 'Conf'] || {};
const locales = conf.locales || {};
const available = locales.availableLocales || ['en'];
const fallback = locales.fallbackLocale || 'en';

function availableLanguage(tag) {
  const primary = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
  return available.indexOf(primary) > -1 ? primary : null;
}

function cookieLanguage() {
  const entry = document.cookie.split(';').map((part) => part.trim())
    .find((part) => part.indexOf(COOKIE + '=') === 0);
  return entry ? availableLanguage(decodeURIComponent(entry.substring(COOKIE.length + 1))) : null;
}

function writeCookie(language) {
  document.cookie = COOKIE + '=' + encodeURIComponent(language) + '; path=/; max-age=' + YEAR_IN_SECONDS
    + '; samesite=lax' + (window.location.protocol === 'https:' ? '; secure' : '');
}

const browserLanguages = Array.isArray(navigator.languages) && navigator.languages.length
  ? navigator.languages.slice()
  : [navigator.language || navigator.userLanguage || ''];
const chosen = cookieLanguage()
  || browserLanguages.map(availableLanguage).find((language) => language !== null)
  || fallback;

try {
  Object.defineProperty(navigator, 'languages', {
    configurable: true,
    get: () => [chosen].concat(browserLanguages.filter((tag) => availableLanguage(tag) !== chosen))
  });
} catch (e) {
  // A browser that does not let navigator.languages be redefined: the webapp picks its language from the browser.
}

// After AngularJS has started: the webapp's own language changes go to the cookie, the cookie's changes come back.
function whenStarted(callback, attempts) {
  const angular = window.angular;
  const injector = angular && angular.element(document.documentElement).injector();
  if (injector) {
    callback(injector);
  } else if (attempts > 0) {
    window.setTimeout(() => whenStarted(callback, attempts - 1), 200);
  }
}

whenStarted((injector) => {
  const $translate = injector.get('$translate');
  const $rootScope = injector.get('$rootScope');
  // The language the webapp settles on at start (the chosen one, or the fallback should its file fail to load) is
  // no user's choice: only later changes go to the cookie.
  let ready = false;
  let current = chosen;
  $translate.onReady(() => {
    ready = true;
    current = $translate.use() || chosen;
  });
  $rootScope.$on('$translateChangeSuccess', (event, data) => {
    const language = availableLanguage(data && data.language);
    if (ready && language && language !== current) {
      current = language;
      if (cookieLanguage() !== language) {
        writeCookie(language);
      }
    }
  });
  document.addEventListener('visibilitychange', () => {
    const language = cookieLanguage();
    if (ready && document.visibilityState === 'visible' && language && language !== current) {
      current = language;
      $rootScope.$applyAsync(() => $translate.use(language));
    }
  });
}, 150);
