"""CareerPivot web app entry point: `streamlit run app.py` (or `careerpivot app`)."""

from careerpivot.ui.main import run

run()
