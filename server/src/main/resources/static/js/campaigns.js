// The message editor's live counters: the same figures the server computes (SmsSegments, VersionChecks), shown as
// one types. The server stays the judge: it checks again when the version is saved.
(function () {
  'use strict';
  var BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  var EXTENSION = '^{}\\[~]|€\f';

  // Fills a message pattern as java.text.MessageFormat does for the forms the bundles use: {0} and
  // {0,choice,0#none|1#one|1<{0} many}.
  function fill(template, values) {
    var out = '';
    var i = 0;
    while (i < template.length) {
      if (template[i] !== '{') {
        out += template[i];
        i++;
        continue;
      }
      var depth = 1;
      var j = i + 1;
      while (j < template.length && depth > 0) {
        if (template[j] === '{') { depth++; } else if (template[j] === '}') { depth--; }
        j++;
      }
      var inner = template.substring(i + 1, j - 1);
      var comma = inner.indexOf(',');
      var value = values[Number(comma < 0 ? inner : inner.substring(0, comma))];
      if (comma >= 0 && inner.substring(comma + 1).indexOf('choice,') === 0) {
        var chosen = '';
        inner.substring(comma + 8).split('|').forEach(function (choice) {
          var m = choice.match(/^(-?\d+(?:\.\d+)?)([#<])([\s\S]*)$/);
          if (m && (m[2] === '#' ? Number(value) >= Number(m[1]) : Number(value) > Number(m[1]))) {
            chosen = m[3];
          }
        });
        out += fill(chosen, values);
      } else {
        out += value;
      }
      i = j;
    }
    return out;
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  function sms(text) {
    var chars = Array.from(text);
    var gsm = chars.every(function (c) { return BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0; });
    var costs = chars.map(function (c) {
      return gsm ? (EXTENSION.indexOf(c) >= 0 ? 2 : 1) : c.length;
    });
    var units = costs.reduce(function (a, b) { return a + b; }, 0);
    var single = gsm ? 160 : 70;
    var part = gsm ? 153 : 67;
    var segments = 0;
    if (units > 0 && units <= single) {
      segments = 1;
    } else if (units > single) {
      segments = 1;
      var inPart = 0;
      costs.forEach(function (c) {
        if (inPart + c > part) { segments++; inPart = 0; }
        inPart += c;
      });
    }
    return { gsm: gsm, characters: chars.length, segments: segments };
  }

  function strip(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
  }

  function update(form) {
    var body = form.querySelector('.version-body');
    if (!body) { return; }
    var text = body.value;
    var kind = form.getAttribute('data-kind');
    var out = form.querySelector('.counter span');
    if (!out) { return; }
    var template = out.getAttribute('data-template');
    if (kind === 'SMS') {
      var count = sms(text);
      var price = Number(form.getAttribute('data-price'));
      out.textContent = fill(template, [out.getAttribute(count.gsm ? 'data-text-gsm' : 'data-text-ucs'), count.characters,
        count.segments, number(count.segments * price)]);
      var plain = form.querySelector('.sms-plain-text');
      if (plain) { plain.textContent = count.gsm ? '' : strip(text); }
      var box = form.querySelector('.sms-plain');
      if (box) { box.hidden = count.gsm || text.length === 0; }
    } else if (kind === 'LOUDSPEAKER') {
      var syllables = text.split(/[\s.,;:!?()"'\-–—…“”]+/).filter(function (w) { return w.length > 0; }).length;
      var seconds = Math.ceil(syllables * 60 / Number(form.getAttribute('data-spm')));
      // "38 giây" under a minute, "2 phút" on the minute, else "2 phút 38 giây": as the server says it
      var min = Math.floor(seconds / 60);
      var sec = seconds % 60;
      var duration = min === 0 ? fill(out.getAttribute('data-seconds'), [sec])
          : (sec === 0 ? fill(out.getAttribute('data-minutes'), [min])
          : fill(out.getAttribute('data-minutes-seconds'), [min, sec]));
      out.textContent = fill(template, [syllables, duration]);
    } else if (kind === 'BILLBOARD') {
      var lines = text.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; });
      var maxChars = Number(form.getAttribute('data-max-chars'));
      var maxLines = Number(form.getAttribute('data-max-lines'));
      var longest = lines.reduce(function (a, l) { return Math.max(a, Array.from(l).length); }, 0);
      out.textContent = fill(template, [maxLines, maxChars]) + ' — ' + lines.length + '/' + maxLines + ', ' + longest + '/' + maxChars;
      out.classList.toggle('over', lines.length > maxLines || longest > maxChars);
    } else if (kind === 'SOCIAL_POST' || kind === 'ZALO_POST') {
      // counted as published: the text, then its hashtags and its link
      var max = Number(form.getAttribute('data-social-max'));
      var extras = Array.prototype.map.call(form.querySelectorAll('.social-extra'), function (input) {
        return input.value.trim();
      });
      var published = text + (extras[0] ? '\n\n' + extras[0].split(/[\s,;]+/).join(' ') : '') + (extras[1] ? '\n' + extras[1] : '');
      var n = Array.from(published).length;
      out.textContent = fill(template, [n, max]);
      out.classList.toggle('over', n > max);
    } else {
      out.textContent = fill(template, [Array.from(text).length]);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form.version-form').forEach(function (form) {
      var body = form.querySelector('.version-body');
      if (!body) { return; }
      body.addEventListener('input', function () { update(form); });
      form.querySelectorAll('.social-extra').forEach(function (input) {
        input.addEventListener('input', function () { update(form); });
      });
      var use = form.querySelector('.use-plain');
      if (use) {
        use.addEventListener('click', function () {
          body.value = strip(body.value);
          update(form);
        });
      }
      update(form);
    });
  });
})();
