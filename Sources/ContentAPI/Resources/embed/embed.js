/* Roost embed: renders saved embeds into <div data-roost-embed="UUID"> on any page (SPEC 3.9).
   Plain script, no dependencies, no third-party requests: configuration, posts and beacons all
   go to the Roost that served this file. Each embed lives in a shadow root, so the host page's
   CSS and the cards' CSS never meet. Post text is textRich (sanitized by Roost) passed through a
   second allowlist here; nothing from a post is ever inserted as markup. */
(function () {
  'use strict';
  var me = document.currentScript;
  var ORIGIN = me && me.src ? new URL(me.src, location.href).origin : location.origin;
  var MAX_CARDS = 120;   /* cards kept in the DOM of a wall; farther chunks fold into spacers */
  var MAX_SLIDES = 200;  /* posts a slideshow keeps in rotation */
  var reduced = window.matchMedia ? matchMedia('(prefers-reduced-motion: reduce)') : { matches: false };
  var counter = 0;

  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function safeUrl(u) {
    /* Absolute http(s)/mailto only: Roost stores absolute URLs, and a relative one would resolve against the host page. */
    if (!u) return null;
    try { var x = new URL(u); return /^(https?|mailto):$/.test(x.protocol) ? x.href : null; } catch (e) { return null; }
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  /* The second allowlist over textRich: a few text elements, links with http(s)/mailto only,
     everything else unwrapped or dropped; parsing happens in a document of its own, with no browsing context (nothing in it loads or runs). */
  var KEEP = { P: 1, BR: 1, A: 1, STRONG: 1, B: 1, EM: 1, I: 1, U: 1, S: 1, UL: 1, OL: 1, LI: 1, BLOCKQUOTE: 1, CODE: 1, PRE: 1, SUB: 1, SUP: 1, SMALL: 1 };
  var DROP = { SCRIPT: 1, STYLE: 1, IFRAME: 1, IMG: 1, VIDEO: 1, AUDIO: 1, OBJECT: 1, EMBED: 1, FORM: 1, INPUT: 1, BUTTON: 1, SVG: 1,
    MATH: 1, TEMPLATE: 1, NOSCRIPT: 1, TEXTAREA: 1, SELECT: 1, SOURCE: 1, PICTURE: 1, LINK: 1, META: 1, TITLE: 1, HEAD: 1 };
  var inert = null;
  function cleanText(html, limit) {
    var tpl = inert || (inert = document.createElement('template'));
    /* Event-handler attributes are renamed before parsing only so that a page's CSP has nothing to
       report; safety comes from the allowlist copy, which keeps no attribute but a checked href. */
    tpl.innerHTML = String(html).replace(/(\s|\/)on([a-z]+\s*=)/gi, '$1data-on$2');
    var out = document.createDocumentFragment();
    var budget = { left: limit > 0 ? limit : Infinity, cut: false };
    copy(tpl.content, out, budget);
    tpl.innerHTML = '';
    return out;
  }
  function copy(from, to, budget) {
    for (var n = from.firstChild; n && !budget.cut; n = n.nextSibling) {
      if (n.nodeType === 3) {
        var t = n.nodeValue;
        if (t.length > budget.left) { t = t.slice(0, budget.left).replace(/\s+\S*$/, '') + '\u2026'; budget.cut = true; }
        budget.left -= t.length;
        to.appendChild(document.createTextNode(t));
      } else if (n.nodeType === 1) {
        var tag = n.tagName.toUpperCase();
        if (DROP[tag]) continue;
        var target = to;
        if (/^H[1-6]$/.test(tag)) { target = h('p'); target.appendChild(h('strong')); to.appendChild(target); copy(n, target.firstChild, budget); continue; }
        if (KEEP[tag]) {
          target = h(tag.toLowerCase());
          if (tag === 'A') {
            var href = safeUrl(n.getAttribute('href') || '');
            if (!href) { target = to; } else { target.href = href; target.target = '_blank'; target.rel = 'noopener noreferrer'; }
          }
          if (target !== to) to.appendChild(target);
        }
        copy(n, target, budget);
      }
    }
  }

  function ago(iso) {
    var t = Date.parse(iso);
    if (!t) return '';
    var s = (t - Date.now()) / 1000, units = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.35, 'week'], [12, 'month'], [Infinity, 'year']];
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(s) < units[i][0]) {
        try { return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(s), units[i][1]); } catch (e) { return new Date(t).toLocaleString(); }
      }
      s /= units[i][0];
    }
    return '';
  }

  function videoPlayer(v) {
    var u; try { u = new URL(v.url); } catch (e) { return null; }
    var host = u.hostname.replace(/^www\.|^m\./, ''), id;
    if (host === 'youtu.be') id = u.pathname.slice(1);
    else if (/youtube(-nocookie)?\.com$/.test(host)) id = u.searchParams.get('v') || (u.pathname.match(/\/(embed|shorts|live|v)\/([\w-]+)/) || [])[2];
    if (id && /^[\w-]{6,20}$/.test(id)) return 'https://www.youtube-nocookie.com/embed/' + id + '?autoplay=1&rel=0';
    if (/vimeo\.com$/.test(host)) { id = (u.pathname.match(/(\d{5,12})/) || [])[1]; if (id) return 'https://player.vimeo.com/video/' + id + '?autoplay=1&dnt=1'; }
    return null;
  }

  function Embed(host, cfg) {
    this.host = host;
    this.e = cfg.embed;
    this.id = ++counter;
    this.seen = {};
    this.chunks = [];
    this.pending = [];
    this.slides = [];
    this.at = 0;
    this.fails = 0;
    this.busy = false;
    this.hover = false;
    this.focus = false;
    this.build();
    this.beacon({ event: 'view' });
    this.take(cfg.page, true);
    this.schedule();
  }
  var P = Embed.prototype;

  P.build = function () {
    var e = this.e, self = this, root = this.host.shadowRoot || this.host.attachShadow({ mode: 'open' });
    while (root.firstChild) root.removeChild(root.firstChild);
    var link = h('link'); link.rel = 'stylesheet'; link.href = e.styleUrl; root.appendChild(link);
    var r = this.r = h('section', 'r ' + e.layout);
    r.setAttribute('aria-label', e.name);
    var t = e.theme, vars = { '--bg': t.background, '--card': t.card, '--fg': t.text, '--muted': t.muted, '--accent': t.accent,
      '--font': t.fontStack, '--radius': t.radius + 'px', '--gap': t.gap + 'px' };
    for (var k in vars) r.style.setProperty(k, vars[k]);
    if (document.body && document.body.classList.contains('roost-page')) document.body.style.background = t.background;
    r.appendChild(h('h2', e.layout === 'slideshow' ? 'sr' : 'hd', e.name));
    this.live = h('div', 'sr'); this.live.setAttribute('role', 'status'); this.live.setAttribute('aria-live', 'polite');
    r.appendChild(this.live);
    this.fresh = h('button', 'btn fresh'); this.fresh.type = 'button'; this.fresh.hidden = true;
    this.fresh.onclick = function () { self.showPending(); };
    r.appendChild(this.fresh);
    if (e.layout === 'slideshow') this.buildSlides(r);
    else if (e.layout === 'carousel') this.buildCarousel(r);
    else { this.feed = h('div', 'feed'); r.appendChild(this.feed); }
    this.msg = h('p', 'msg'); this.msg.hidden = true; r.appendChild(this.msg);
    this.more = h('button', 'btn more', 'Load more posts'); this.more.type = 'button'; this.more.hidden = true;
    this.more.onclick = function () { self.loadMore(); };
    if (e.layout !== 'slideshow') r.appendChild(this.more);
    r.addEventListener('pointerenter', function () { self.hover = true; });
    r.addEventListener('pointerleave', function () { self.hover = false; self.settle(); });
    r.addEventListener('focusin', function () { self.focus = true; });
    r.addEventListener('focusout', function (ev) { if (!r.contains(ev.relatedTarget)) { self.focus = false; self.settle(); } });
    r.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('a,.play'), card = a && a.closest('[data-id]');
      if (card) self.beacon({ event: 'click', flocklerId: +card.getAttribute('data-id') });
    });
    root.appendChild(r);
    if ('IntersectionObserver' in window && e.layout !== 'slideshow') {
      new IntersectionObserver(function (es) { if (es[0].isIntersecting && !self.focus) self.loadMore(); }, { rootMargin: '600px 0px' }).observe(this.more);
      this.io = new IntersectionObserver(function (es) { self.watch(es); }, { rootMargin: '1500px 0px' });
    }
    addEventListener('online', function () { self.poll(true); });
  };

  P.buildCarousel = function (r) {
    var self = this, nav = h('div', 'nav');
    var prev = h('button', 'btn', '\u2039'), next = h('button', 'btn', '\u203a');
    prev.type = next.type = 'button';
    prev.setAttribute('aria-label', 'Previous posts'); next.setAttribute('aria-label', 'Next posts');
    nav.appendChild(prev); nav.appendChild(next); r.appendChild(nav);
    this.feed = this.track = h('div', 'track');
    this.track.tabIndex = 0; this.track.setAttribute('role', 'region'); this.track.setAttribute('aria-label', 'Posts, scroll sideways');
    prev.onclick = function () { self.track.scrollBy({ left: -self.track.clientWidth * 0.9, behavior: reduced.matches ? 'auto' : 'smooth' }); };
    next.onclick = function () {
      self.track.scrollBy({ left: self.track.clientWidth * 0.9, behavior: reduced.matches ? 'auto' : 'smooth' });
      if (self.track.scrollLeft + 2 * self.track.clientWidth > self.track.scrollWidth) self.loadMore();
    };
    r.appendChild(this.track);
  };

  P.buildSlides = function (r) {
    var self = this, c = h('div', 'controls');
    this.stage = h('div', 'stage'); r.appendChild(this.stage);
    var prev = h('button', 'btn', 'Previous'), next = h('button', 'btn', 'Next');
    this.pause = h('button', 'btn');
    prev.type = next.type = this.pause.type = 'button';
    prev.setAttribute('aria-label', 'Previous post'); next.setAttribute('aria-label', 'Next post');
    this.pos = h('span', 'meta');
    prev.onclick = function () { self.step(-1); };
    next.onclick = function () { self.step(1); };
    this.paused = reduced.matches;
    this.pause.onclick = function () { self.paused = !self.paused; self.chosen = true; self.tick(); };
    if (reduced.addEventListener) reduced.addEventListener('change', function () { self.paused = reduced.matches; self.chosen = false; self.tick(); });
    c.appendChild(prev); c.appendChild(this.pause); c.appendChild(next); c.appendChild(this.pos);
    r.appendChild(c);
    r.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowLeft') self.step(-1); else if (ev.key === 'ArrowRight') self.step(1);
    });
  };

  /* A page of the posts API: append (or, first, render) its posts and remember its links. */
  P.take = function (page, first) {
    var posts = (page.posts || []).filter(this.fits, this);
    if (first && this.e.order === 'newest') posts.sort(function (a, b) { return Date.parse(b.publishedAt) - Date.parse(a.publishedAt); });
    if (first) this.newer = page.pagination.newer;
    this.older = page.pagination.older;
    if (this.e.layout === 'slideshow') {
      var self = this;
      posts.forEach(function (p) { if (!self.seen[p.flocklerId]) { self.seen[p.flocklerId] = 1; self.slides.push(p); } });
      if (this.slides.length > MAX_SLIDES) { this.slides.length = MAX_SLIDES; this.older = null; }
      if (first) this.show(0);
      this.tick();
    } else {
      this.addChunk(posts, false);
      this.more.hidden = !this.older;
    }
    if (first && !posts.length) this.say('No posts yet.', true);
  };

  P.fits = function (p) {
    return !this.e.card.mediaOnly || (p.images && p.images.length) || (p.videos && p.videos.length);
  };

  P.addChunk = function (posts, top) {
    var self = this, fresh = posts.filter(function (p) { return !self.seen[p.flocklerId]; });
    if (!fresh.length) return;
    fresh.forEach(function (p) { self.seen[p.flocklerId] = 1; });
    if (this.e.layout === 'carousel') {
      fresh.forEach(function (p) { self.track.insertBefore(self.card(p), top ? self.track.firstChild : null); });
      return;
    }
    if (top && this.chunks.length && !this.chunks[0].folded) {
      var c0 = this.chunks[0];
      c0.posts = fresh.concat(c0.posts);
      for (var i = fresh.length - 1; i >= 0; i--) c0.el.insertBefore(this.card(fresh[i]), c0.el.firstChild);
    } else {
      var c = { el: h('div', 'chunk'), posts: fresh, folded: false, near: true };
      c.el.chunk = c;
      fresh.forEach(function (p) { c.el.appendChild(self.card(p)); });
      if (top) { this.feed.insertBefore(c.el, this.feed.firstChild); this.chunks.unshift(c); } else { this.feed.appendChild(c.el); this.chunks.push(c); }
      if (this.io) this.io.observe(c.el);
    }
    this.trim();
  };

  /* Bounded DOM: chunks far from the viewport fold into spacers of their height; they unfold
     when they come near again. */
  P.watch = function (entries) {
    var self = this;
    entries.forEach(function (en) {
      var c = en.target.chunk; c.near = en.isIntersecting;
      if (c.near && c.folded) self.unfold(c);
    });
    this.trim();
  };
  P.trim = function () {
    var n = 0, i, c;
    for (i = 0; i < this.chunks.length; i++) if (!this.chunks[i].folded) n += this.chunks[i].posts.length;
    var far = this.chunks.filter(function (k) { return !k.folded && !k.near; });
    while (n > MAX_CARDS && far.length) {
      c = far.shift();
      if (c.el.contains(this.r.getRootNode().activeElement)) continue;
      c.el.style.height = c.el.offsetHeight + 'px';
      while (c.el.firstChild) c.el.removeChild(c.el.firstChild);
      c.folded = true;
      n -= c.posts.length;
    }
  };
  P.unfold = function (c) {
    var self = this;
    c.el.style.height = '';
    c.posts.forEach(function (p) { c.el.appendChild(self.card(p)); });
    c.folded = false;
  };

  P.card = function (p, slide) {
    var e = this.e, card = h('article', 'card' + (slide ? ' fade' : '')), hid = 'p' + this.id + '-' + p.flocklerId;
    card.setAttribute('data-id', p.flocklerId);
    if (!slide) card.tabIndex = 0;
    card.setAttribute('aria-labelledby', hid);
    var from = p.from || {}, body = slide ? h('div', 'body') : card;
    var by = h('div', 'by');
    if (e.card.avatar && from.profileImageUrl && safeUrl(from.profileImageUrl)) {
      var av = h('img', 'av'); av.alt = ''; av.width = av.height = 40; av.loading = 'lazy'; av.decoding = 'async';
      av.referrerPolicy = 'no-referrer';
      av.onerror = function () { av.remove(); };
      av.src = from.profileImageUrl; by.appendChild(av);
    }
    var who = h('div', 'who'), name = h('h3', 'name', (e.card.author && (from.name || from.username)) || p.title || 'Post');
    name.id = hid; who.appendChild(name);
    if (e.card.author && from.username && from.username !== from.name) who.appendChild(h('span', 'user', '@' + from.username));
    by.appendChild(who);
    if (p.pinnedIndex != null) by.appendChild(h('span', 'pin', 'Pinned'));
    if (e.card.channelIcon && p.channel) { var ch = h('span', 'ch', p.channel.replace('_', ' ')); by.appendChild(ch); }
    var media = this.media(p, slide);
    if (slide && media) card.appendChild(media);
    body.appendChild(by);
    if (!slide && media) body.appendChild(media);
    if (p.title && name.textContent !== p.title) body.appendChild(h('p', 'ttl', p.title));
    if (p.textRich || p.textPlain) {
      var tx = h('div', 'tx');
      if (p.textRich) tx.appendChild(cleanText(p.textRich, e.card.textLength));
      else tx.textContent = e.card.textLength && p.textPlain.length > e.card.textLength ? p.textPlain.slice(0, e.card.textLength) + '\u2026' : p.textPlain;
      if (tx.textContent.trim()) body.appendChild(tx);
    }
    var ft = h('div', 'ft');
    if (e.card.time && p.publishedAt) { var tm = h('time', null, ago(p.publishedAt)); tm.dateTime = p.publishedAt; ft.appendChild(tm); }
    var src = p.sourceUrl && safeUrl(p.sourceUrl);
    if (src) {
      var a = h('a', 'open', 'Open post'); a.href = src; a.target = '_blank'; a.rel = 'noopener noreferrer';
      a.appendChild(h('span', 'sr', ' by ' + (from.name || from.username || p.channel) + ' (opens in a new tab)'));
      ft.appendChild(a);
    }
    body.appendChild(ft);
    if (slide) card.appendChild(body);
    return card;
  };

  P.media = function (p, slide) {
    var img = (p.images || []).filter(function (i) { return safeUrl(i.url); })[0], v = (p.videos || [])[0], self = this;
    if (!img && !v) return null;
    var box = h('div', 'media');
    var natural = !slide && (this.e.layout === 'wall' || this.e.layout === 'masonry');
    var pic = null;
    if (img) {
      pic = h('img'); pic.alt = img.altText || (v ? 'Video preview' : 'Image from ' + ((p.from && p.from.name) || p.channel));
      pic.width = 800; pic.height = 600; pic.loading = slide ? 'eager' : 'lazy'; pic.decoding = 'async'; pic.referrerPolicy = 'no-referrer';
      pic.onload = function () { if (natural && pic.naturalWidth && pic.naturalHeight) box.style.aspectRatio = pic.naturalWidth + ' / ' + pic.naturalHeight; };
      pic.onerror = function () {
        var ph = h('div', 'ph', img.altText ? 'Image unavailable: ' + img.altText : 'Image unavailable');
        ph.setAttribute('role', 'img'); ph.setAttribute('aria-label', ph.textContent);
        if (pic.parentNode) pic.parentNode.replaceChild(ph, pic);
      };
      pic.src = img.url;
    }
    if (!v) { box.appendChild(pic); return box; }
    var btn = h('button', 'play'); btn.type = 'button';
    btn.setAttribute('aria-label', 'Play video' + (p.title ? ': ' + p.title : ''));
    if (pic) { pic.alt = ''; btn.appendChild(pic); }
    var tri = h('span', 'tri', '\u25b6'); tri.setAttribute('aria-hidden', 'true'); btn.appendChild(tri);
    btn.onclick = function () {
      var player, url = safeUrl(v.url), embed = url && (v.type === 'iframe' || v.type === 'link') && videoPlayer(v);
      if (embed) {
        player = h('iframe'); player.src = embed; player.title = 'Video player';
        player.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen'; player.referrerPolicy = 'strict-origin-when-cross-origin';
      } else if (url && v.type === 'file') {
        player = h('video'); player.controls = true; player.autoplay = true; player.playsInline = true; player.src = url;
      } else if (url) { window.open(url, '_blank', 'noopener,noreferrer'); return; }
      if (player) { box.replaceChild(player, btn); self.paused = true; self.tick(); if (player.focus) player.focus(); }
    };
    box.appendChild(btn);
    return box;
  };

  /* Requests to the posts API carry the embed's read key in a header, never in a link. */
  P.get = function (url) {
    return fetch(url, { headers: { 'X-FL-API-Key': this.e.readKey }, credentials: 'omit', cache: 'no-cache' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  };

  P.loadMore = function () {
    var self = this;
    if (this.busy || !this.older) return;
    this.busy = true;
    this.more.disabled = true;
    this.get(this.older).then(function (page) {
      self.busy = false; self.more.disabled = false;
      var before = self.older;
      self.take(page, false);
      self.say(page.posts.length + ' more posts loaded');
      if (self.older === before) self.older = null;
      self.near();
    }, function () {
      self.busy = false; self.more.disabled = false;
      self.say('Could not load more posts; try again.', true);
    });
  };

  /* Infinite scroll: the observer fires only when "Load more" enters the margin, so after each
     page the button's position is checked again (it may still be in view). While focus is inside
     the embed (a keyboard user), nothing loads by itself: the button stays reachable, and so
     does whatever follows the wall on the page. */
  P.near = function () {
    var self = this;
    if (!this.io || this.more.hidden || this.focus || this.e.layout === 'carousel') return;
    requestAnimationFrame(function () {
      if (self.more.getBoundingClientRect().top < innerHeight + 600) self.loadMore();
    });
  };

  P.interacting = function () {
    if (this.hover || this.focus) return true;
    var top = this.r.getBoundingClientRect().top;
    return this.e.layout !== 'slideshow' && top < -200;
  };

  /* Live updates: poll the newer link (every post shown since, pinned included), with backoff
     while the server or the network is away; new posts wait while the visitor interacts. */
  P.schedule = function () {
    var self = this, base = Math.max(10, this.e.live.interval) * 1000;
    clearTimeout(this.timer);
    if (!this.e.live.enabled || !this.newer) return;
    var wait = this.fails ? Math.min(300000, base * Math.pow(2, this.fails)) : base;
    this.timer = setTimeout(function () { self.poll(); }, wait);
  };
  P.poll = function (now) {
    var self = this;
    if (!this.e.live.enabled || !this.newer || (now && !this.fails)) return;
    if (document.hidden) { this.schedule(); return; }
    this.get(this.newer).then(function (page) {
      self.fails = 0; self.msg.hidden = true;
      if (page.pagination && page.pagination.newer) self.newer = page.pagination.newer;
      var posts = (page.posts || []).filter(self.fits, self);
      posts.forEach(function (p) { if (self.seen[p.flocklerId] && p.pinnedIndex != null) self.unseen(p.flocklerId); });
      posts = posts.filter(function (p) { return !self.seen[p.flocklerId]; });
      if (posts.length) { self.pending = posts.concat(self.pending.filter(function (q) { return !posts.some(function (p) { return p.flocklerId === q.flocklerId; }); })); self.settle(); }
      self.schedule();
    }, function () {
      self.fails++;
      if (self.fails > 2) self.say('Reconnecting\u2026', true);
      self.schedule();
    });
  };
  P.unseen = function (id) {
    delete this.seen[id];
    var old = this.r.querySelector('[data-id="' + id + '"]');
    if (old && this.e.layout !== 'slideshow') old.remove();
    this.chunks.forEach(function (c) { c.posts = c.posts.filter(function (p) { return p.flocklerId !== id; }); });
    this.slides = this.slides.filter(function (p) { return p.flocklerId !== id; });
  };
  P.settle = function () {
    var n = this.pending.length;
    if (!n) { this.fresh.hidden = true; return; }
    if (this.interacting()) {
      this.fresh.textContent = 'Show ' + n + ' new post' + (n > 1 ? 's' : '');
      if (this.fresh.hidden) this.say(n + ' new post' + (n > 1 ? 's' : '') + ' available');
      this.fresh.hidden = false;
    } else this.showPending();
  };
  P.showPending = function () {
    var posts = this.pending, self = this;
    this.pending = [];
    this.fresh.hidden = true;
    if (!posts.length) return;
    if (this.e.layout === 'slideshow') {
      posts.forEach(function (p) { self.seen[p.flocklerId] = 1; });
      this.slides.splice.apply(this.slides, [this.at + 1, 0].concat(posts));
      if (this.slides.length > MAX_SLIDES) this.slides.length = MAX_SLIDES;
      this.count();
    } else this.addChunk(posts, true);
    this.say(posts.length + ' new post' + (posts.length > 1 ? 's' : '') + ' at the top');
  };

  P.show = function (i) {
    var n = this.slides.length;
    while (this.stage.firstChild) this.stage.removeChild(this.stage.firstChild);
    if (!n) return;
    this.at = (i + n) % n;
    this.stage.appendChild(this.card(this.slides[this.at], true));
    this.count();
    if (this.at >= n - 3 && this.older) this.loadMore();
  };
  P.count = function () { if (this.pos) this.pos.textContent = (this.at + 1) + ' / ' + this.slides.length; };
  P.step = function (d) { this.show(this.at + d); this.tick(); };
  P.tick = function () {
    var self = this;
    clearTimeout(this.slideTimer);
    if (!this.pause) return;
    this.pause.textContent = this.paused ? 'Play' : 'Pause';
    this.pause.setAttribute('aria-label', this.paused ? 'Play slideshow' : 'Pause slideshow');
    if (!this.paused && (!reduced.matches || this.chosen)) this.slideTimer = setTimeout(function () { if (!self.hover && !self.focus) self.show(self.at + 1); self.tick(); }, this.e.slideInterval * 1000);
  };

  P.say = function (text, visible) {
    this.live.textContent = text;
    if (visible) { this.msg.textContent = text; this.msg.hidden = false; }
  };

  P.beacon = function (body) {
    body.embed = this.e.uuid;
    try { if (navigator.sendBeacon) navigator.sendBeacon(this.e.statsUrl, JSON.stringify(body)); } catch (e) { /* stats are best effort */ }
  };

  /* Loads an embed's configuration (with its first page of posts), retrying while Roost is away. */
  function mount(host) {
    if (host.getAttribute('data-roost-mounted')) return;
    host.setAttribute('data-roost-mounted', '1');
    var uuid = host.getAttribute('data-roost-embed') || '', inline = host.getAttribute('data-roost-config');
    var data = inline && document.getElementById(inline);
    if (data) {
      try { new Embed(host, JSON.parse(data.textContent)); return; } catch (e) { /* fall back to the network */ }
    }
    var tries = 0;
    (function attempt() {
      fetch(ORIGIN + '/embed/' + encodeURIComponent(uuid) + '/config', { credentials: 'omit' }).then(function (r) {
        if (r.status === 404) throw new Error('gone');
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      }).then(function (cfg) { new Embed(host, cfg); }, function (err) {
        var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
        root.textContent = err.message === 'gone' ? 'This wall no longer exists.' : 'The wall could not be loaded; retrying\u2026';
        if (err.message !== 'gone') sleep(Math.min(300000, 2000 * Math.pow(2, tries++))).then(attempt);
      });
    })();
  }

  function boot() { Array.prototype.forEach.call(document.querySelectorAll('[data-roost-embed]'), mount); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
  window.RoostEmbed = { mount: mount, scan: boot };
})();
