// Cooperation Desk: Welcome's configuration, in place of the one in Camunda's webjar (the application's own
// resources come first on the classpath). The header and the page title read "Cooperation Desk Welcome"; the
// office's logo and the removed Camunda 8 banner are in ../styles/user-styles.css.
export default {
  app: {
    name: 'Welcome',
    vendor: 'Cooperation Desk'
  }
};
