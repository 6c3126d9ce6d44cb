"""The Streamlit script ``careerpivot app`` runs from an installed package (``app.py`` in a
checkout runs the same :func:`careerpivot.ui.main.run`)."""

from careerpivot.ui.main import run

run()
