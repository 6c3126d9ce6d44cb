"""Streamlit front end: thin pages over :class:`careerpivot.engine.Engine`."""
