// IncidentBot local chat page. Plain script, no build step. Every piece of text reaches the DOM through
// textContent or setAttribute, never innerHTML, because titles, names and commands are typed by people.
"use strict";

(() => {
  const ANNOUNCE = "#incidents";
  const $ = (id) => document.getElementById(id);
  const feed = $("feed");
  const state = { lastId: 0, source: null, retryMs: 1000, conversations: new Set([ANNOUNCE]) };

  /** Builds an element; children are nodes or strings (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const errors = data && data.errors ? Object.values(data.errors).flat().join(" ") : `The bot answered ${response.status}.`;
      throw new Error(errors);
    }
    return data;
  }

  // ---- who is speaking, and where ----

  function user() {
    const who = $("who").value;
    return who ? who : $("guest-name").value.trim();
  }

  function where() {
    return $("where").value || ANNOUNCE;
  }

  async function loadPeople() {
    const people = await call("GET", "/local/people");
    const select = $("who");
    for (const p of people) {
      const roles = p.roles && p.roles.length ? ` · ${p.roles.join(", ")}` : "";
      select.append(el("option", { value: p.id }, `${p.name} (${p.id})${roles}`));
    }
    select.append(el("option", { value: "" }, "A guest (not in the plan)…"));
    const saved = localStorage.getItem("incidentbot.who");
    if (saved !== null && [...select.options].some((o) => o.value === saved)) select.value = saved;
    $("guest-name").value = localStorage.getItem("incidentbot.guest") || "";
    showGuestRow();
  }

  function showGuestRow() {
    $("guest-row").hidden = $("who").value !== "";
  }

  function addConversation(label) {
    if (!label || state.conversations.has(label)) return;
    state.conversations.add(label);
    renderConversations();
  }

  function renderConversations() {
    const select = $("where");
    const current = select.value || ANNOUNCE;
    select.replaceChildren(...[...state.conversations].sort(byLabel).map((c) => el("option", { value: c }, c)));
    select.value = current;
    applyFilter();
  }

  function byLabel(a, b) {
    const rank = (c) => (c === ANNOUNCE ? 0 : c.startsWith("#inc-") ? 1 : c.startsWith("#") ? 2 : 3);
    return rank(a) - rank(b) || a.localeCompare(b, undefined, { numeric: true });
  }

  function applyFilter() {
    const only = $("only-where").checked;
    feed.classList.toggle("only-where", only);
    for (const item of feed.children) {
      item.dataset.hidden = String(only && item.dataset.conversation !== where());
    }
  }

  // ---- cards ----

  function incidentOf(card, fallback) {
    if (fallback) return fallback;
    const match = /^INC-(\d+)/i.exec(card.title || "");
    return match ? Number(match[1]) : null;
  }

  function renderCard(card, incidentNumber, conversation) {
    const number = incidentOf(card, incidentNumber);
    const fields = el("dl", {}, card.fields.map((f) => [
      el("dt", {}, f.label),
      el("dd", {}, f.time ? el("time", { datetime: f.time, title: f.value }, new Date(f.time).toLocaleString()) : f.value),
    ]));
    const buttons = renderButtons(card.buttons, conversation);
    return el("article", {
      class: `card tone-${card.tone}`,
      "data-incident": number,
      "data-conversation": conversation,
      "aria-label": card.title,
    },
    el("h3", {}, card.title),
    card.summary ? el("p", { class: "summary" }, card.summary) : null,
    fields,
    card.buttons.length ? buttons : null,
    card.context ? el("p", { class: "context" }, card.context) : null);
  }

  function renderButtons(list, conversation) {
    return el("div", { class: "actions" }, list.map((b) => el("button", {
      type: "button",
      class: b.style,
      "data-action": b.actionId,
      onclick: () => press(b, conversation),
    }, b.text)));
  }

  function replaceCards(card, incidentNumber) {
    for (const old of feed.querySelectorAll(`.card[data-incident="${Number(incidentNumber)}"]`)) {
      old.replaceWith(renderCard(card, incidentNumber, old.dataset.conversation));
    }
  }

  async function press(button, conversation) {
    if (button.confirm && !window.confirm(button.confirm)) return;
    const who = user();
    if (!who) return askForName();
    try {
      const reply = await call("POST", "/local/actions", { user: who, actionId: button.actionId, value: button.value, conversation });
      showReply(reply, conversation);
    } catch (error) {
      showReply({ text: error.message }, conversation);
    }
  }

  // ---- the feed ----

  function append(item) {
    item.dataset.hidden = String($("only-where").checked && item.dataset.conversation !== where());
    feed.append(item);
    item.scrollIntoView({ block: "end" });
  }

  function handlePost(post) {
    if (post.id <= state.lastId) return;
    state.lastId = post.id;
    addConversation(post.conversation);
    if (post.kind === "update") {
      if (post.card && post.incidentNumber) replaceCards(post.card, post.incidentNumber);
      $("announcer").textContent = post.text;
      return;
    }
    const time = new Date(post.time);
    append(el("li", { class: `entry post kind-${post.kind}`, "data-conversation": post.conversation, "data-post": post.id },
      el("div", { class: "meta" },
        el("span", { class: "where" }, post.conversation),
        el("time", { datetime: post.time }, time.toLocaleTimeString())),
      el("p", { class: "text" }, post.text),
      post.buttons && post.buttons.length ? renderButtons(post.buttons, post.conversation) : null,
      post.card ? renderCard(post.card, post.incidentNumber, post.conversation) : null));
  }

  function showMine(line, conversation) {
    append(el("li", { class: "entry mine", "data-conversation": conversation },
      el("div", { class: "meta" }, el("span", { class: "where" }, conversation), `you (${user()})`),
      el("p", { class: "text" }, line)));
  }

  /** Text with its http(s) addresses (a post-mortem link) as links; everything else stays plain text. */
  function linked(text) {
    return String(text).split(/(https?:\/\/\S+)/).map((part, i) =>
      i % 2 === 1 ? el("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part) : part);
  }

  function showReply(reply, conversation) {
    append(el("li", { class: "entry reply", "data-conversation": conversation },
      el("div", { class: "meta" }, el("span", { class: "where" }, conversation), "Only visible to you"),
      el("p", { class: "text" }, linked(reply.text)),
      reply.card ? renderCard(reply.card, null, conversation) : null));
    if (reply.form) openForm(reply.form, conversation);
  }

  function askForName() {
    showReply({ text: "Type a guest name first, or pick someone from the plan." }, where());
    $("guest-name").focus();
  }

  async function send(line, conversation) {
    const who = user();
    if (!who) return askForName();
    showMine(line, conversation);
    try {
      showReply(await call("POST", "/local/messages", { user: who, text: line, conversation }), conversation);
    } catch (error) {
      showReply({ text: error.message }, conversation);
    }
  }

  // ---- forms: the server sends each form's fields (the same as in Slack and Teams); the page draws any of them
  // and posts the values to /local/forms/<kind>, showing a refusal under the field it is about ----

  const fieldId = (key) => `form-${key.replace(/_/g, "-")}`;

  function control(f, id, describedBy) {
    const common = { id, name: f.key, "aria-describedby": describedBy };
    if (f.kind === "choice") {
      // An optional choice offers "nothing chosen" first, worded by the server (for severity: the plan's default or triage).
      const select = el("select", { ...common, required: !f.optional },
        f.optional ? el("option", { value: "" }, f.placeholder || "") : null,
        f.choices.map((c) => el("option", { value: c.value, title: c.description }, c.text)));
      select.value = f.value || "";
      return select;
    }
    if (f.kind === "toggle") {
      const box = el("input", { ...common, type: "checkbox" });
      box.checked = f.value === "true";
      return box;
    }
    const attrs = { ...common, placeholder: f.placeholder, maxlength: f.maxLength, required: !f.optional };
    const input = f.kind === "text" ? el("textarea", { ...attrs, rows: f.value ? 10 : 3 }) : el("input", { ...attrs, type: "text" });
    input.value = f.value || "";
    return input;
  }

  function fieldOf(f) {
    const id = fieldId(f.key);
    const describedBy = [f.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
    const input = control(f, id, describedBy);
    const optional = f.optional && f.kind !== "toggle" ? el("span", { class: "optional" }, " (optional)") : null;
    const toggle = f.kind === "toggle";
    let parts;
    if (toggle) {
      // The box sits inside the label of its one option; the field's own label names the group.
      const choice = f.choices[0] || { text: f.label };
      parts = [el("span", { class: "label", id: `${id}-label` }, f.label),
        el("label", { class: "check", for: id }, input, ` ${choice.text}${choice.description ? `: ${choice.description}` : ""}`)];
    } else {
      parts = [el("label", { for: id }, f.label, optional), input];
    }
    return el("div", { class: "field", "data-field": f.key, role: toggle ? "group" : null, "aria-labelledby": toggle ? `${id}-label` : null },
      parts,
      f.hint ? el("p", { class: "field-hint", id: `${id}-hint` }, f.hint) : null,
      el("p", { class: "field-error", id: `${id}-error`, role: "alert", hidden: true }));
  }

  function openForm(form, conversation) {
    const slot = $("form-slot");
    const close = () => slot.replaceChildren();
    const general = el("p", { class: "field-error", id: "form-error", role: "alert", hidden: true });
    const node = el("form", { class: "form", "aria-labelledby": "form-heading", "data-form": form.kind },
      el("h3", { id: "form-heading" }, form.title),
      form.intro ? el("p", { class: "intro" }, form.intro) : null,
      form.fields.map(fieldOf),
      general,
      el("div", { class: "buttons" }, el("button", { type: "submit" }, form.submit), el("button", { type: "button", onclick: close }, "Cancel")));
    node.addEventListener("submit", (e) => {
      e.preventDefault();
      submitForm(form, node, general, conversation, close);
    });
    slot.replaceChildren(node);
    const first = node.querySelector("input, textarea, select");
    if (first) first.focus();
  }

  async function submitForm(form, node, general, conversation, close) {
    const who = user();
    if (!who) return askForName();
    const values = {};
    for (const f of form.fields) {
      const input = $(fieldId(f.key));
      values[f.key] = f.kind === "toggle" ? String(input.checked) : input.value;
    }
    const button = node.querySelector("button[type=submit]");
    button.disabled = true; // one press, one submission
    showErrors(form, general, {});
    try {
      const answer = await call("POST", `/local/forms/${encodeURIComponent(form.kind)}`,
        { user: who, conversation, incidentNumber: form.incidentNumber, ticketId: form.ticketId, values });
      const errors = answer.errors || {};
      if (Object.keys(errors).length) {
        showErrors(form, general, errors);
        button.disabled = false;
        return;
      }
      close();
      if (answer.reply) showReply(answer.reply, conversation);
    } catch (failure) {
      general.textContent = failure.message;
      general.hidden = false;
      button.disabled = false;
    }
  }

  /** Each message under its field; one about something the form has no field for goes under the last field. */
  function showErrors(form, general, errors) {
    for (const f of form.fields) {
      const message = errors[f.key] || "";
      const slot = $(`${fieldId(f.key)}-error`);
      slot.textContent = message;
      slot.hidden = !message;
      $(fieldId(f.key)).setAttribute("aria-invalid", message ? "true" : "false");
    }
    const keys = new Set(form.fields.map((f) => f.key));
    const rest = Object.entries(errors).filter(([key]) => !keys.has(key)).map(([, message]) => message);
    general.textContent = rest.join(" ");
    general.hidden = rest.length === 0;
  }

  // ---- live posts: history first, then the stream, resuming from the last id seen ----

  function setConnection(text, live) {
    const status = $("connection");
    status.textContent = text;
    status.dataset.state = live ? "live" : "connecting";
  }

  function connect() {
    const source = new EventSource(`/local/stream?after=${state.lastId}`);
    state.source = source;
    source.addEventListener("ready", () => {
      state.retryMs = 1000;
      setConnection("Live", true);
    });
    source.onmessage = (event) => handlePost(JSON.parse(event.data));
    source.onerror = () => {
      setConnection("Reconnecting…", false);
      // The browser retries by itself while the stream is merely interrupted; once it gives up, start again.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, state.retryMs);
        state.retryMs = Math.min(state.retryMs * 2, 15000);
      }
    };
  }

  async function start() {
    $("who").addEventListener("change", () => {
      localStorage.setItem("incidentbot.who", $("who").value);
      showGuestRow();
    });
    $("guest-name").addEventListener("change", () => localStorage.setItem("incidentbot.guest", $("guest-name").value.trim()));
    $("where").addEventListener("change", applyFilter);
    $("only-where").addEventListener("change", applyFilter);
    $("composer").addEventListener("submit", (e) => {
      e.preventDefault();
      const line = $("line").value.trim();
      if (!line) return;
      $("line").value = "";
      send(line, where());
    });
    for (const hint of document.querySelectorAll(".hint")) {
      hint.addEventListener("click", () => {
        $("line").value = hint.dataset.line;
        $("line").focus();
      });
    }
    renderConversations();
    try {
      await loadPeople();
      for (const post of await call("GET", `/local/posts?after=${state.lastId}`)) handlePost(post);
    } catch (error) {
      showReply({ text: `Could not load the page's data: ${error.message}` }, ANNOUNCE);
    }
    connect();
    document.body.dataset.ready = "true";
  }

  start();
})();
