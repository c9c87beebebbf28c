// PetReel web chat: inline mode and t.me start links (runs after chat.js; uses window.petreelChat).
// Typing "@<bot> words" in the message box asks the bot (an inline_query through the sandbox) and lists
// its results above the box; tapping one posts it into your chat with a friend (another simulated user),
// shown in the "shared" panel. Links to t.me/<bot>?start=… open the chat with that /start payload.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const chat = window.petreelChat;
  if (!chat) return;
  const me = chat.me;
  const botUsername = document.body.dataset.botUsername || "";
  const els = {
    input: $("input"), panel: $("inline-panel"), results: $("inline-results"), status: $("inline-status"),
    peer: $("inline-peer"), shared: $("shared-panel"), sharedTitle: $("shared-title"),
    sharedMessages: $("shared-messages"), sharedClose: $("shared-close"), messages: $("messages"),
  };
  const prefix = new RegExp(`^@${botUsername}(?:\\s+([\\s\\S]*))?$`, "i");
  const startLink = new RegExp(`^(?:https?://)?(?:t|telegram)\\.me/${botUsername}\\?start=([A-Za-z0-9_-]{1,64})$`, "i");
  let active = null; // {query, queryId}
  let timer = null;
  let asked = 0;

  const post = chat.post; // the page's one API call: JSON in, {ok, …} out, errors thrown

  function peerId() {
    const value = els.peer.value.trim();
    return /^\d{1,15}$/.test(value) && Number(value) !== me.id ? Number(value) : null;
  }
  els.peer.value = localStorage.getItem("petreel.friendId") || String(me.id + 1);
  els.peer.addEventListener("change", () => {
    if (peerId()) localStorage.setItem("petreel.friendId", String(peerId()));
  });

  // -- the inline query box ---------------------------------------------------------------------------
  function inlineQuery() {
    const m = botUsername ? prefix.exec(els.input.value) : null;
    return m ? (m[1] || "").trim() : null;
  }

  function close() {
    active = null;
    els.panel.hidden = true;
    els.results.replaceChildren();
  }

  async function ask(query) {
    const mine = ++asked;
    els.panel.hidden = false;
    els.status.textContent = "…";
    try {
      const { query_id: queryId } = await post("/sandbox/api/inline", { user_id: me.id, query });
      const params = new URLSearchParams({ user_id: String(me.id), query_id: queryId });
      const resp = await fetch(`/sandbox/api/inline?${params}`, { cache: "no-store" });
      const answer = await resp.json();
      if (mine !== asked) return; // a newer query is under way
      active = { query, queryId };
      render(answer);
    } catch (err) {
      if (mine === asked) els.status.textContent = String(err.message || err);
    }
  }

  function render(answer) {
    els.results.replaceChildren();
    if (!answer.answered) {
      els.status.textContent = "The bot did not answer.";
      return;
    }
    els.status.textContent = answer.results.length ? "" : "No results";
    if (answer.button && answer.button.text) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "inline-switch";
      b.textContent = answer.button.text;
      b.addEventListener("click", () => {
        close();
        els.input.value = "";
        openStart(answer.button.start_parameter || "", me.id);
      });
      els.results.append(b);
    }
    for (const r of answer.results) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "inline-result";
      b.dataset.id = r.id;
      const thumb = document.createElement("div");
      thumb.className = "inline-thumb";
      if (r.poster) {
        const img = document.createElement("img");
        img.src = r.poster;
        img.alt = "";
        thumb.append(img);
      } else {
        thumb.textContent = "🎬";
      }
      const text = document.createElement("div");
      text.className = "inline-text";
      text.innerHTML = '<div class="inline-result-title"></div><div class="inline-result-desc"></div>';
      text.querySelector(".inline-result-title").textContent = r.title || "(untitled)";
      text.querySelector(".inline-result-desc").textContent = r.description || "";
      b.append(thumb, text);
      b.addEventListener("click", () => choose(r.id));
      els.results.append(b);
    }
  }

  async function choose(resultId) {
    const peer = peerId();
    if (!active || !peer) {
      els.status.textContent = "Enter a friend's user id to send to.";
      return;
    }
    try {
      await post("/sandbox/api/choose", { user_id: me.id, query_id: active.queryId, result_id: resultId, peer_id: peer });
    } catch (err) {
      els.status.textContent = String(err.message || err);
      return;
    }
    close();
    els.input.value = "";
    els.input.dispatchEvent(new Event("input"));
    await showShared(peer);
  }

  els.input.addEventListener("input", () => {
    const query = inlineQuery();
    clearTimeout(timer);
    if (query === null) {
      if (!els.panel.hidden) close();
      return;
    }
    timer = setTimeout(() => ask(query), 250);
  });
  // While the box holds an inline query, Enter and Send pick nothing and send nothing to the bot.
  document.addEventListener("keydown", (e) => {
    if (e.target === els.input && e.key === "Enter" && !e.shiftKey && inlineQuery() !== null) {
      e.preventDefault();
      e.stopPropagation();
      const first = els.results.querySelector(".inline-result");
      if (first) first.click();
    }
  }, true);
  document.addEventListener("submit", (e) => {
    if (e.target && e.target.id === "composer" && inlineQuery() !== null) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);

  // -- the chat with a friend (what was shared there via the bot) ---------------------------------------
  async function showShared(peer) {
    const params = new URLSearchParams({ user_id: String(me.id), peer_id: String(peer) });
    const resp = await fetch(`/sandbox/api/shared?${params}`, { cache: "no-store" });
    const data = await resp.json();
    els.sharedTitle.textContent = `Chat with ${data.peer.first_name || "user " + peer}`;
    els.sharedMessages.replaceChildren(...data.messages.map((m) => sharedRow(m, peer)));
    els.shared.hidden = false;
    els.sharedMessages.scrollTop = els.sharedMessages.scrollHeight;
  }

  function sharedRow(m, peer) {
    const row = document.createElement("div");
    row.className = `shared-row ${m.from === "me" ? "out" : "in"}`;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    const via = document.createElement("div");
    via.className = "via";
    via.textContent = `via @${m.via_bot}`;
    bubble.append(via);
    if (m.video) {
      const video = document.createElement("video");
      video.controls = true;
      video.playsInline = true;
      video.preload = "metadata";
      if (m.video.poster) video.poster = m.video.poster;
      video.src = m.video.url;
      bubble.append(video);
    }
    if (m.html) {
      const text = document.createElement("div");
      text.className = "text";
      text.innerHTML = m.html; // produced by the sandbox: escaped text plus whitelisted tags only
      bubble.append(text);
    }
    row.append(bubble);
    for (const buttons of m.buttons || []) {
      const r = document.createElement("div");
      r.className = "kb-row";
      for (const b of buttons) {
        const a = document.createElement("a");
        a.className = "kb-button url";
        a.textContent = b.text;
        const payload = b.url && startLink.exec(b.url);
        // the friend taps it: their chat with the bot opens with the /start payload
        a.href = payload ? startHref(payload[1], peer) : b.url || "#";
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        r.append(a);
      }
      row.append(r);
    }
    return row;
  }
  els.sharedClose.addEventListener("click", () => { els.shared.hidden = true; });

  // -- t.me/<bot>?start=… links ------------------------------------------------------------------------
  function startHref(payload, asUser) {
    const params = new URLSearchParams({ start: payload });
    if (asUser && asUser !== me.id) params.set("user", String(asUser));
    return `/?${params}`;
  }

  async function openStart(payload, asUser) {
    if (asUser && asUser !== me.id) {
      window.open(startHref(payload, asUser), "_blank", "noopener");
      return;
    }
    await post("/sandbox/api/send", {
      user_id: me.id, text: payload ? `/start ${payload}` : "/start", first_name: me.name, language_code: me.lang,
    });
  }

  // links in the bot's messages and buttons open this chat with the payload, like Telegram does
  function rewriteLinks(root) {
    for (const a of root.querySelectorAll("a[href]")) {
      const m = startLink.exec(a.getAttribute("href") || "");
      if (!m || a.dataset.start) continue;
      a.dataset.start = m[1];
      a.removeAttribute("target");
      a.addEventListener("click", (e) => {
        e.preventDefault();
        openStart(m[1], me.id);
      });
    }
  }
  new MutationObserver(() => rewriteLinks(els.messages)).observe(els.messages, { childList: true, subtree: true });

  // opened by a start link (/?start=payload): send /start payload once, then forget it
  const params = new URLSearchParams(location.search);
  const payload = params.get("start");
  if (payload && /^[A-Za-z0-9_-]{1,64}$/.test(payload)) {
    params.delete("start");
    history.replaceState(null, "", `${location.pathname}${params.toString() ? "?" + params : ""}`);
    openStart(payload, me.id).catch(() => {});
  }

  window.petreelInline = { ask, showShared, openStart };
})();
