/// The operator inbox page served at `GET /admin` (SPEC §3.5, issue 5): one self-contained
/// HTML document with inline CSS and JS, no external assets and no inline event-handler
/// attributes, so it runs under `script-src 'unsafe-inline'; connect-src 'self'` without eval.
///
/// The site UUID and admin key are typed into a form and kept in `sessionStorage` (never in
/// the URL); the key goes out only as `Authorization: Bearer` to this origin's `/v2` API.
/// Post text is rendered from `textPlain` through `textContent`, never `textRich` as HTML,
/// and only http(s) URLs become links or images. `#count=N` (1–100) in the page URL changes
/// the page size from 25, for tests of "load more".
enum AdminPage {
    static let html: String = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>Roost · operator inbox</title>
<style>
:root {
  color-scheme: light dark;
  --fg: #1b1f24; --bg: #f3f4f6; --card: #ffffff; --muted: #57606a; --line: #d0d7de;
  --accent: #0a58ca; --ok: #1a7f37; --bad: #cf222e; --warn: #8a5a00; --sel: #fff5c2; --chip: #eef1f4;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --card: #161b22; --muted: #9198a1; --line: #30363d;
          --accent: #58a6ff; --ok: #3fb950; --bad: #ff7b72; --warn: #d29922; --sel: #2f2a0f; --chip: #21262d; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
a { color: var(--accent); }
body { margin: 0; background: var(--bg); color: var(--fg); }
header.top { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; padding: .75rem 1rem;
             background: var(--card); border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 1.2rem; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.muted { color: var(--muted); }
button { font: inherit; padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 6px;
         background: var(--chip); color: var(--fg); cursor: pointer; }
button:hover { border-color: var(--accent); }
button:disabled { opacity: .55; cursor: default; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { color: var(--bad); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
kbd { font: .8em ui-monospace, SFMono-Regular, Menlo, monospace; padding: 0 .3em; border: 1px solid var(--line);
      border-radius: 4px; background: var(--card); color: var(--fg); }
form#login { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; max-width: 32rem; }
form#login h2 { margin-top: 0; font-size: 1.1rem; }
form#login label { display: block; margin: .6rem 0 .2rem; font-weight: 600; }
form#login input { width: 100%; font: inherit; padding: .4rem; border: 1px solid var(--line); border-radius: 6px;
                   background: var(--bg); color: var(--fg); }
form#login button { margin-top: .9rem; }
#status { min-height: 1.6rem; margin: .5rem 0; padding: .35rem .6rem; border-radius: 6px; border-left: 4px solid transparent; }
#status:empty { border-color: transparent; padding: 0; }
#status[data-kind="info"] { border-color: var(--accent); }
#status[data-kind="ok"] { border-color: var(--ok); }
#status[data-kind="warn"] { border-color: var(--warn); }
#status[data-kind="error"] { border-color: var(--bad); color: var(--bad); font-weight: 600; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center;
           padding: .5rem 0; background: var(--bg); }
.toolbar .spacer { flex: 1; }
#help { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; margin: .5rem 0; }
#help h2 { font-size: 1rem; }
#help table { border-collapse: collapse; }
#help td { padding: .15rem .8rem .15rem 0; }
ol#posts { list-style: none; margin: 0; padding: 0; }
ol#posts > li { margin: 0 0 .8rem; }
article.post { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
article.post:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
article.post.current { border-color: var(--accent); }
article.post.selected { background: var(--sel); }
article.post[aria-busy="true"] { opacity: .6; }
.post-head { display: flex; gap: .6rem; align-items: flex-start; }
.post-head input[type="checkbox"] { width: 1.15rem; height: 1.15rem; margin-top: .25rem; flex: none; }
.post-head h2 { margin: 0; font-size: 1.05rem; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem .8rem; font-size: .88rem; color: var(--muted); margin: .2rem 0 .4rem; }
.meta a { color: var(--accent); }
.chip { display: inline-block; padding: 0 .45rem; border-radius: 999px; background: var(--chip); font-size: .82rem; }
.state-inbox { color: var(--warn); }
.state-published { color: var(--ok); }
.state-hidden { color: var(--bad); }
.pinned { color: var(--accent); font-weight: 600; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 14em; overflow: auto; margin: .4rem 0; }
.media { display: flex; flex-wrap: wrap; gap: .5rem; margin: .4rem 0; }
.media figure { margin: 0; width: 10rem; }
.media img { display: block; width: 10rem; height: 7.5rem; object-fit: cover; border-radius: 6px;
             background: var(--chip); border: 1px solid var(--line); }
.media figcaption { font-size: .78rem; color: var(--muted); overflow-wrap: anywhere; }
.media .broken { display: grid; place-items: center; width: 10rem; height: 7.5rem; border-radius: 6px;
                 border: 1px dashed var(--line); font-size: .8rem; color: var(--muted); text-align: center; }
ul.videos { margin: .3rem 0; padding-left: 1.2rem; font-size: .9rem; overflow-wrap: anywhere; }
ul.tags { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem; padding: 0; margin: .3rem 0; }
.moderation { border-top: 1px solid var(--line); margin-top: .5rem; padding-top: .4rem; font-size: .9rem; }
.moderation ul { margin: .2rem 0; padding-left: 1.2rem; }
.moderation code { font: .85em ui-monospace, SFMono-Regular, Menlo, monospace; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .6rem; }
#empty { padding: 2rem; text-align: center; color: var(--muted); }
#more { display: block; margin: .5rem auto 2rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<header class="top">
  <h1>Roost · operator inbox</h1>
  <span id="who" class="muted"></span>
  <button type="button" id="signout" hidden>Forget key</button>
</header>
<main>
  <noscript><p>This page needs JavaScript.</p></noscript>
  <div id="status" role="status" aria-live="polite" aria-atomic="true"></div>

  <form id="login" method="post" autocomplete="off" novalidate>
    <h2>Open a site's inbox</h2>
    <p class="muted">The site UUID and admin key stay in this browser tab's session storage
      and are sent only to this server, as an <code>Authorization</code> header.</p>
    <label for="site">Site UUID</label>
    <input id="site" type="text" spellcheck="false" autocapitalize="off" autocomplete="off" required>
    <label for="key">Admin key</label>
    <input id="key" type="password" spellcheck="false" autocomplete="off" required>
    <button type="submit" class="primary" id="open">Open inbox</button>
  </form>

  <section id="app" hidden aria-label="Inbox">
    <div class="toolbar" role="toolbar" aria-label="Inbox actions">
      <button type="button" id="reload">Reload <kbd>r</kbd></button>
      <button type="button" id="publish-selected">Publish selected <kbd>P</kbd></button>
      <button type="button" id="hide-selected" class="danger">Hide selected <kbd>H</kbd></button>
      <button type="button" id="clear-selection">Clear selection</button>
      <span class="spacer"></span>
      <span id="counts" class="muted"></span>
      <button type="button" id="help-toggle" aria-expanded="false" aria-controls="help">Shortcuts <kbd>?</kbd></button>
    </div>
    <div id="help" hidden>
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          <tr><td><kbd>j</kbd> / <kbd>k</kbd></td><td>next / previous post (at the end, <kbd>j</kbd> loads more)</td></tr>
          <tr><td><kbd>p</kbd></td><td>publish the current post</td></tr>
          <tr><td><kbd>h</kbd></td><td>hide the current post</td></tr>
          <tr><td><kbd>i</kbd></td><td>pin the current post (asks for the index)</td></tr>
          <tr><td><kbd>u</kbd></td><td>unpin the current post</td></tr>
          <tr><td><kbd>x</kbd></td><td>select or unselect the current post</td></tr>
          <tr><td><kbd>Shift</kbd>+<kbd>P</kbd></td><td>publish every selected post (all or nothing)</td></tr>
          <tr><td><kbd>Shift</kbd>+<kbd>H</kbd></td><td>hide every selected post (all or nothing)</td></tr>
          <tr><td><kbd>r</kbd></td><td>reload the inbox</td></tr>
          <tr><td><kbd>?</kbd></td><td>show or hide this help (<kbd>Esc</kbd> closes it)</td></tr>
        </tbody>
      </table>
    </div>
    <ol id="posts" aria-label="Posts waiting for a decision, newest first"></ol>
    <p id="empty" hidden>The inbox is empty: nothing waits for a decision.</p>
    <button type="button" id="more" hidden>Load more</button>
  </section>
  <section id="embeds-panel" hidden aria-labelledby="embeds-title"></section>
</main>
<script src="/admin/embeds.js" defer></script>
<script>
(function () {
  "use strict";

  const STORE_SITE = "roost.admin.site";
  const STORE_KEY = "roost.admin.key";
  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $("status"), login: $("login"), site: $("site"), key: $("key"), app: $("app"),
    who: $("who"), signout: $("signout"), list: $("posts"), empty: $("empty"), more: $("more"),
    counts: $("counts"), help: $("help"), helpToggle: $("help-toggle"), reload: $("reload"),
    publishSelected: $("publish-selected"), hideSelected: $("hide-selected"), clearSelection: $("clear-selection")
  };
  const state = {
    site: null, key: null, older: null, loading: false, generation: 0, bulkBusy: false,
    selected: new Set(), currentId: null, pageSize: pageSizeFromHash()
  };

  /** The page size: 25, or `#count=N` (1-100) for tests. */
  function pageSizeFromHash() {
    const match = /(?:^#|&)count=(\d{1,3})(?:&|$)/.exec(location.hash);
    const n = match ? Number(match[1]) : 25;
    return n >= 1 && n <= 100 ? n : 25;
  }

  // ---- storage (sessionStorage may be unavailable; then the key lives in memory only) ----
  function load(name) { try { return sessionStorage.getItem(name); } catch (e) { return null; } }
  function save(name, value) { try { sessionStorage.setItem(name, value); } catch (e) { /* memory only */ } }
  function forget(name) { try { sessionStorage.removeItem(name); } catch (e) { /* nothing stored */ } }

  // ---- status area ----
  function status(message, kind) {
    ui.status.setAttribute("aria-live", kind === "error" ? "assertive" : "polite");
    ui.status.dataset.kind = kind || "info";
    ui.status.textContent = message;
  }

  // ---- API ----
  class APIError extends Error {
    constructor(message, httpStatus, body) { super(message); this.httpStatus = httpStatus; this.body = body; }
  }

  /** Calls the API with the admin key; resolves to the parsed JSON or rejects with the envelope's message. */
  async function api(method, path, body) {
    const headers = { "Accept": "application/json", "Authorization": "Bearer " + state.key };
    const init = { method: method, headers: headers, cache: "no-store", credentials: "omit", redirect: "error" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (err) {
      throw new APIError("the server could not be reached (" + (err && err.message ? err.message : err) + ")", 0, null);
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = null; }
    }
    if (!response.ok) {
      const error = data && typeof data === "object" && data.error ? data.error : null;
      let message = error && typeof error.message === "string" ? error.message : "HTTP " + response.status;
      if (error && Array.isArray(error.details) && error.details.length) {
        const parts = error.details.slice(0, 5).map((d) => (d && d.field ? d.field + ": " : "") + (d && d.message ? d.message : ""));
        const joined = parts.filter((p) => p).join("; ");
        if (joined && message.indexOf(joined) < 0) message += " (" + joined + ")";
      }
      throw new APIError(message, response.status, data);
    }
    if (data === null) throw new APIError("the server answered something that is not JSON", response.status, null);
    return data;
  }

  function sitePath() { return "/v2/" + encodeURIComponent(state.site); }
  function postPath(id) { return sitePath() + "/posts/" + encodeURIComponent(String(id)); }

  /** The same-origin path+query of an absolute pagination link, or null. */
  function olderPath(pagination) {
    const link = pagination && typeof pagination.older === "string" ? pagination.older : null;
    if (!link) return null;
    try {
      const url = new URL(link, location.href);
      const path = url.pathname + url.search;
      return path.indexOf(sitePath() + "/inbox") === 0 ? path : null;
    } catch (e) {
      return null;
    }
  }

  // ---- rendering helpers (textContent only; URLs must be http or https) ----
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const name of Object.keys(attrs)) {
        const value = attrs[name];
        if (value === null || value === undefined || value === false) continue;
        if (name === "text") node.textContent = String(value);
        else if (name === "className") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    if (children) for (const child of children) if (child) node.append(child);
    return node;
  }

  function safeURL(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      const url = new URL(value, location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(href, text) {
    const url = safeURL(href);
    if (!url) return el("span", { text: text });
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", referrerpolicy: "no-referrer", text: text });
  }

  function timeElement(iso) {
    if (typeof iso !== "string" || !iso) return el("span", { text: "no date" });
    const date = new Date(iso);
    const shown = isNaN(date.getTime()) ? iso : date.toLocaleString();
    return el("time", { datetime: iso, title: iso, text: shown });
  }

  function str(value) { return typeof value === "string" ? value : ""; }

  function postLabel(post) {
    const title = str(post.title).trim() || str(post.textPlain).trim().slice(0, 60) || "(untitled)";
    return "\u201c" + (title.length > 80 ? title.slice(0, 79) + "\u2026" : title) + "\u201d (#" + post.flocklerId + ")";
  }

  function renderModeration(moderation) {
    const box = el("div", { className: "moderation" });
    if (!moderation || typeof moderation !== "object") {
      box.append(el("span", { className: "muted", text: "No moderation record." }));
      return box;
    }
    const line = el("div");
    const stateName = str(moderation.state) || "unknown";
    line.append(el("strong", { className: "state-" + stateName, text: stateName }));
    line.append(" \u00b7 decided by " + (str(moderation.decidedBy) || "unknown"));
    if (typeof moderation.score === "number") line.append(" \u00b7 score " + moderation.score.toFixed(2));
    if (moderation.decidedAt) { line.append(" \u00b7 "); line.append(timeElement(moderation.decidedAt)); }
    box.append(line);
    const reasons = Array.isArray(moderation.reasons) ? moderation.reasons : [];
    if (reasons.length === 0) {
      box.append(el("div", { className: "muted", text: "No rule fired." }));
    } else {
      const list = el("ul", { "aria-label": "Reasons" });
      for (const reason of reasons) {
        if (!reason || typeof reason !== "object") continue;
        const item = el("li");
        item.append(el("code", { text: str(reason.rule) || "?" }));
        if (reason.type) item.append(" ", el("span", { className: "chip", text: str(reason.type) }));
        if (reason.detail) item.append(" " + str(reason.detail));
        list.append(item);
      }
      box.append(list);
    }
    return box;
  }

  function renderImages(post) {
    const images = Array.isArray(post.images) ? post.images : [];
    if (images.length === 0) return null;
    const box = el("div", { className: "media" });
    images.forEach((image, index) => {
      const url = image ? safeURL(image.url) : null;
      if (!url) return;
      const alt = str(image.altText);
      const img = el("img", { className: "thumb", src: url, alt: alt || "Image " + (index + 1) + " of post " + post.flocklerId,
                              referrerpolicy: "no-referrer", decoding: "async" });
      img.addEventListener("error", () => {
        img.replaceWith(el("span", { className: "broken", text: "image did not load" }));
      }, { once: true });
      const anchor = el("a", { href: url, target: "_blank", rel: "noopener noreferrer", referrerpolicy: "no-referrer" }, [img]);
      const figure = el("figure", null, [anchor]);
      figure.append(el("figcaption", { className: alt ? "" : "muted", text: alt ? "alt: " + alt : "no alt text" }));
      box.append(figure);
    });
    return box.childElementCount ? box : null;
  }

  function renderVideos(post) {
    const videos = Array.isArray(post.videos) ? post.videos : [];
    const items = videos.filter((v) => v && safeURL(v.url));
    if (items.length === 0) return null;
    const list = el("ul", { className: "videos", "aria-label": "Videos" });
    for (const video of items) {
      const item = el("li");
      item.append("video (" + (str(video.type) || "link") + "): ", link(video.url, video.url));
      list.append(item);
    }
    return list;
  }

  function renderTags(post) {
    const tags = Array.isArray(post.tags) ? post.tags.filter((t) => typeof t === "string") : [];
    if (tags.length === 0) return null;
    return el("ul", { className: "tags", "aria-label": "Tags" }, tags.map((t) => el("li", { className: "chip", text: "#" + t })));
  }

  /** One post card; every value goes through textContent or a checked URL attribute. */
  function renderPost(post) {
    const id = String(post.flocklerId);
    const titleId = "post-" + id + "-title";
    const card = el("article", { className: "post", tabindex: "0", "aria-labelledby": titleId, "data-id": id });
    const checkbox = el("input", { type: "checkbox", "aria-label": "Select post " + id });
    checkbox.checked = state.selected.has(id);
    checkbox.addEventListener("change", () => setSelected(card, checkbox.checked));
    const title = str(post.title).trim();
    const heading = el("h2", { id: titleId, text: title || "(untitled post #" + id + ")" });
    card.append(el("div", { className: "post-head" }, [checkbox, heading]));

    const meta = el("div", { className: "meta" });
    meta.append(el("span", { className: "chip", text: str(post.channel) || "unknown channel" }));
    const from = post.from && typeof post.from === "object" ? post.from : {};
    const author = str(from.name) || str(from.username);
    if (author) {
      const who = el("span", { text: "by " });
      who.append(safeURL(from.profileUrl) ? link(from.profileUrl, author) : document.createTextNode(author));
      if (from.username && from.name && from.username !== from.name) who.append(" (@" + from.username + ")");
      meta.append(who);
    } else {
      meta.append(el("span", { text: "unknown author" }));
    }
    meta.append(timeElement(post.publishedAt));
    if (safeURL(post.sourceUrl)) meta.append(link(post.sourceUrl, "source"));
    meta.append(el("span", { text: "#" + id }));
    if (typeof post.pinnedIndex === "number") meta.append(el("span", { className: "pinned", text: "pinned at " + post.pinnedIndex }));
    card.append(meta);

    const text = str(post.textPlain);
    if (text.trim()) card.append(el("div", { className: "text", text: text }));
    const images = renderImages(post); if (images) card.append(images);
    const videos = renderVideos(post); if (videos) card.append(videos);
    const tags = renderTags(post); if (tags) card.append(tags);
    card.append(renderModeration(post.moderation));

    const actions = el("div", { className: "actions", role: "group", "aria-label": "Actions for post " + id });
    const publish = el("button", { type: "button", className: "primary" }, [document.createTextNode("Publish "), el("kbd", { text: "p" })]);
    const hide = el("button", { type: "button", className: "danger" }, [document.createTextNode("Hide "), el("kbd", { text: "h" })]);
    const pin = el("button", { type: "button" }, [document.createTextNode("Pin\u2026 "), el("kbd", { text: "i" })]);
    publish.addEventListener("click", () => act(card, "publish"));
    hide.addEventListener("click", () => act(card, "hide"));
    pin.addEventListener("click", () => pinCard(card));
    actions.append(publish, hide, pin);
    if (typeof post.pinnedIndex === "number") {
      const unpin = el("button", { type: "button" }, [document.createTextNode("Unpin "), el("kbd", { text: "u" })]);
      unpin.addEventListener("click", () => act(card, "unpin"));
      actions.append(unpin);
    }
    card.append(actions);
    card.addEventListener("focusin", () => markCurrent(card));
    card._post = post;
    if (state.selected.has(id)) card.classList.add("selected");
    return card;
  }

  // ---- list state ----
  function cards() { return Array.from(ui.list.querySelectorAll("article.post")); }
  function cardById(id) { return cards().find((c) => c.dataset.id === String(id)) || null; }

  function updateCounts() {
    const shown = cards().length;
    const selected = state.selected.size;
    ui.counts.textContent = shown + " shown" + (state.older ? " (more to load)" : "") + " \u00b7 " + selected + " selected";
    ui.empty.hidden = shown > 0 || state.loading;
    ui.more.hidden = !state.older;
    ui.publishSelected.disabled = state.bulkBusy || selected === 0;
    ui.hideSelected.disabled = state.bulkBusy || selected === 0;
    ui.clearSelection.disabled = selected === 0;
  }

  function markCurrent(card) {
    for (const c of ui.list.querySelectorAll("article.post.current")) if (c !== card) c.classList.remove("current");
    card.classList.add("current");
    state.currentId = card.dataset.id;
  }

  function focusCard(card) {
    if (!card) return;
    markCurrent(card);
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function currentCard() {
    const active = document.activeElement;
    const fromFocus = active && active.closest ? active.closest("article.post") : null;
    if (fromFocus && ui.list.contains(fromFocus)) return fromFocus;
    return state.currentId ? cardById(state.currentId) : null;
  }

  function appendPosts(posts) {
    const known = new Set(cards().map((c) => c.dataset.id));
    let added = 0;
    for (const post of posts) {
      if (!post || typeof post !== "object" || post.flocklerId === undefined || post.flocklerId === null) continue;
      const id = String(post.flocklerId);
      if (known.has(id)) continue;
      known.add(id);
      ui.list.append(el("li", null, [renderPost(post)]));
      added += 1;
    }
    return added;
  }

  /** Removes a card and moves focus to the one that took its place. */
  function removeCard(card) {
    const all = cards();
    const index = all.indexOf(card);
    const hadFocus = card.contains(document.activeElement) || state.currentId === card.dataset.id;
    state.selected.delete(card.dataset.id);
    const item = card.parentElement;
    if (item && item.tagName === "LI") item.remove(); else card.remove();
    if (hadFocus) {
      const rest = cards();
      if (rest.length) focusCard(rest[Math.min(Math.max(index, 0), rest.length - 1)]);
      else state.currentId = null;
    }
    updateCounts();
  }

  function replaceCard(card, post) {
    const hadFocus = card.contains(document.activeElement) || state.currentId === card.dataset.id;
    const fresh = renderPost(post);
    card.replaceWith(fresh);
    if (hadFocus) focusCard(fresh);
    updateCounts();
  }

  function setSelected(card, on) {
    const id = card.dataset.id;
    if (on) state.selected.add(id); else state.selected.delete(id);
    card.classList.toggle("selected", on);
    const box = card.querySelector("input[type=checkbox]");
    if (box) box.checked = on;
    updateCounts();
  }

  // ---- loading ----
  async function loadFirstPage() {
    const generation = ++state.generation;
    const keepFocus = state.currentId;
    state.loading = true;
    ui.list.setAttribute("aria-busy", "true");
    status("Loading the inbox\u2026", "info");
    try {
      const data = await api("GET", sitePath() + "/inbox?count=" + state.pageSize);
      if (generation !== state.generation) return;
      ui.list.replaceChildren();
      state.selected.clear();
      state.currentId = null;
      const posts = Array.isArray(data.posts) ? data.posts : [];
      appendPosts(posts);
      state.older = posts.length ? olderPath(data.pagination) : null;
      const shown = cards().length;
      status(shown ? "Inbox loaded: " + shown + " post" + (shown === 1 ? "" : "s") + (state.older ? ", more to load" : "") + ". Press ? for shortcuts."
                   : "The inbox is empty.", "ok");
      const again = keepFocus ? cardById(keepFocus) : null;
      if (again) focusCard(again);
    } catch (err) {
      if (generation !== state.generation) return;
      status("Could not load the inbox: " + err.message, "error");
      if (err.httpStatus === 401 || err.httpStatus === 403) signOut(false);
    } finally {
      if (generation === state.generation) {
        state.loading = false;
        ui.list.removeAttribute("aria-busy");
        updateCounts();
      }
    }
  }

  async function loadMore() {
    if (!state.older || state.loading) return 0;
    const generation = state.generation;
    state.loading = true;
    ui.more.disabled = true;
    status("Loading older posts\u2026", "info");
    try {
      const data = await api("GET", state.older);
      if (generation !== state.generation) return 0;
      const posts = Array.isArray(data.posts) ? data.posts : [];
      const added = appendPosts(posts);
      state.older = posts.length ? olderPath(data.pagination) : null;
      status("Loaded " + added + " older post" + (added === 1 ? "" : "s") + (state.older ? "; more to load." : "; that is the whole inbox."), "ok");
      return added;
    } catch (err) {
      if (generation === state.generation) status("Could not load older posts: " + err.message, "error");
      return 0;
    } finally {
      if (generation === state.generation) state.loading = false;
      ui.more.disabled = false;
      updateCounts();
    }
  }

  // ---- actions ----
  const PAST = { publish: "Published", hide: "Hid", pin: "Pinned", unpin: "Unpinned" };

  async function act(card, action, body) {
    if (!card || card.getAttribute("aria-busy") === "true") return;
    const id = card.dataset.id;
    const label = postLabel(card._post || { flocklerId: id });
    card.setAttribute("aria-busy", "true");
    for (const b of card.querySelectorAll("button")) b.disabled = true;
    try {
      const data = await api("POST", postPath(id) + "/" + action, body);
      const post = data && data.result && data.result.data && typeof data.result.data === "object" ? data.result.data : null;
      let message = PAST[action] + " " + label;
      if (action === "pin" && body) message += " at index " + body.index;
      if (!card.isConnected) { status(message + ".", "ok"); return; }
      const newState = post && post.moderation ? post.moderation.state : null;
      if (post && newState === "inbox") {
        replaceCard(card, post);
        status(message + "; it stays in the inbox.", "ok");
      } else if (post || action === "publish" || action === "hide") {
        removeCard(card);
        status(message + (newState ? "; it is now " + newState + " and left the inbox." : "; it left the inbox."), "ok");
      } else {
        status(message + ".", "ok");
      }
    } catch (err) {
      status("Could not " + action + " " + label + ": " + err.message, "error");
    } finally {
      if (card.isConnected) {
        card.removeAttribute("aria-busy");
        for (const b of card.querySelectorAll("button")) b.disabled = false;
      }
    }
  }

  function pinCard(card) {
    if (!card) return;
    const answer = window.prompt("Pin " + postLabel(card._post || { flocklerId: card.dataset.id }) + " at index (0 is the top):", "0");
    if (answer === null) { status("Pin cancelled.", "info"); focusCard(card); return; }
    const trimmed = answer.trim();
    if (!/^\d{1,6}$/.test(trimmed)) { status("The pin index must be a whole number, 0 or more; \u201c" + answer + "\u201d is not.", "error"); focusCard(card); return; }
    focusCard(card);
    act(card, "pin", { index: Number(trimmed) });
  }

  function selectedIds() {
    return cards().map((c) => c.dataset.id).filter((id) => state.selected.has(id));
  }

  async function bulk(action) {
    if (state.bulkBusy) return;
    const ids = selectedIds();
    if (ids.length === 0) { status("Nothing is selected: select posts with x or their checkboxes first.", "warn"); return; }
    state.bulkBusy = true;
    updateCounts();
    const verb = action === "publish" ? "Publishing" : "Hiding";
    status(verb + " " + ids.length + " selected post" + (ids.length === 1 ? "" : "s") + "\u2026", "info");
    try {
      const data = await api("POST", sitePath() + "/moderation/batch", { action: action, ids: ids.map(Number) });
      const reported = data && data.result && data.result.data ? data.result.data.updated : undefined;
      const focused = currentCard();
      const focusedId = focused ? focused.dataset.id : null;
      const firstIndex = cards().findIndex((c) => ids.indexOf(c.dataset.id) >= 0);
      for (const id of ids) {
        const card = cardById(id);
        state.selected.delete(id);
        if (card) { const item = card.parentElement; if (item && item.tagName === "LI") item.remove(); else card.remove(); }
      }
      if (focusedId && ids.indexOf(focusedId) >= 0) {
        const rest = cards();
        if (rest.length) focusCard(rest[Math.min(Math.max(firstIndex, 0), rest.length - 1)]); else state.currentId = null;
      }
      const count = typeof reported === "number" ? reported : ids.length;
      status((action === "publish" ? "Published " : "Hid ") + count + " post" + (count === 1 ? "" : "s") + "; they left the inbox.", "ok");
    } catch (err) {
      status("Nothing changed: " + (action === "publish" ? "publishing" : "hiding") + " the " + ids.length + " selected posts failed: " + err.message, "error");
    } finally {
      state.bulkBusy = false;
      updateCounts();
    }
  }

  function move(delta) {
    const all = cards();
    if (all.length === 0) { status("No posts to move between.", "warn"); return; }
    const current = currentCard();
    let index = current ? all.indexOf(current) : -1;
    if (index < 0) { focusCard(delta > 0 ? all[0] : all[all.length - 1]); return; }
    if (delta > 0 && index === all.length - 1) {
      if (state.older) {
        loadMore().then((added) => { if (added) { const again = cards(); focusCard(again[Math.min(index + 1, again.length - 1)]); } });
      } else {
        status("That is the last post of the inbox.", "info");
      }
      return;
    }
    index = Math.min(all.length - 1, Math.max(0, index + delta));
    focusCard(all[index]);
  }

  function withCurrent(fn) {
    return () => {
      const card = currentCard();
      if (!card) { status("No post is current: press j to go to the first one.", "warn"); return; }
      fn(card);
    };
  }

  function toggleHelp(force) {
    const show = typeof force === "boolean" ? force : ui.help.hidden;
    ui.help.hidden = !show;
    ui.helpToggle.setAttribute("aria-expanded", show ? "true" : "false");
  }

  const KEYS = {
    "j": () => move(1),
    "k": () => move(-1),
    "p": withCurrent((card) => act(card, "publish")),
    "h": withCurrent((card) => act(card, "hide")),
    "i": withCurrent(pinCard),
    "u": withCurrent((card) => {
      if (card._post && typeof card._post.pinnedIndex === "number") act(card, "unpin");
      else status("This post is not pinned.", "info");
    }),
    "x": withCurrent((card) => setSelected(card, !state.selected.has(card.dataset.id))),
    "P": () => bulk("publish"),
    "H": () => bulk("hide"),
    "r": () => loadFirstPage(),
    "?": () => toggleHelp()
  };

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (target instanceof HTMLElement) {
      const tag = target.tagName;
      if (target.isContentEditable || tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && target.type !== "checkbox")) return;
    }
    if (event.key === "Escape") { if (!ui.help.hidden) { toggleHelp(false); event.preventDefault(); } return; }
    if (ui.app.hidden || !state.key) return;
    const handler = Object.prototype.hasOwnProperty.call(KEYS, event.key) ? KEYS[event.key] : null;
    if (!handler) return;
    event.preventDefault();
    handler();
  });

  // ---- sign in / out ----
  function start() {
    ui.login.hidden = true;
    ui.app.hidden = false;
    ui.signout.hidden = false;
    ui.who.textContent = "site " + state.site;
    loadFirstPage();
  }

  function signOut(clearSite) {
    forget(STORE_KEY);
    if (clearSite) forget(STORE_SITE);
    state.key = null;
    state.generation += 1;
    state.older = null;
    state.selected.clear();
    state.currentId = null;
    ui.list.replaceChildren();
    ui.app.hidden = true;
    ui.signout.hidden = true;
    ui.who.textContent = "";
    ui.login.hidden = false;
    ui.site.value = clearSite ? "" : (state.site || "");
    ui.key.value = "";
    (ui.site.value ? ui.key : ui.site).focus();
  }

  ui.login.addEventListener("submit", (event) => {
    event.preventDefault();
    const site = ui.site.value.trim();
    const key = ui.key.value.trim();
    if (!/^[A-Za-z0-9-]{1,64}$/.test(site)) { status("Enter the site's UUID (letters, digits and dashes).", "error"); ui.site.focus(); return; }
    if (!key) { status("Enter an admin key of this site.", "error"); ui.key.focus(); return; }
    state.site = site;
    state.key = key;
    save(STORE_SITE, site);
    save(STORE_KEY, key);
    ui.key.value = "";
    start();
  });

  ui.signout.addEventListener("click", () => { signOut(true); status("The key is forgotten in this tab.", "info"); });
  ui.reload.addEventListener("click", () => loadFirstPage());
  ui.more.addEventListener("click", () => { loadMore(); });
  ui.publishSelected.addEventListener("click", () => bulk("publish"));
  ui.hideSelected.addEventListener("click", () => bulk("hide"));
  ui.clearSelection.addEventListener("click", () => {
    for (const card of cards()) if (state.selected.has(card.dataset.id)) setSelected(card, false);
    state.selected.clear();
    updateCounts();
  });
  ui.helpToggle.addEventListener("click", () => toggleHelp());

  const storedSite = load(STORE_SITE);
  const storedKey = load(STORE_KEY);
  if (storedSite) ui.site.value = storedSite;
  if (storedSite && storedKey) {
    state.site = storedSite;
    state.key = storedKey;
    start();
  } else {
    (storedSite ? ui.key : ui.site).focus();
  }
})();
</script>
</body>
</html>
"""#
}
