// CareLoop: the language of the Camunda webapps (Tasklist, Cockpit, Admin, welcome), imported by each app's
// scripts/config.js.
//
// The 7.24 webapps choose the language once, at start: the first part of the browser's language ("en" of
// "en-US") if it is one of `locales.availableLocales`, otherwise `locales.fallbackLocale`; they have no language
// switch of their own. A call centre in China wants Chinese whatever the browser says, so the app is started with
// only the chosen language available: Chinese (the fallback) unless the user picked another one with the switch in
// the header banner (a link carrying data-careloop-language, see BANNER_CE_EOL_TEXT in locales/*.json). The choice
// is kept per browser in localStorage and applied by reloading the page.
const STORAGE_KEY = 'careloop.language';

function stored() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    return null;
  }
}

/** The language the webapps show: the user's choice if it is offered, else the fallback (zh-CN). */
export function chosenLanguage(offered) {
  const choice = stored();
  return offered.availableLocales.includes(choice) ? choice : offered.fallbackLocale;
}

/**
 * The `locales` block for config.js: `offered` lists the languages a user may pick and the default; the webapps
 * get only the chosen one, so the browser's language cannot override it.
 */
export function careLoopLocales(offered) {
  const language = chosenLanguage(offered);
  document.documentElement.setAttribute('lang', language);
  listenForSwitch(offered);
  return {availableLocales: [language], fallbackLocale: language};
}

let listening = false;

function listenForSwitch(offered) {
  if (listening) return;
  listening = true;
  // capture phase: the webapps' hash router never sees the click
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('[data-careloop-language]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const language = link.getAttribute('data-careloop-language');
    if (!offered.availableLocales.includes(language)) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (e) {
      return;
    }
    window.location.reload();
  }, true);
}
