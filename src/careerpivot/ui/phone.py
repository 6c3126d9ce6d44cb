"""Phone-width fix, added to every page: the menu closes after a choice.

At widths under Streamlit's mobile breakpoint (640 px) the top menu folds into a side
panel that stays open over the page after a page is chosen. A small script, added once
per browser tab, closes it when one of its links is clicked. (Answer labels such as
"Strongly like" stay whole through :func:`unbroken`.)
"""

from __future__ import annotations

import streamlit as st

#: Streamlit folds the top menu into the side panel below this width (px).
MOBILE_BREAKPOINT = 640

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
    """Add the menu script to the page (cheap; it installs itself once per tab)."""
    st.html(SCRIPT, unsafe_allow_javascript=True)


def unbroken(label: str) -> str:
    """A short option label that never breaks over two lines (no-break spaces); the
    options of a horizontal radio then wrap as whole labels.

    >>> unbroken("Strongly like")
    'Strongly\xa0like'
    """
    return label.replace(" ", "\u00a0")
