/* The /admin page's embeds panel (issue 11): create an embed, preview it live in a frame,
   copy its snippet, delete it. Uses the admin key the inbox sign-in keeps in sessionStorage;
   the key is sent only to this origin's admin API and never placed in an embed. */
(function () {
  'use strict';
  var panel = document.getElementById('embeds-panel'), app = document.getElementById('app');
  if (!panel || !app) return;
  function creds() {
    try { return { site: sessionStorage.getItem('roost.admin.site'), key: sessionStorage.getItem('roost.admin.key') }; } catch (e) { return {}; }
  }
  function h(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function field(label, input) {
    var wrap = h('label', { 'class': 'embed-field' }, label + ' ');
    wrap.appendChild(input);
    return wrap;
  }
  function select(id, values) {
    var s = h('select', { id: id });
    values.forEach(function (v) { s.appendChild(h('option', { value: v }, v)); });
    return s;
  }

  panel.appendChild(h('h2', { id: 'embeds-title' }, 'Embeds'));
  var form = h('form', { id: 'embed-form', novalidate: '' });
  var name = h('input', { id: 'embed-name', type: 'text', value: 'Social wall', maxlength: '200' });
  var layout = select('embed-layout', ['wall', 'grid', 'masonry', 'carousel', 'slideshow']);
  var theme = select('embed-theme', ['light', 'dark']);
  var order = select('embed-order', ['pinned_first', 'newest', 'random']);
  var count = h('input', { id: 'embed-count', type: 'number', min: '1', max: '100', value: '20' });
  var live = h('input', { id: 'embed-live', type: 'checkbox', checked: '' });
  [field('Name', name), field('Layout', layout), field('Theme', theme), field('Order', order), field('Posts per page', count),
    field('Live updates', live)].forEach(function (f) { form.appendChild(f); });
  form.appendChild(h('button', { type: 'submit', id: 'embed-create', 'class': 'primary' }, 'Create embed'));
  panel.appendChild(form);
  var status = h('p', { id: 'embed-status', role: 'status', 'aria-live': 'polite' });
  panel.appendChild(status);
  var list = h('ul', { id: 'embed-list', 'aria-label': 'Saved embeds' });
  panel.appendChild(list);
  var preview = h('iframe', { id: 'embed-preview', title: 'Embed preview', hidden: '', width: '100%', height: '520' });
  panel.appendChild(preview);

  function api(method, path, body) {
    var c = creds(), init = { method: method, headers: { Authorization: 'Bearer ' + c.key }, credentials: 'omit', cache: 'no-store' };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch('/v2/' + encodeURIComponent(c.site || '') + path, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error((data.error && data.error.message) || 'HTTP ' + r.status);
        return data.result.data;
      });
    });
  }

  function row(embed) {
    var li = h('li', { 'class': 'embed-row', 'data-uuid': embed.uuid });
    li.appendChild(h('strong', null, embed.name));
    li.appendChild(document.createTextNode(' \u2014 ' + embed.layout + ', ' + embed.theme.preset + ' '));
    var snippet = h('textarea', { 'class': 'embed-snippet', readonly: '', rows: '2', cols: '60', 'aria-label': 'Snippet of ' + embed.name });
    snippet.value = embed.snippet;
    var show = h('button', { type: 'button', 'class': 'embed-preview' }, 'Preview');
    show.onclick = function () { preview.hidden = false; preview.src = '/embed/' + embed.uuid; status.textContent = 'Previewing ' + embed.name; };
    var copy = h('button', { type: 'button', 'class': 'embed-copy' }, 'Copy snippet');
    copy.onclick = function () {
      snippet.select();
      var done = function () { status.textContent = 'Snippet of ' + embed.name + ' copied'; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(embed.snippet).then(done, done);
      else { try { document.execCommand('copy'); } catch (e) { /* the text stays selected */ } done(); }
    };
    var del = h('button', { type: 'button', 'class': 'embed-delete danger' }, 'Delete');
    del.onclick = function () {
      api('DELETE', '/embeds/' + embed.uuid).then(function () { status.textContent = 'Deleted ' + embed.name; refresh(); },
        function (err) { status.textContent = err.message; });
    };
    [show, copy, del, h('br'), snippet].forEach(function (e) { li.appendChild(e); });
    return li;
  }

  function refresh() {
    return api('GET', '/embeds').then(function (data) {
      while (list.firstChild) list.removeChild(list.firstChild);
      data.embeds.forEach(function (e) { list.appendChild(row(e)); });
      if (!data.embeds.length) list.appendChild(h('li', null, 'No embeds yet.'));
    }, function (err) { status.textContent = err.message; });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { name: name.value, layout: layout.value, order: order.value, count: Number(count.value),
      theme: { preset: theme.value }, live: { enabled: live.checked } };
    api('POST', '/embeds', body).then(function (data) {
      status.textContent = 'Created ' + data.embed.name + '; its preview is below';
      preview.hidden = false;
      preview.src = '/embed/' + data.embed.uuid;
      return refresh();
    }, function (err) { status.textContent = err.message; });
  });

  function sync() {
    var was = panel.hidden;
    panel.hidden = app.hidden;
    if (was && !panel.hidden) refresh();
  }
  new MutationObserver(sync).observe(app, { attributes: true, attributeFilter: ['hidden'] });
  sync();
})();
