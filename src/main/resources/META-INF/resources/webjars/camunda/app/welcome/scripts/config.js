// Cooperation Desk: Welcome's configuration, in place of the one in Camunda's webjar (the application's own
// resources come first on the classpath). The header and the page title read "Cooperation Desk Welcome"; the
// office's logo and the removed Camunda 8 banner are in ../styles/user-styles.css.
export default {
  app: {
    name: 'Welcome',
    vendor: 'Cooperation Desk'
  },

  // English and Japanese; a text missing from locales/ja.json is shown in English. The language follows the office's
  // coopdesk-lang cookie, else the browser's languages (../../../assets/cooperation-desk/coopdesk-language.js).
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  },
  customScripts: ['../../assets/cooperation-desk/coopdesk-language']
};
