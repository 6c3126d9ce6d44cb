"""The "Your data" panel (Start and Pivots): private link, download, upload, start over."""

from __future__ import annotations

import streamlit as st

from careerpivot.ui import workspace
from careerpivot.ui.rejection_text import plain

UPLOADS = "cp_ws_uploads"  # bumped after a file is used, to clear the uploader


def private_link(token: str) -> str:
    """The address that reopens a workspace (this page's address with the token)."""
    base = (st.context.url or "").split("?", 1)[0] or "http://localhost:8501/"
    return f"{base}?{workspace.PARAM}={token}"


def panel(where: str) -> None:
    """Everything the person entered: where it is kept, and how to take it away or bring it."""
    token = workspace.token()
    with st.expander(
        "Your data: private link, download, upload, start over", icon=":material/save:"
    ):
        if token is not None:
            st.markdown(
                "Everything you enter is saved on this computer as you go, with no account. "
                "This private link brings it back (also after a reload); keep it somewhere "
                "safe, as anyone who has it can open your data:"
            )
            st.code(private_link(token), language=None, wrap_lines=True)
        else:
            st.caption(
                "Nothing saved yet. As soon as you enter something it is saved on this "
                "computer, and the address in your browser becomes your private link."
            )
        st.download_button(
            "Download my data",
            # Built now, not on click: a deferred callable would run outside this
            # session and see none of its state.
            data=workspace.download_text(),
            file_name="careerpivot-my-data.json",
            mime="application/json",
            icon=":material/download:",
            on_click="ignore",
            key=f"w_{where}_my_data_download",
            help="One JSON file with your profile, answers, saved and hidden roles, the role "
            "you plan for and your rejection log. Upload it here another time.",
        )
        upload = st.file_uploader(
            "Upload my data",
            type=["json"],
            key=f"w_{where}_my_data_upload_{st.session_state.get(UPLOADS, 0)}",
            help="A file saved with “Download my data”. It replaces what is here now, so "
            "download your current data first if you want to keep it.",
        )
        if upload is not None:
            _read(where, upload.name, upload.getvalue())
        _start_over(where)


def _read(where: str, name: str, content: bytes) -> None:
    from careerpivot.store import WorkspaceError, parse_workspace

    try:
        data = parse_workspace(content.decode("utf-8"), source=name)
    except UnicodeDecodeError:
        st.error(f"{plain(name)} is not a text file: nothing was changed.")
        return
    except WorkspaceError as exc:
        st.error(f"Nothing was changed. {plain(str(exc))}")
        return
    missing = workspace.missing_dataset(data)
    if missing is not None:
        st.error(
            f"Nothing was changed: {plain(name)} uses data set {plain(missing)}, which is not "
            "installed here. Import it first (`careerpivot data import-onet`), then upload "
            "the file again."
        )
        return
    st.markdown(f"{plain(name)} holds {plain(data.summary())}.")
    st.button(
        "Use this file (replaces what is here now)",
        key=f"w_{where}_my_data_use",
        icon=":material/upload:",
        on_click=_use,
        args=(data,),
    )


def _use(data: object) -> None:
    uploads = int(st.session_state.get(UPLOADS, 0))
    workspace.replace_with(data)
    st.session_state[UPLOADS] = uploads + 1


def _start_over(where: str) -> None:
    sure = st.checkbox(
        "Erase everything I entered here (download it first to keep a copy)",
        key=f"w_{where}_start_over_sure",
    )
    st.button(
        "Start over",
        key=f"w_{where}_start_over",
        icon=":material/restart_alt:",
        disabled=not sure,
        on_click=workspace.start_over,
    )
