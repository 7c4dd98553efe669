// Loa's only script: CSRF header for htmx requests, the navigation toggle on small screens, and what was typed into a
// form refused because its session had ended put back.
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
  // A page form refused because its session had ended (StaleFormRefused) comes back with what was typed. As a form that
  // posts is sent, this tab keeps its fields (never a password, a hidden field such as the CSRF token or the one-time
  // field, or a file) with the page's path and the form's address; the next page forgets them, unless it says that a
  // form of it was refused (meta loa-form-refused) and is the same page with the same form, and no other person is
  // signed in on it (meta loa-signed-in): there they go back into the form, as values only. The sign-in page between
  // (an officer signs in again first) neither keeps nor forgets.
  var KEPT_FORM = 'loa.refused-form';
  var TYPED = ['text', 'email', 'tel', 'number', 'date', 'datetime-local', 'month', 'week', 'time', 'url', 'search',
    'color', 'range'];

  function kindOf(field) {
    if (!field.name || field.disabled) {
      return null;
    }
    if (field.tagName === 'TEXTAREA') {
      return 'text';
    }
    if (field.tagName === 'SELECT') {
      return 'select';
    }
    if (field.tagName !== 'INPUT') {
      return null;
    }
    var type = (field.getAttribute('type') || 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio') {
      return 'check';
    }
    return TYPED.indexOf(type) >= 0 ? 'text' : null;
  }

  function posts(form) {
    return (form.getAttribute('method') || '').toLowerCase() === 'post';
  }

  // read as attributes: a form's field named "action" or "id" stands in for the form's own property of that name
  function addressOf(form) {
    return new URL(form.getAttribute('action') || '', document.baseURI).href;
  }

  /** Calls back with each field the form keeps, its kind, and its place among the fields of its name and kind. */
  function eachKept(form, callback) {
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      var kind = kindOf(field);
      if (kind) {
        var key = kind + ':' + field.name;
        seen[key] = (seen[key] || 0) + 1;
        callback(field, kind, seen[key] - 1);
      }
    });
  }

  function signedIn() {
    var who = document.querySelector('meta[name="loa-signed-in"]');
    return who ? who.getAttribute('content') : '';
  }

  function keptAway(body) {
    return body.hasAttribute('data-keeps-refused-form');
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    // a form that htmx sends (it prevents the browser's own sending) never leaves its page
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !posts(form) || keptAway(document.body)) {
      return;
    }
    var fields = [];
    eachKept(form, function (field, kind, place) {
      if (kind === 'check') {
        fields.push({ n: field.name, v: field.value, c: field.checked });
      } else if (kind === 'select') {
        fields.push({ n: field.name, i: place, s: Array.prototype.filter.call(field.options, function (option) {
          return option.selected;
        }).map(function (option) {
          return option.value;
        }) });
      } else {
        fields.push({ n: field.name, i: place, v: field.value });
      }
    });
    try {
      sessionStorage.setItem(KEPT_FORM, JSON.stringify({ page: location.pathname, action: addressOf(form),
        id: form.getAttribute('id'), who: signedIn(), fields: fields }));
    } catch (e) {
      // no storage (private mode, full, blocked): the form is sent as ever, only not kept
    }
  });

  function takeKeptForm() {
    try {
      var kept = sessionStorage.getItem(KEPT_FORM);
      sessionStorage.removeItem(KEPT_FORM);
      return kept ? JSON.parse(kept) : null;
    } catch (e) {
      return null;
    }
  }

  function putBack(form, fields) {
    eachKept(form, function (field, kind, place) {
      fields.forEach(function (kept) {
        if (!kept || kept.n !== field.name) {
          return;
        }
        if (kind === 'check' && typeof kept.c === 'boolean' && kept.v === field.value) {
          field.checked = kept.c;
        } else if (kind === 'select' && Array.isArray(kept.s) && kept.i === place) {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = kept.s.indexOf(option.value) >= 0;
          });
        } else if (kind === 'text' && typeof kept.v === 'string' && kept.c === undefined && kept.i === place) {
          field.value = kept.v;
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (keptAway(document.body)) {
      return;
    }
    var kept = takeKeptForm();
    var refused = document.querySelector('meta[name="loa-form-refused"]');
    if (!kept || !refused || kept.page !== location.pathname || !Array.isArray(kept.fields)) {
      return;
    }
    // a citizen's page and a page of the same person before and after signing in again are one person's; a public
    // page its session has left (an officer's form on it) too
    var who = signedIn();
    if (kept.who && who && kept.who !== who) {
      return;
    }
    var same = Array.prototype.filter.call(document.querySelectorAll('form'), function (form) {
      return posts(form) && addressOf(form) === kept.action;
    });
    var byId = same.filter(function (form) {
      return kept.id && form.getAttribute('id') === kept.id;
    });
    var form = byId.length === 1 ? byId[0] : same.length === 1 ? same[0] : null;
    if (!form) {
      return;
    }
    putBack(form, kept.fields);
    // a form folded away (a consultation's comment on an article) is opened again, where it was, in view
    var folded = false;
    for (var box = form.closest('details'); box; box = box.parentElement ? box.parentElement.closest('details') : null) {
      folded = folded || !box.open;
      box.open = true;
    }
    var said = refused.getAttribute('content');
    if (form.querySelector('input[type=file]')) {
      said += ' ' + refused.getAttribute('data-files');
    }
    // the public pages say already that the form was not received: that notice says it all now
    var notice = document.getElementById('form-expired');
    if (!notice) {
      notice = document.createElement('p');
      notice.className = 'flash warn';
      notice.setAttribute('role', 'status');
      notice.id = 'form-restored';
      form.parentNode.insertBefore(notice, form);
    }
    notice.textContent = said;
    if (folded) {
      form.scrollIntoView({ block: 'center' });
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
