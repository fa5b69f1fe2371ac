// One login (org.cooperationdesk.security.OneLoginWebappPlugin): Tasklist, Cockpit, Admin and Welcome never show
// their own login form. They go to it ("#/login") after "Sign out" (which has ended the session on the server) or
// when the session has expired; this reloads the application's page instead, which takes a signed-out browser to the
// office's /login and, after signing in, back here.
function leaveWebappLogin() {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace(window.location.pathname);
  }
}
leaveWebappLogin();
window.addEventListener('hashchange', leaveWebappLogin);
