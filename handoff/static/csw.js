// tsunagu CSW dashboard: live updates without reloads, crisis alerts, actions sent in the background.
// Every sentence shown here comes from the page (data-* attributes rendered from handoff/catalog.yaml).
"use strict";

const MUTE_KEY = "tsunagu-csw-muted";
const baseTitle = document.title;
let audioContext = null;
const alerted = new Set();

function pollEvery(element) {
  return Number(element.dataset.pollMs) || 2000;
}

function announce(text) {
  const region = document.getElementById("announcer");
  if (!region || !text) return;
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}

function showFlash(text, ok) {
  const flash = document.getElementById("flash");
  if (!flash) {
    announce(text);
    return;
  }
  flash.textContent = text;
  flash.className = "flash " + (ok ? "ok" : "bad");
  flash.hidden = false;
  window.clearTimeout(showFlash.timer);
  if (ok) showFlash.timer = window.setTimeout(() => { flash.hidden = true; }, 8000);
}

function setOffline(offline) {
  const notice = document.getElementById("offline-notice");
  if (notice) notice.hidden = !offline;
}

function sessionEnded() {
  if (window.tsunaguSession) window.tsunaguSession.ended();
  else window.location.assign("/csw/login");
}

async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });
  if (response.status === 401) {
    sessionEnded();
    return null;
  }
  return { status: response.status, body: await response.json() };
}

// ---------------------------------------------------------------- crisis alerts on every page

function muted() {
  return window.localStorage.getItem(MUTE_KEY) === "yes";
}

function beep() {
  if (muted()) return;
  try {
    audioContext = audioContext || new (window.AudioContext || window.webkitAudioContext)();
    const oscillator = audioContext.createOscillator();
    const gain = audioContext.createGain();
    oscillator.frequency.value = 880;
    gain.gain.value = 0.15;
    oscillator.connect(gain).connect(audioContext.destination);
    oscillator.start();
    oscillator.stop(audioContext.currentTime + 0.4);
  } catch (error) {
    // no audio device: the banner and the title still show the alert
  }
}

function notify(region, alert) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const note = new Notification(region.dataset.notifyTitle, { body: alert.notice, tag: alert.code });
  note.onclick = () => { window.focus(); window.location.assign(alert.url); };
}

function renderAlerts(alerts) {
  const region = document.getElementById("crisis-alerts");
  if (!region) return;
  const csrf = document.body.dataset.csrf;
  region.replaceChildren(...alerts.map((alert) => {
    const item = document.createElement("div");
    item.className = "crisis-alert";
    item.dataset.case = alert.code;
    const text = document.createElement("span");
    text.textContent = alert.text;
    const link = document.createElement("a");
    link.href = alert.url;
    link.textContent = region.dataset.openLabel;
    const form = document.createElement("form");
    form.method = "post";
    form.action = alert.url + "/acknowledge";
    form.dataset.async = "";
    const token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrf";
    token.value = csrf;
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = region.dataset.ackLabel;
    form.append(token, button);
    bindAsync(form);
    item.append(text, link, form);
    return item;
  }));
  const fresh = alerts.filter((alert) => !alerted.has(alert.code));
  fresh.forEach((alert) => { alerted.add(alert.code); notify(region, alert); });
  if (fresh.length) beep();
  [...alerted].forEach((code) => { if (!alerts.some((a) => a.code === code)) alerted.delete(code); });
  document.title = alerts.length ? `(${alerts.length}) ${baseTitle}` : baseTitle;
}

function renderBudget(budget) {
  const notice = document.getElementById("budget-notice");
  if (!notice || !budget) return;
  notice.textContent = budget.text;
  notice.hidden = !budget.text;
}

async function pollLive() {
  const url = document.body.dataset.liveUrl;
  try {
    const result = await getJson(url);
    if (result && result.status === 200) {
      renderAlerts(result.body.alerts);
      renderBudget(result.body.budget);
      setOffline(false);
    }
  } catch (error) {
    setOffline(true);
  }
  window.setTimeout(pollLive, pollEvery(document.body));
}

function setUpSound() {
  const toggle = document.getElementById("sound-toggle");
  if (!toggle) return;
  const label = () => { toggle.textContent = muted() ? toggle.dataset.off : toggle.dataset.on; };
  label();
  toggle.setAttribute("aria-pressed", muted() ? "true" : "false");
  toggle.addEventListener("click", () => {
    window.localStorage.setItem(MUTE_KEY, muted() ? "no" : "yes");
    toggle.setAttribute("aria-pressed", muted() ? "true" : "false");
    label();
  });
  const enable = document.getElementById("notify-enable");
  if (enable && "Notification" in window && Notification.permission === "default") {
    enable.hidden = false;
    enable.addEventListener("click", async () => {
      await Notification.requestPermission();
      enable.hidden = true;
    });
  }
}

