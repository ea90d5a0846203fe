// The Balance Report webview's only script: it asks the extension to export the report and
// says how that went. It posts messages and nothing else; no inline handlers (the page's CSP
// allows this file only, by nonce).
/* global acquireVsCodeApi, document, window */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const button = document.getElementById('export');
  const status = document.getElementById('status');
  if (!button || !status) return;

  let busy = false;
  // A <button>: Enter and Space work from the keyboard as well as a click.
  button.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    status.textContent = button.dataset.busyText || '';
    vscode.postMessage({ type: 'export' });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'exported' || message.type === 'exportFailed') {
      busy = false;
      button.removeAttribute('aria-busy');
      // textContent, never HTML: the path is shown as written. The extension sends the words, translated.
      status.textContent = String(message.text || '');
    }
  });
})();
