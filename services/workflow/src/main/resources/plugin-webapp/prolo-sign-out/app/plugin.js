// People sign in at the identity service, not with Camunda's login form: "Log out" goes to the workflow service's
// sign-out page (which ends this service's session and the identity service's), and a webapp that lost its sign-in
// (its session ended) is loaded again, so that the browser is sent to sign in.
(function () {
  'use strict';

  const base = document.querySelector('base');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  const serviceRoot = window.location.origin + window.location.pathname.substring(0,
    window.location.pathname.indexOf(appRoot));

  function pointLogOutAtSignOut() {
    const item = document.querySelector('li.account li.logout');
    if (!item) {
      return false;
    }
    const old = item.getElementsByTagName('a')[0];
    // A copy without Camunda's click handler, which would log out of Camunda only.
    const link = old.cloneNode(true);
    link.href = serviceRoot + '/signout';
    link.removeAttribute('ng-click');
    item.replaceChild(link, old);
    return true;
  }

  const observer = new MutationObserver(function () {
    if (pointLogOutAtSignOut()) {
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });

  // At most once a minute, so that a webapp the person may not open cannot reload forever.
  const KEY = 'prolo-sign-in-again';
  if (window.location.hash.indexOf('#/login') === 0) {
    const last = Number(window.sessionStorage.getItem(KEY) || 0);
    if (Date.now() - last > 60000) {
      window.sessionStorage.setItem(KEY, String(Date.now()));
      window.location.replace(window.location.pathname);
    }
  }
}());