// ---------------------------------------------------------------- the queue

function pollQueue(list) {
  const url = list.dataset.pollUrl;
  const codes = () => new Set([...list.querySelectorAll("[data-case]")].map((row) => row.dataset.case));
  const unread = () => new Set([...list.querySelectorAll("[data-unread=yes]")].map((row) => row.dataset.case));
  async function refresh() {
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (response.status === 401) {
        sessionEnded();
        return;
      }
      if (response.ok) {
        const html = await response.text();
        if (html !== list.dataset.last) {
          const [before, unreadBefore] = [codes(), unread()];
          list.innerHTML = html;
          list.dataset.last = html;
          if ([...codes()].some((code) => !before.has(code))) announce(list.dataset.newCases);
          else if ([...unread()].some((code) => !unreadBefore.has(code))) announce(list.dataset.newMessages);
        }
        setOffline(false);
      }
    } catch (error) {
      setOffline(true);
    }
    window.setTimeout(refresh, pollEvery(list));
  }
  window.setTimeout(refresh, pollEvery(list));
}

// ---------------------------------------------------------------- the case page

function scrollThreadToEnd() {
  const thread = document.getElementById("thread");
  if (thread) thread.scrollTop = thread.scrollHeight;
}

function typing(container) {
  return [...container.querySelectorAll("textarea")].some((area) => area.value.trim() !== "")
    || container.contains(document.activeElement);
}

function replaceIfChanged(id, html, keepWhileTyping) {
  const element = document.getElementById(id);
  if (!element || element.dataset.last === html) return false;
  if (keepWhileTyping && typing(element)) return false;
  element.innerHTML = html;
  element.dataset.last = html;
  element.querySelectorAll("form[data-async]").forEach(bindAsync);
  element.querySelectorAll("[data-confirm]").forEach(bindConfirm);
  return true;
}

const caseState = { status: null, lastUserId: null, canReply: null };

function applyCase(layout, state) {
  const headChanged = replaceIfChanged("case-head", state.head, false);
  replaceIfChanged("case-actions", state.actions, caseState.status === state.status);
  if (replaceIfChanged("thread", state.thread, false)) scrollThreadToEnd();
  if (caseState.lastUserId !== null && state.last_user_id > caseState.lastUserId) announce(layout.dataset.newMessages);
  if (caseState.status !== null && caseState.status !== state.status && headChanged) announce(state.status_text);
  const replyForm = document.getElementById("reply-form");
  const claimFirst = document.getElementById("claim-first");
  if (replyForm) {
    const draft = replyForm.querySelector("textarea").value.trim();
    if (caseState.canReply && !state.can_reply && draft) showFlash(state.held_by || layout.dataset.notYours, false);
    replyForm.hidden = !state.can_reply && !draft;
    replyForm.querySelector("button[type=submit]").disabled = !state.can_reply;
    if (claimFirst) {
      claimFirst.hidden = state.can_reply;
      claimFirst.textContent = state.held_by || claimFirst.dataset.claimFirst || claimFirst.textContent;
    }
  }
  caseState.status = state.status;
  caseState.lastUserId = state.last_user_id;
  caseState.canReply = state.can_reply;
}

let refreshCase = async () => {};

function watchCase(layout) {
  let timer = null;
  refreshCase = async () => {
    window.clearTimeout(timer);
    try {
      const result = await getJson(layout.dataset.liveUrl);
      if (result && result.status === 404 && result.body.gone) {
        showFlash(result.body.message, false);
        document.querySelectorAll("#case-actions form, #reply-form, #note-form").forEach((form) => {
          form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
        });
        // the person's words are no longer the dashboard's to show
        document.querySelectorAll("#case-head .reasons, #thread, .sheet, #bot-conversation").forEach((part) => {
          part.replaceChildren();
        });
        return;
      }
      if (result && result.status === 200) {
        applyCase(layout, result.body);
        setOffline(false);
      }
    } catch (error) {
      setOffline(true);
    }
    timer = window.setTimeout(refreshCase, pollEvery(layout));
  };
  ["case-head", "case-actions", "thread"].forEach((id) => {
    const element = document.getElementById(id);
    if (element) element.dataset.last = "";
  });
  timer = window.setTimeout(refreshCase, pollEvery(layout));
}

