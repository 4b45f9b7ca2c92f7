// Registers the service worker (sw.js) that lets the app work offline, and
// offers a reload when a new version has been downloaded.
//
// A file of its own because the Content-Security-Policy forbids inline
// script. It never reloads by itself: the user may be part-way through a
// question. Reloading when they ask is safe because every answer is saved to
// the device as it changes.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;

  // controllerchange also fires when the first worker takes control on a
  // first visit; only a reload the user asked for may follow it.
  let updateAsked = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (updateAsked) window.location.reload();
  });

  function offer(registration) {
    if (document.getElementById('app-update')) return;
    const region = document.createElement('div');
    region.id = 'app-update';
    region.className = 'app-update';
    region.setAttribute('role', 'status');
    // First in the page, like the NHS.UK cookie banner, so it is found
    // early by keyboard and screen reader users.
    document.body.prepend(region);

    const container = document.createElement('div');
    container.className = 'nhsuk-width-container';
    const inset = document.createElement('div');
    inset.className = 'nhsuk-inset-text app-update__inset';
    const hidden = document.createElement('span');
    hidden.className = 'nhsuk-u-visually-hidden';
    hidden.textContent = 'Information: ';
    const text = document.createElement('p');
    text.textContent = 'A new version of this app is available. Your answers are saved on this device, so nothing is lost when you reload.';
    const button = document.createElement('button');
    button.className = 'nhsuk-button nhsuk-button--secondary app-button--small';
    button.type = 'button';
    button.textContent = 'Reload to update';
    button.addEventListener('click', function () {
      updateAsked = true;
      const waiting = registration.waiting;
      // Another tab may have updated already; then only this page is old.
      if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
      else window.location.reload();
    });
    inset.append(hidden, text, button);
    container.append(inset);
    // Screen readers announce what changes inside a live region, not a
    // region that arrives already full, so the words go in a moment later.
    window.setTimeout(function () { region.append(container); }, 250);
  }

  function watch(registration) {
    // A worker is waiting only once one already controls the page: the
    // very first install takes over without asking.
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration);
    registration.addEventListener('updatefound', function () {
      const installing = registration.installing;
      if (!installing) return;
      installing.addEventListener('statechange', function () {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) offer(registration);
      });
    });
    // An app left open on a phone for days still hears about new versions.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') registration.update().catch(function () {});
    });
  }

  // Relative to the document's <base>, so a build under a sub-path
  // registers its own sw.js with that sub-path as its scope.
  // updateViaCache 'none': the HTTP cache must not hide a new
  // precache-manifest.js from the update check.
  function register() {
    navigator.serviceWorker
      .register('sw.js', { updateViaCache: 'none' })
      .then(watch)
      .catch(function () {
        // Without a service worker the app still works online; nothing to tell.
      });
  }

  // Only once the app has taken over from the static page, and the page is
  // idle: a new worker fetches every file the app may need (about 600 KB),
  // which on a first visit over a slow link would share it with the wasm,
  // and its start-up would share the main thread with the app's.
  function whenIdle(work) {
    if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 2000 });
    else window.setTimeout(work, 0);
  }
  const placeholder = document.getElementById('app-static');
  if (!placeholder || !placeholder.parentNode) {
    whenIdle(register);
    return;
  }
  const observer = new MutationObserver(function () {
    if (placeholder.isConnected) return;
    observer.disconnect();
    whenIdle(register);
  });
  observer.observe(placeholder.parentNode, { childList: true });
})();
