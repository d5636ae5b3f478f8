// Page side: every window.open and target=_blank link goes to the app's setWindowOpenHandler
// (through the launcher); the page gets null back, as the double never hands out a WindowProxy.
// One function expression, pasted into the init script by launcher/init-script.ts.
/* global window, location, document, Element */
/* eslint-disable-next-line @typescript-eslint/no-unused-expressions -- a bare function expression, pasted into the init script */
(function installWindowOpen(openBinding) {
  'use strict';
  window.open = function open(url, target, features) {
    const href = url === undefined || url === '' ? 'about:blank' : new URL(String(url), location.href).href;
    const disposition = features ? 'new-window' : 'foreground-tab';
    void openBinding({ url: href, frameName: target ? String(target) : '', features: features ? String(features) : '', disposition });
    return null;
  };
  document.addEventListener(
    'click',
    (event) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[target]') : null;
      const target = anchor ? anchor.getAttribute('target') : '';
      if (!anchor || !anchor.href || ['', '_self', '_parent', '_top'].includes(target)) return;
      event.preventDefault();
      void openBinding({ url: anchor.href, frameName: target === '_blank' ? '' : target, features: '', disposition: 'foreground-tab' });
    },
    true,
  );
})
