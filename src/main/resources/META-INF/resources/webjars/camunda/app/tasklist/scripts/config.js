// Cooperation Desk: Tasklist's configuration, in place of the one in Camunda's webjar (the application's own
// resources come first on the classpath). The header and the page title read "Cooperation Desk Tasklist"; the
// office's logo and the removed Camunda 8 banner are in ../styles/user-styles.css. The keyboard shortcuts are
// Camunda's defaults.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Cooperation Desk'
  },

  // English and Japanese; a text missing from locales/ja.json is shown in English. The language follows the office's
  // coopdesk-lang cookie, else the browser's languages (../../../assets/cooperation-desk/coopdesk-language.js).
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  },
  customScripts: ['../../assets/cooperation-desk/coopdesk-language'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
