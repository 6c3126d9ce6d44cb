"""Text typed but not yet sent survives a reload: kept in the browser tab as it is typed.

Streamlit sends a text box's value to the server only when the person leaves the box
(or presses Enter), and a form's only with its submit button. Until then a reload, or
a slip on the back button, lost what was typed: feedback from an employer copied into
the rejection form, a paragraph of a CV. A small script,
added once per browser tab, keeps each of the text boxes listed in :data:`FIELDS` in the
tab's ``sessionStorage`` as it is typed (never beyond the tab: it is gone when the tab
closes, and never sent anywhere), and puts it back when the box is drawn again empty or
with older text. It is forgotten when the person empties the box, presses the button
that uses it (:data:`FIELDS`), a form's submit button, or "Start over".

Kept per page and per client the address names (``client``, ``with``), so one client's
notes never appear in another's record. Password boxes are never kept.
"""

from __future__ import annotations

import json

import streamlit as st

#: Widget key of each kept text box (or the start of it, before ``_``) -> keys of the
#: buttons that use (and so clear) it. A box inside a form is also cleared by that form's
#: submit button.
FIELDS: dict[str, tuple[str, ...]] = {
    "w_rej_new_title": ("w_rej_add",),
    "w_rej_new_org": ("w_rej_add",),
    "w_rej_new_feedback": ("w_rej_add",),
    "w_rej_new_notes": ("w_rej_add",),
    "w_cv_text": (),
}
# Not the counselor's session notes (Clients page): the box is emptied by the server once
# the notes are saved, and a box filled by this script kept showing them after the save.
#: Buttons that clear every kept text (the whole workspace goes).
CLEAR_ALL_PREFIX = "w_"
CLEAR_ALL_SUFFIX = "_start_over"
#: Prefix of the ``sessionStorage`` keys.
STORAGE = "careerpivot-unsent"

_TEMPLATE = """
<script>
(() => {
  const doc = window.parent ? window.parent.document : document;
  const win = doc.defaultView || window;
  if (doc.careerpivotUnsent) return;
  doc.careerpivotUnsent = true;
  const FIELDS = __FIELDS__;
  const STORE = __STORE__;
  const seen = new WeakSet();
  const keyOf = (el) => {
    for (let node = el; node && node !== doc.body; node = node.parentElement) {
      for (const c of node.classList || []) {
        if (c.startsWith("st-key-")) return c.slice(7);
      }
    }
    return null;
  };
  const scope = () => {
    const q = new URLSearchParams(win.location.search);
    return [win.location.pathname, q.get("client") || "", q.get("with") || ""].join("|");
  };
  const slot = (key) => STORE + "|" + scope() + "|" + key;
  const kept = (el) => {
    if (!(el instanceof win.HTMLTextAreaElement || el instanceof win.HTMLInputElement)) return null;
    if (el.type === "password") return null;
    const key = keyOf(el);
    if (!key) return null;
    return Object.keys(FIELDS).some((f) => key === f || key.startsWith(f + "_")) ? key : null;
  };
  const forget = (key) => { try { win.sessionStorage.removeItem(slot(key)); } catch (e) {} };
  doc.addEventListener("input", (event) => {
    const key = kept(event.target);
    if (!key) return;
    try {
      if (event.target.value) win.sessionStorage.setItem(slot(key), event.target.value);
      else forget(key);
    } catch (e) {}
  }, true);
  doc.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("button");
    if (!button) return;
    const key = keyOf(button) || "";
    if (key.startsWith("__PREFIX__") && key.endsWith("__SUFFIX__")) {
      for (let i = win.sessionStorage.length - 1; i >= 0; i--) {
        const k = win.sessionStorage.key(i);
        if (k && k.startsWith(STORE + "|")) win.sessionStorage.removeItem(k);
      }
      return;
    }
    for (const [field, buttons] of Object.entries(FIELDS)) {
      if (!buttons.includes(key)) continue;
      doc.querySelectorAll(`[class*="st-key-${field}"] textarea, [class*="st-key-${field}"] input`)
        .forEach((el) => { const k = kept(el); if (k) forget(k); });
      forget(field);
    }
    const form = button.closest("[data-testid='stForm']");
    if (form && button.closest("[data-testid='stFormSubmitButton']")) {
      form.querySelectorAll("textarea, input").forEach((el) => {
        const k = kept(el);
        if (k) forget(k);
      });
    }
  }, true);
  const restore = (el) => {
    seen.add(el);
    const key = kept(el);
    if (!key) return;
    let text = null;
    try { text = win.sessionStorage.getItem(slot(key)); } catch (e) {}
    if (!text || text === el.value) return;
    const proto = el instanceof win.HTMLTextAreaElement
      ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, text);
    el.dispatchEvent(new win.Event("input", { bubbles: true }));
    const details = el.closest("details");
    if (details && !details.open) {
      const summary = details.querySelector("summary");
      if (summary) summary.click();
    }
    if (!el.closest("[data-testid='stForm']")) {
      // Outside a form the box sends its text when left: send it now, as typed (once
      // the page has taken in the text, or the box thinks nothing changed).
      win.setTimeout(() => {
        if (el.isConnected && el.value === text && doc.activeElement !== el) {
          el.dispatchEvent(new win.FocusEvent("focusout", { bubbles: true }));
        }
      }, 300);
    }
  };
  const scan = () => {
    doc.querySelectorAll("textarea, input").forEach((el) => { if (!seen.has(el)) restore(el); });
  };
  new win.MutationObserver(() => win.setTimeout(scan, 50)).observe(
    doc.body, { childList: true, subtree: true }
  );
  scan();
})();
</script>
"""

SCRIPT = (
    _TEMPLATE.replace("__FIELDS__", json.dumps({k: list(v) for k, v in FIELDS.items()}))
    .replace("__STORE__", json.dumps(STORAGE))
    .replace("__PREFIX__", CLEAR_ALL_PREFIX)
    .replace("__SUFFIX__", CLEAR_ALL_SUFFIX)
)


def keep() -> None:
    """Add the script to the page (cheap; it installs itself once per browser tab)."""
    st.html(SCRIPT, unsafe_allow_javascript=True)
