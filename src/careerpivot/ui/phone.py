"""Phone-width fixes, added to every page: the menu closes after a choice, answer labels
stay on one line.

At widths under Streamlit's mobile breakpoint (640 px) the top menu folds into a side
panel that stays open over the page after a page is chosen. A small script, added once
per browser tab, closes it when one of its links is clicked. Radio labels ("Strongly
like") keep their words together; the options wrap as whole labels instead.
"""

from __future__ import annotations

import streamlit as st

#: Streamlit folds the top menu into the side panel below this width (px).
MOBILE_BREAKPOINT = 640

STYLE = """
<style>
/* Answer options keep their words on one line; whole options wrap instead. */
[data-testid="stRadio"] [role="radiogroup"] { flex-wrap: wrap; column-gap: 0.9rem; }
[data-testid="stRadio"] [role="radiogroup"] label p { white-space: nowrap; }
</style>
"""

SCRIPT = f"""
<script>
(() => {{
  const doc = window.parent ? window.parent.document : document;
  if (doc.careerpivotMenuCloser) return;
  doc.careerpivotMenuCloser = true;
  doc.addEventListener("click", (event) => {{
    const win = doc.defaultView || window;
    if (win.innerWidth >= {MOBILE_BREAKPOINT}) return;
    const link = event.target.closest('[data-testid="stSidebarNavLink"]');
    if (!link) return;
    const close = () => {{
      const button = doc.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (button && button.getAttribute("aria-expanded") !== "false") button.click();
    }};
    win.setTimeout(close, 150);
  }}, true);
}})();
</script>
"""


def fixes() -> None:
    """Add the style and the menu script to the page (cheap; idempotent in the browser)."""
    st.html(STYLE)
    st.html(SCRIPT, unsafe_allow_javascript=True)
