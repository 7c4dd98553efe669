// Loa's only script: CSRF header for htmx requests, and the navigation toggle on small screens.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
  // Upload progress for forms that hold a <progress> element (the import form).
  document.addEventListener('htmx:xhr:progress', function (event) {
    var progress = event.target.querySelector ? event.target.querySelector('progress') : null;
    if (progress && event.detail.lengthComputable) {
      progress.hidden = false;
      progress.value = Math.round(100 * event.detail.loaded / event.detail.total);
    }
  });
  // A refused form (422) carries its message in the fragment: show it. Any other failure shows the form's own
  // message (data-error-message), never an empty result under a full progress bar.
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', function (event) {
    var form = event.detail.elt;
    var message = form && form.getAttribute ? form.getAttribute('data-error-message') : null;
    var target = event.detail.target;
    if (message && target) {
      var paragraph = document.createElement('p');
      paragraph.className = 'flash error';
      paragraph.setAttribute('role', 'alert');
      paragraph.textContent = message;
      target.replaceChildren(paragraph);
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    var progress = event.target.querySelector ? event.target.querySelector('progress') : null;
    if (progress) {
      progress.value = 100;
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.nav-toggle');
    var nav = toggle ? document.getElementById(toggle.getAttribute('aria-controls')) : null;
    if (!toggle || !nav) {
      return;
    }
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      nav.classList.toggle('open', !open);
    });
  });
})();
