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
  document.addEventListener('htmx:afterRequest', function (event) {
    var progress = event.target.querySelector ? event.target.querySelector('progress') : null;
    if (progress) {
      progress.value = 100;
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.nav-toggle');
    var nav = document.getElementById('main-nav');
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