// ---------------------------------------------------------------- actions without reloads

function bindConfirm(element) {
  if (element.dataset.confirmBound || element.tagName !== "FORM" || element.dataset.async !== undefined) return;
  element.dataset.confirmBound = "yes";
  element.addEventListener("submit", (event) => {
    if (!window.confirm(element.dataset.confirm)) event.preventDefault();
  });
}

function bindAsync(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "yes";
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    const buttons = [...form.querySelectorAll("button")];
    buttons.forEach((button) => { button.disabled = true; });
    try {
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { accept: "application/json" },
        body: new URLSearchParams(new FormData(form)),
      });
      if (response.status === 401) {
        showFlash(document.body.dataset.sessionExpired, false);
        sessionEnded();
        return;
      }
      const result = await response.json();
      if (result.expires_at && window.tsunaguSession) window.tsunaguSession.extend(result.expires_at);
      showFlash(result.message, result.ok);
      if (result.ok && form.dataset.keepDraft !== undefined) form.reset();
      if (form.id === "reply-form" && window.tsunaguSession) window.tsunaguSession.keepDraft();
      if (result.ok) form.closest(".crisis-alert")?.remove();
      if (result.ok && result.to) {
        window.location.assign(result.to);
        return;
      }
      await refreshCase();
      if (result.ok && form.action.endsWith("/claim")) focusAfter("reply-text");
    } catch (error) {
      showFlash(document.getElementById("offline-notice")?.textContent || "", false);
    } finally {
      buttons.forEach((button) => { if (button.isConnected) button.disabled = false; });
      if (form.id === "reply-form" && caseState.canReply === false) {
        form.querySelector("button[type=submit]").disabled = true;
      }
      const area = form.querySelector("textarea");
      if (area && form.isConnected && !form.hidden && lostFocus()) area.focus();
    }
  });
}

function lostFocus() {
  return !document.activeElement || document.activeElement === document.body;
}

function focusAfter(id) {
  // after claiming, the reply box is where the work goes on (not <body>, where a replaced form leaves focus)
  const target = document.getElementById(id);
  if (target && !target.closest("[hidden]")) target.focus();
}

function insertSavedReply() {
  const select = document.getElementById("saved-reply");
  const area = document.getElementById("reply-text");
  if (!select || !area) return;
  const text = select.selectedOptions[0]?.dataset.text || "";
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? area.value.length;
  area.value = area.value.slice(0, start) + text + area.value.slice(end);
  area.focus();
  area.setSelectionRange(start + text.length, start + text.length);
}

// While a CSW writes a reply, tell the server now and then, so the person sees LINE's typing dots.
const TYPING_EVERY_MS = 15000;
function announceTyping(form) {
  let last = 0;
  form.querySelector("textarea").addEventListener("input", () => {
    if (window.tsunaguSession) window.tsunaguSession.keepDraft();
    const now = Date.now();
    if (now - last < TYPING_EVERY_MS) {
      return;
    }
    last = now;
    const body = new URLSearchParams({ csrf: form.querySelector("input[name=csrf]").value });
    fetch(form.action.replace(/\/reply$/, "/typing"), { method: "POST", body, credentials: "same-origin" })
      .then((response) => {
        const expires = response.headers.get("x-session-expires");
        if (expires && window.tsunaguSession) window.tsunaguSession.extend(expires);
      })
      .catch(() => {});
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const url = new URL(window.location.href);
  if (url.searchParams.has("msg")) {
    url.searchParams.delete("msg");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  document.querySelectorAll("form[data-async]").forEach(bindAsync);
  document.querySelectorAll("[data-confirm]").forEach(bindConfirm);
  document.querySelectorAll("form.reply").forEach(announceTyping);
  document.getElementById("insert-saved")?.addEventListener("click", insertSavedReply);
  scrollThreadToEnd();
  setUpSound();
  if (document.body.dataset.liveUrl) window.setTimeout(pollLive, 0);
  const list = document.getElementById("queue-rows");
  if (list) pollQueue(list);
  const layout = document.querySelector(".case-layout[data-live-url]");
  if (layout) watchCase(layout);
  if (layout && window.tsunaguSession && window.tsunaguSession.restoreDraft()) showFlash(layout.dataset.restored, true);
});
