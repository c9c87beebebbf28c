// PetReel web chat: talks only to the sandbox user API (/sandbox/api/*) with fetch + long polling.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const els = {
    messages: $("messages"), chat: $("chat"), intro: $("intro"), input: $("input"), composer: $("composer"),
    start: $("start-button"), menu: $("commands-menu"), menuButton: $("menu-button"), history: $("history-button"),
    botName: $("bot-name"), status: $("bot-status"), toast: $("toast"), alert: $("alert"),
    alertText: $("alert-text"), alertOk: $("alert-ok"),
  };
  // The page's own words, in the language of the chat's command menu (the bot's /lang sets it).
  const UI = {
    en: {
      introTitle: "What can this bot do?",
      introText: "Send a one-line story idea, like <i>a poor ginger cat is mocked by a rich white cat, works hard and gets rich</i>, and get a short vertical pet-drama video.",
      menu: "Menu", message: "Message", send: "Send", start: "START", ok: "OK", history: "My clips (/history)",
      commands: "Commands",
      paid: (n) => `You paid ⭐ ${n}`, refunded: (n) => `⭐ ${n} refunded to you`,
    },
    zh: {
      introTitle: "这个机器人能做什么？",
      introText: "发一句故事创意，比如<i>穷橘猫被富白猫嘲笑，努力工作后逆袭</i>，就能得到一段竖屏萌宠短剧。",
      menu: "菜单", message: "发消息", send: "发送", start: "开始", ok: "好", history: "我的视频（/history）",
      commands: "命令",
      paid: (n) => `你已支付 ⭐ ${n}`, refunded: (n) => `已退还 ⭐ ${n}`,
    },
  };
  let uiLang = null;
  function applyLanguage(lang) {
    if (lang === uiLang || !UI[lang]) return;
    uiLang = lang;
    const words = UI[lang];
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.querySelector(".intro-title").textContent = words.introTitle;
    document.querySelector(".intro-text").innerHTML = words.introText;
    els.menuButton.querySelector("span").textContent = words.menu;
    els.menuButton.title = words.commands;
    els.input.placeholder = words.message;
    els.input.setAttribute("aria-label", words.message);
    $("send-button").title = words.send;
    $("send-button").setAttribute("aria-label", words.send);
    els.start.textContent = words.start;
    els.alertOk.textContent = words.ok;
    els.history.title = words.history;
    els.history.setAttribute("aria-label", words.history);
  }

  const FALLBACK_COMMANDS = [
    { command: "start", description: "Start" },
    { command: "history", description: "My clips" },
    { command: "help", description: "Help" },
  ];
  const ACTIONS = {
    typing: "typing", upload_video: "sending video", record_video: "recording video",
    upload_photo: "sending photo", upload_document: "sending file", choose_sticker: "choosing a sticker",
  };

  // -- identity (user id in localStorage; ?user=123 picks one) -------------------------------------
  function userId() {
    const fromUrl = new URLSearchParams(location.search).get("user");
    if (fromUrl && /^\d{1,15}$/.test(fromUrl) && Number(fromUrl) > 0) {
      localStorage.setItem("petreel.userId", fromUrl);
    }
    let id = localStorage.getItem("petreel.userId");
    if (!id || !/^\d+$/.test(id)) {
      id = String(100000000 + Math.floor(Math.random() * 899999999));
      localStorage.setItem("petreel.userId", id);
    }
    return Number(id);
  }
  const me = {
    id: userId(),
    name: localStorage.getItem("petreel.name") || "Guest",
    lang: (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en",
  };

  const state = {
    version: null, commands: [], seenAnswers: new Set(), seenRefusals: new Set(), firstLoad: true, actionTimer: null,
    pendingPress: new Map(), // message id -> button element awaiting an answer
  };

  // -- API -----------------------------------------------------------------------------------------
  async function post(path, body) {
    const resp = await fetch(path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const data = await resp.json().catch(() => ({ ok: false, error: resp.statusText }));
    if (!resp.ok || !data.ok) throw new Error(data.error || resp.statusText);
    return data;
  }

  async function sendText(text) {
    text = text.trim();
    if (!text) return;
    await post("/sandbox/api/send", { user_id: me.id, text, first_name: me.name, language_code: me.lang });
  }

  async function press(messageId, data, button) {
    button.classList.add("loading");
    state.pendingPress.set(messageId, button);
    try {
      await post("/sandbox/api/press", { user_id: me.id, message_id: messageId, data });
    } catch (err) {
      button.classList.remove("loading");
      showToast(String(err.message || err));
    }
    setTimeout(() => button.classList.remove("loading"), 4000);
  }

  // "Pay ⭐ N" under an invoice: Telegram's pre_checkout_query → successful_payment round trip
  async function pay(messageId, button) {
    button.classList.add("loading");
    state.pendingPress.set(messageId, button); // the next change of the chat ends the spinner
    try {
      await post("/sandbox/api/pay", { user_id: me.id, message_id: messageId });
    } catch (err) {
      button.classList.remove("loading");
      showToast(String(err.message || err));
    }
    setTimeout(() => button.classList.remove("loading"), 4000);
  }

  async function pollLoop() {
    for (;;) {
      const params = new URLSearchParams({ user_id: String(me.id) });
      if (state.version !== null) params.set("version", String(state.version));
      try {
        const resp = await fetch(`/sandbox/api/chat?${params}`, { cache: "no-store" });
        if (!resp.ok) throw new Error(resp.statusText);
        render(await resp.json());
      } catch (err) {
        setStatus("connecting", true);
        await new Promise((r) => setTimeout(r, 1500));
      }
    }
  }

  // -- rendering -----------------------------------------------------------------------------------
  function setStatus(text, active) {
    els.status.textContent = text;
    els.status.classList.toggle("active", Boolean(active));
  }

  function timeOf(unix) {
    return new Date(unix * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function dayOf(unix) {
    const d = new Date(unix * 1000);
    const today = new Date();
    if (d.toDateString() === today.toDateString()) return "Today";
    return d.toLocaleDateString([], { month: "long", day: "numeric" });
  }

  function linkifyCommands(root) {
    // Telegram makes /commands in bot messages tappable.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (parent && parent.closest("a, code, pre")) continue;
      if (/(^|\s)\/[A-Za-z0-9_]{1,32}\b/.test(walker.currentNode.nodeValue)) nodes.push(walker.currentNode);
    }
    for (const node of nodes) {
      const frag = document.createDocumentFragment();
      const re = /(^|\s)(\/[A-Za-z0-9_]{1,32})\b/g;
      let last = 0;
      let m;
      const text = node.nodeValue;
      while ((m = re.exec(text))) {
        const start = m.index + m[1].length;
        frag.append(text.slice(last, start));
        const a = document.createElement("a");
        a.className = "cmd";
        a.textContent = m[2];
        a.addEventListener("click", (e) => { e.preventDefault(); sendText(m[2]).catch(showError); });
        frag.append(a);
        last = start + m[2].length;
      }
      frag.append(text.slice(last));
      node.replaceWith(frag);
    }
  }

  function metaEl(msg, onMedia) {
    const meta = document.createElement("span");
    meta.className = onMedia ? "meta on-media" : "meta";
    meta.textContent = (msg.edits ? "edited " : "") + timeOf(msg.date);
    if (msg.from === "user") {
      const ticks = document.createElement("span");
      ticks.className = "ticks";
      ticks.textContent = "✓✓";
      meta.append(ticks);
    }
    return meta;
  }

  function textEl(msg, cls) {
    const div = document.createElement("div");
    div.className = cls;
    div.innerHTML = msg.html; // produced by the sandbox: escaped text plus whitelisted tags only
    if (msg.from === "bot") linkifyCommands(div);
    div.querySelectorAll(".spoiler").forEach((s) => s.addEventListener("click", () => s.classList.add("shown")));
    return div;
  }

  function formatSize(bytes) {
    if (!bytes) return "";
    if (bytes > 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }

  function buildBubble(msg) {
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    if (msg.video || msg.photo) {
      bubble.classList.add("has-media");
      const media = document.createElement("div");
      if (msg.video) {
        media.className = "media video";
        if (msg.video.width && msg.video.height) media.style.aspectRatio = `${msg.video.width} / ${msg.video.height}`;
        const video = document.createElement("video");
        video.controls = true;
        video.playsInline = true;
        video.setAttribute("playsinline", "");
        video.preload = "metadata";
        if (msg.video.poster) video.poster = msg.video.poster;
        video.src = msg.video.url;
        media.append(video);
      } else {
        media.className = "media photo";
        const img = document.createElement("img");
        img.src = msg.photo.url;
        img.alt = "";
        media.append(img);
      }
      bubble.append(media);
      if (msg.html) {
        const caption = textEl(msg, "caption text");
        caption.append(metaEl(msg, false));
        bubble.append(caption);
      } else {
        bubble.append(metaEl(msg, true));
      }
      return bubble;
    }
    if (msg.document) {
      const a = document.createElement("a");
      a.className = "doc";
      a.href = msg.document.url;
      a.download = msg.document.name;
      a.innerHTML = '<span class="doc-icon">⬇</span><span><div class="doc-name"></div><div class="doc-size"></div></span>';
      a.querySelector(".doc-name").textContent = msg.document.name;
      a.querySelector(".doc-size").textContent = formatSize(msg.document.size);
      bubble.append(a);
      if (msg.html) bubble.append(textEl(msg, "caption text"));
      bubble.append(metaEl(msg, false));
      return bubble;
    }
    if (msg.invoice) {
      bubble.classList.add("invoice");
      const card = document.createElement("div");
      card.className = "invoice-card";
      const parts = [["invoice-title", msg.invoice.title], ["invoice-desc", msg.invoice.description],
        ["invoice-price", `⭐ ${msg.invoice.total_amount}`]];
      for (const [cls, words] of parts) {
        const el = document.createElement("div");
        el.className = cls;
        el.textContent = words;
        card.append(el);
      }
      card.lastChild.append(metaEl(msg, false));
      bubble.append(card);
      return bubble;
    }
    const text = textEl(msg, "text");
    text.append(metaEl(msg, false));
    bubble.append(text);
    return bubble;
  }

  // a successful or refunded payment: a service line in the middle of the chat, as Telegram shows it
  function serviceText(msg) {
    const words = UI[uiLang || "en"];
    if (msg.payment) return words.paid(msg.payment.total_amount);
    if (msg.refund) return words.refunded(msg.refund.total_amount);
    return null;
  }

  function buildKeyboard(msg) {
    if (!msg.buttons || !msg.buttons.length) return null;
    const kb = document.createElement("div");
    kb.className = "keyboard";
    for (const row of msg.buttons) {
      const r = document.createElement("div");
      r.className = "kb-row";
      for (const b of row) {
        let el;
        if (b.url) {
          el = document.createElement("a");
          el.href = b.url;
          el.target = "_blank";
          el.rel = "noopener noreferrer";
          el.className = "kb-button url";
        } else if (b.pay) {
          el = document.createElement("button");
          el.type = "button";
          el.className = "kb-button pay";
          el.addEventListener("click", () => pay(msg.id, el));
        } else {
          el = document.createElement("button");
          el.type = "button";
          el.className = "kb-button";
          el.dataset.data = b.data || "";
          el.addEventListener("click", () => press(msg.id, b.data, el));
        }
        el.textContent = b.text;
        el.title = b.text;
        r.append(el);
      }
      kb.append(r);
    }
    return kb;
  }

  function buildRow(msg) {
    const service = serviceText(msg);
    if (service !== null) {
      const row = document.createElement("div");
      row.className = "row service";
      row.dataset.id = String(msg.id);
      row.dataset.sig = signature(msg);
      const pill = document.createElement("div");
      pill.className = "service-pill";
      pill.textContent = service;
      row.append(pill);
      return row;
    }
    const row = document.createElement("div");
    row.className = `row ${msg.from === "bot" ? "in" : "out"}${msg.video || msg.photo ? " media-row" : ""}`;
    row.dataset.id = String(msg.id);
    row.dataset.sig = signature(msg);
    row.append(buildBubble(msg));
    const kb = buildKeyboard(msg);
    if (kb) row.append(kb);
    return row;
  }

  function signature(msg) {
    return JSON.stringify([msg.html, msg.edits, msg.buttons, msg.video && msg.video.url, msg.photo && msg.photo.url]);
  }

  function render(payload) {
    const nearBottom = els.chat.scrollHeight - els.chat.scrollTop - els.chat.clientHeight < 120;
    state.version = payload.version;
    if (payload.bot) {
      els.botName.textContent = payload.bot.name;
      document.title = `${payload.bot.name} — chat`;
    }
    state.commands = payload.commands && payload.commands.length ? payload.commands : FALLBACK_COMMANDS;
    applyLanguage(payload.language || me.lang);

    const existing = new Map([...els.messages.querySelectorAll(".row")].map((r) => [r.dataset.id, r]));
    const wanted = new Set(payload.messages.map((m) => String(m.id)));
    for (const [id, row] of existing) if (!wanted.has(id)) row.remove();
    els.messages.querySelectorAll(".date-pill").forEach((p) => p.remove());

    let prevDay = null;
    let cursor = null; // last placed node
    for (const msg of payload.messages) {
      const day = dayOf(msg.date);
      if (day !== prevDay) {
        const pill = document.createElement("div");
        pill.className = "date-pill";
        pill.textContent = day;
        if (cursor) cursor.after(pill); else els.messages.prepend(pill);
        cursor = pill;
        prevDay = day;
      }
      let row = existing.get(String(msg.id));
      const sig = signature(msg);
      if (row && row.dataset.sig !== sig) {
        const fresh = buildRow(msg);
        // keep a playing video element alive when only the caption/buttons changed
        const oldVideo = row.querySelector("video");
        const newVideo = fresh.querySelector("video");
        if (oldVideo && newVideo && oldVideo.getAttribute("src") === newVideo.getAttribute("src")) {
          newVideo.replaceWith(oldVideo);
        }
        row.replaceWith(fresh);
        row = fresh;
        if (!state.firstLoad) {
          row.classList.add("flash");
          setTimeout(() => row.classList.remove("flash"), 800);
        }
        state.pendingPress.delete(msg.id);
      } else if (!row) {
        row = buildRow(msg);
      }
      if (cursor) {
        if (cursor.nextSibling !== row) cursor.after(row);
      } else if (els.messages.firstChild !== row) {
        els.messages.prepend(row);
      }
      cursor = row;
    }

    const empty = payload.messages.length === 0;
    els.intro.hidden = !empty;
    els.start.hidden = !empty;
    els.composer.hidden = empty;

    for (const refusal of payload.refusals || []) {  // a refused pre-checkout: Telegram shows its reason
      if (state.seenRefusals.has(refusal.query_id)) continue;
      state.seenRefusals.add(refusal.query_id);
      if (!state.firstLoad) showAlert(refusal.text);
    }
    for (const answer of payload.answers || []) {
      if (state.seenAnswers.has(answer.query_id)) continue;
      state.seenAnswers.add(answer.query_id);
      if (state.firstLoad) continue;
      if (answer.show_alert) showAlert(answer.text); else showToast(answer.text);
    }
    if (!state.firstLoad) {
      for (const button of state.pendingPress.values()) button.classList.remove("loading");
      state.pendingPress.clear();
    }

    clearTimeout(state.actionTimer);
    if (payload.action) {
      setStatus(ACTIONS[payload.action.action] || "typing", true);
      state.actionTimer = setTimeout(() => setStatus("bot", false), Math.max(500, payload.action.for_s * 1000));
    } else {
      setStatus("bot", false);
    }

    if (nearBottom || state.firstLoad) els.chat.scrollTop = els.chat.scrollHeight;
    state.firstLoad = false;
  }

  // -- toasts, alerts, menu ------------------------------------------------------------------------
  let toastTimer = null;
  function showToast(text) {
    els.toast.textContent = text;
    els.toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { els.toast.hidden = true; }, 2600);
  }
  function showAlert(text) {
    els.alertText.textContent = text;
    els.alert.hidden = false;
    els.alertOk.focus();
  }
  function showError(err) { showToast(`Not sent: ${err.message || err}`); }
  els.alertOk.addEventListener("click", () => { els.alert.hidden = true; });

  function toggleMenu(open) {
    const show = open === undefined ? els.menu.hidden : open;
    if (show) {
      els.menu.replaceChildren(...state.commands.map((c) => {
        const b = document.createElement("button");
        b.type = "button";
        b.innerHTML = '<span class="c-name"></span><span class="c-desc"></span>';
        b.querySelector(".c-name").textContent = `/${c.command}`;
        b.querySelector(".c-desc").textContent = c.description;
        b.addEventListener("click", () => { toggleMenu(false); sendText(`/${c.command}`).catch(showError); });
        return b;
      }));
    }
    els.menu.hidden = !show;
  }

  // -- input ---------------------------------------------------------------------------------------
  function autosize() {
    els.input.style.height = "auto";
    els.input.style.height = `${Math.min(els.input.scrollHeight, 140)}px`;
  }
  els.composer.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = els.input.value;
    if (!text.trim()) return;
    els.input.value = "";
    autosize();
    try { await sendText(text); } catch (err) { els.input.value = text; showError(err); }
    els.input.focus();
  });
  els.input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      els.composer.requestSubmit();
    }
  });
  els.input.addEventListener("input", autosize);
  els.menuButton.addEventListener("click", () => toggleMenu());
  els.history.addEventListener("click", () => sendText("/history").catch(showError));
  els.start.addEventListener("click", () => sendText("/start").catch(showError));
  document.addEventListener("click", (e) => {
    if (!els.menu.hidden && !els.menu.contains(e.target) && !els.menuButton.contains(e.target)) toggleMenu(false);
  });

  window.petreelChat = { me, state, post }; // for inline.js, debugging and browser tests
  pollLoop();
})();
