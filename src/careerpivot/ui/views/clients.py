"""Clients (counselors): open a client, carry their profile into the other pages, keep notes.

Records live in the client store (SQLite by default, PostgreSQL by URL). Loading a
client puts their latest profile, shortlist and dismissed roles into the session, so
Pivots, Compare and Plan work for them; saving writes the session's state back.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.profile import Profile
from careerpivot.report import Format, Section, build_report, render
from careerpivot.routes import LearningPlan
from careerpivot.store import (
    ClientSnapshot,
    Store,
    database_url,
    dump_client_file,
    parse_client_file,
)
from careerpivot.ui import cache, counselor, nav, state, tables, widgets, workspace
from careerpivot.ui.tables import md

CLIENT = "cp_client"
UNLOCKED = counselor.UNLOCKED
#: The URL query parameter naming the client open on this page, so a reload reopens them
#: (once the passcode is entered again); an id names no one without the passcode.
LINK = "client"
LINK_READ = "cp_client_link_read"  # True once this session looked at the address
ERASED = "cp_client_erased"  # set when a client was just erased, to say so once


def main() -> None:
    """The Clients page."""
    eng = widgets.current_engine()
    st.title("Clients")
    try:
        store = cache.store(database_url())
    except CareerPivotError as exc:
        st.error(
            f"{md(str(exc))}. Check the database URL in CAREERPIVOT_DB_URL (or unset it to use the "
            "built-in file), then reload the page."
        )
        return
    try:
        _records_page(eng, store)
    except SQLAlchemyError as exc:  # the database went away or broke under us
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        st.error(
            f"The client records at {md(store.url)} could not be read ({md(reason)}). Check that "
            "the "
            "database is reachable and not damaged (`careerpivot client list`), then reload."
        )


def _records_page(eng: Engine, store: Store) -> None:
    if not _unlocked(store):
        return  # the address keeps naming the client until the passcode is entered
    _reopen_from_link()
    chosen = _pick_client(store)
    _keep_in_link(chosen)
    if chosen is None:
        return
    try:
        snap = store.load_client(chosen)
    except CareerPivotError as exc:
        st.error(f"{md(str(exc))}. Choose the client again from the list.")
        st.session_state.pop(CLIENT, None)
        return
    _client(eng, store, snap)


def _reopen_from_link() -> None:
    """After a reload: open the client the address names (once per browser session)."""
    if st.session_state.get(LINK_READ):
        return
    st.session_state[LINK_READ] = True
    named = str(st.query_params.get(LINK, ""))
    if CLIENT not in st.session_state and named.isdigit():
        st.session_state[CLIENT] = int(named)  # used only if it is in the list shown


def _keep_in_link(client_id: int | None) -> None:
    """Name the open client in the address (none open: drop it), for a reload."""
    if client_id is None:
        st.query_params.pop(LINK, None)
    elif st.query_params.get(LINK) != str(client_id):
        st.query_params[LINK] = str(client_id)


def _unlocked(store: Store) -> bool:
    if not store.passcode_required():
        _set_up_passcode(store)
        return False
    if not counselor.unlocked(store):
        return False
    counselor.resume(store)  # a reload while working with a client: carry on with them
    return True


def _set_up_passcode(store: Store) -> None:
    """First visit: no client record shows until a counselor passcode is set."""
    st.subheader("Set the counselor passcode")
    st.markdown(
        "Client records are private. Before any is shown, choose the passcode the "
        "counselors here will use to open this page (at least 6 characters). It is kept "
        "only as a salted hash; change it later with `careerpivot client passcode`."
    )
    problem = st.session_state.pop("cp_passcode_problem", None)
    if problem:
        st.error(problem)
    with st.form("w_cl_setup"):
        st.text_input("New passcode", type="password", key="w_cl_new_code")
        st.text_input("The same passcode again", type="password", key="w_cl_new_code2")
        st.form_submit_button(
            "Set the passcode", type="primary", on_click=_set_passcode, args=(store,)
        )


def _set_passcode(store: Store) -> None:
    new = str(st.session_state.get("w_cl_new_code", ""))
    if new != str(st.session_state.get("w_cl_new_code2", "")):
        st.session_state["cp_passcode_problem"] = "The two passcodes differ. Type them again."
        return
    if store.passcode_required():  # another counselor set it a moment ago
        st.session_state["cp_passcode_problem"] = (
            "A passcode was set in the meantime; ask whoever set it, and enter it below."
        )
        return
    try:
        store.set_passcode(new)
    except CareerPivotError as exc:
        st.session_state["cp_passcode_problem"] = f"The passcode was not set: {exc}."
        return
    st.session_state[UNLOCKED] = True


def _pick_client(store: Store) -> int | None:
    include = st.toggle("Include archived clients", key="w_cl_archived")
    clients = store.list_clients(include_archived=include)
    ids = [c.id for c in clients]
    names = {c.id: c.name + (" (archived)" if c.archived else "") for c in clients}
    current = st.session_state.get(CLIENT)

    def chose() -> None:
        st.session_state[CLIENT] = st.session_state["w_cl_pick"]

    if ids:
        st.selectbox(
            "Client",
            ids,
            index=ids.index(current) if current in ids else None,
            format_func=names.__getitem__,
            placeholder="Choose a client (type to filter)",
            key="w_cl_pick",
            on_change=chose,
        )
    else:
        st.info("No clients yet. Add the first one below.")
    problem = st.session_state.pop("cp_client_problem", None)
    if problem:
        st.error(md(problem))
    if st.session_state.pop(ERASED, False):  # the name is gone with the records
        st.success("The client and all their records are erased.")
    with (
        st.expander("Add a client", icon=":material/person_add:", expanded=not ids),
        st.form("w_cl_new", clear_on_submit=True),
    ):
        st.text_input("Name", key="w_cl_name")
        st.text_input("Contact (optional)", key="w_cl_contact")
        st.form_submit_button("Add client", on_click=_add_client, args=(store,))
    _from_workspace_form(store)
    with st.expander("Import a client file", icon=":material/upload:"):
        upload = st.file_uploader("Client file (JSON)", type=["json"], key="w_cl_import")
        if upload is not None:
            st.button(
                "Import as a new client",
                on_click=_import_client,
                args=(store, upload.name, upload.getvalue()),
            )
    chosen = st.session_state.get(CLIENT)
    return int(chosen) if chosen in ids else None


def _from_workspace_form(store: Store) -> None:
    with st.expander("Turn a person's workspace into a client", icon=":material/move_item:"):
        st.caption(
            "Everything the person entered (profile, answers, saved and hidden roles, the "
            "plan's target role, the rejection log) moves into a new client record; their "
            "private link then opens empty. Leave the link empty to use the work open in "
            "this browser."
        )
        st.text_input(
            "Their private link",
            key="w_cl_ws_link",
            placeholder="http://.../?w=... (empty: this browser's workspace)",
        )
        st.text_input("Client name", key="w_cl_ws_name")
        st.text_input("Their contact (optional)", key="w_cl_ws_contact")
        st.button("Make them a client", on_click=_from_workspace, args=(store,))


def _from_workspace(store: Store) -> None:
    from careerpivot.store import WorkspaceError

    link = str(st.session_state.get("w_cl_ws_link", "")).strip()
    own = workspace.token()
    token = workspace.token_from_link(link) if link else own
    if not token:
        st.session_state["cp_client_problem"] = (
            "No workspace to use: paste the person's private link (the address their browser "
            "shows), or enter their work in this browser first."
        )
        return
    if own == token:
        workspace.finish()  # the latest changes of this browser go over too
    try:
        data = store.open_workspace(token)
        if data is None:
            raise WorkspaceError("no workspace at that link (cleared, purged or already a client)")
        new = store.workspace_to_client(
            token,
            str(st.session_state.get("w_cl_ws_name", "")),
            contact=str(st.session_state.get("w_cl_ws_contact", "")).strip() or None,
            plans=_plans_for(data),
        )
    except CareerPivotError as exc:
        st.session_state["cp_client_problem"] = f"No client was made: {exc}."
        return
    if own == token:
        workspace.forget()
        state.load_client(new.id)
        state.own_profile(new.id, new.name)
    for key in ("w_cl_ws_link", "w_cl_ws_name", "w_cl_ws_contact"):
        st.session_state[key] = ""  # set, not dropped: the browser then shows it empty
    _open(new.id)


def _plans_for(data: object) -> tuple[LearningPlan, ...]:
    """The plan to the workspace's target role, worked out on its data set (if it can be)."""
    prof, target, dataset = (getattr(data, k, None) for k in ("profile", "target", "dataset"))
    if not isinstance(prof, Profile) or not target:
        return ()
    name = str(dataset or state.dataset_name())
    try:
        return (cache.plan(name, cache.profile_key(prof), prof, str(target)),)
    except CareerPivotError:
        return ()


def _open(client_id: int) -> None:
    """Show a client (called from callbacks, before the client picker is drawn)."""
    st.session_state[CLIENT] = client_id
    st.session_state["w_cl_pick"] = client_id


def _add_client(store: Store) -> None:
    name = str(st.session_state.get("w_cl_name", ""))
    contact = str(st.session_state.get("w_cl_contact", "")).strip()
    try:
        new = store.create_client(name, contact=contact or None)
    except CareerPivotError as exc:
        st.session_state["cp_client_problem"] = f"The client was not added: {exc}."
        return
    _open(new.id)


def _import_client(store: Store, file_name: str, content: bytes) -> None:
    try:
        data = parse_client_file(content.decode("utf-8"), source=file_name)
        new = store.import_client(data)
    except UnicodeDecodeError:
        problem = f"{file_name} is not a text file. Upload a CareerPivot client file."
    except CareerPivotError as exc:
        problem = f"Nothing was imported: {exc}."
    else:
        _open(new.id)
        return
    st.session_state["cp_client_problem"] = problem


def _client(eng: Engine, store: Store, snap: ClientSnapshot) -> None:
    c = snap.client
    st.header(md(c.name))
    st.caption(
        md(
            " · ".join(
                part
                for part in (
                    c.contact or "",
                    f"client since {c.created:%d %b %Y}",
                    tables.counted(snap.profile_versions, "saved profile version"),
                    "archived" if c.archived else "",
                )
                if part
            )
        )
    )
    _data_set_note(eng, snap)
    _work(eng, store, snap)
    _sessions(store, snap)
    _records(eng, snap)
    _files(eng, store, snap)


def _data_set_note(eng: Engine, snap: ClientSnapshot) -> None:
    """Which data set the client's profile was made on, and a warning when the pages use
    another one (ratings and roles differ between data sets: mixing them misleads)."""
    if snap.profile is None:
        return
    made_on, now = snap.profile_dataset, eng.dataset.name
    name = md(snap.client.name)
    if made_on is None:
        st.caption(
            f"{name}'s profile was saved before CareerPivot recorded data sets; it is read on "
            f"data set {md(repr(now))}, the one the pages use now."
        )
    elif made_on == now:
        st.caption(f"{name}'s profile was made on data set {md(repr(now))}, the one in use.")
    elif _installed(made_on):
        st.warning(
            f"{name}'s profile was made on data set {md(repr(made_on))}, but the pages now use "
            f"{md(repr(now))}. “Work with this client's profile” switches the pages to "
            f"{md(repr(made_on))}; the report is made on it too.",
            icon=":material/dataset:",
        )
    else:
        st.warning(
            f"{name}'s profile was made on data set {md(repr(made_on))}, which is not installed "
            f"here; the pages use {md(repr(now))}. Working with it here leaves out the ratings "
            f"and roles {md(repr(now))} does not have. Import {md(repr(made_on))} (`careerpivot "
            "data import-onet`) to see the profile as it was made.",
            icon=":material/dataset:",
        )


def _installed(name: str) -> bool:
    return name in {i.name for i in cache.datasets()}


def _engine_for(eng: Engine, snap: ClientSnapshot) -> Engine:
    """The engine of the data set the client's profile was made on, when installed here."""
    made_on = snap.profile_dataset
    if made_on is None or made_on == eng.dataset.name or not _installed(made_on):
        return eng
    try:
        return cache.engine(made_on)
    except CareerPivotError:
        return eng


def _work(eng: Engine, store: Store, snap: ClientSnapshot) -> None:
    st.subheader("This session")
    cid = snap.client.id
    owner = state.profile_owner()
    other = _other_client_name(store, owner) if owner not in (None, cid) else None
    with st.container(horizontal=True):
        if st.button(
            "Work with this client's profile",
            type="primary",
            disabled=snap.profile is None,
            help=None if snap.profile else "Nothing saved yet: build a profile, then save it.",
        ):
            _load(snap)
            st.switch_page(nav.PIVOTS.path)
        prof = state.profile()
        if st.button(
            "Save the current profile, shortlist and plan",
            disabled=prof is None or other is not None,
            help=f"The pages show {other}'s profile, not this client's." if other else None,
        ):
            assert prof is not None
            _save(eng, store, snap, prof)
            st.rerun()
    if other is not None:
        # Seen in the browser: after saving one client's profile, a newly added client's
        # page offered to save that same profile as the new client's.
        st.warning(
            f"The other pages show {md(other)}'s profile, not {md(snap.client.name)}'s, so "
            "it cannot be saved here. "
            + (
                "“Work with this client's profile” switches the pages to theirs."
                if snap.profile is not None
                else f"To build {md(snap.client.name)}'s, find their last job on the Start "
                "page (or use Self-assessment), then come back here and save it."
            ),
            icon=":material/warning:",
        )
    elif snap.profile is None and state.profile() is None:
        st.info(
            f"No profile for {md(snap.client.name)} yet. Find their last job on the Start page "
            "(or use Self-assessment), then come back here and save it to their record."
        )
    elif owner == cid and snap.profile_dataset not in (None, eng.dataset.name):
        st.caption(
            f"The other pages show this client's profile on data set "
            f"{md(repr(eng.dataset.name))}, without what it lacks; saving now stores that "
            "version."
        )
    elif owner == cid:
        st.caption("The other pages are showing this client's profile.")
    elif state.profile() is not None:
        st.caption(
            "The other pages show the profile built in this session; saving stores it as "
            "this client's latest version."
        )


def _and(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _other_client_name(store: Store, client_id: int | None) -> str | None:
    """The name of the client whose profile the session shows ("another client" if gone)."""
    if client_id is None:
        return None
    try:
        return store.load_client(client_id).client.name
    except CareerPivotError:
        return "another client"


def _save(eng: Engine, store: Store, snap: ClientSnapshot, prof: Profile) -> None:
    cid = snap.client.id
    target = state.target()
    try:
        with store.batch() as w:
            w.save_profile(cid, prof, dataset=eng.dataset.name)
            marks = {code: "shortlisted" for code in state.shortlist()}
            marks.update({code: "dismissed" for code in state.dismissed()})
            for code, mark in marks.items():
                w.mark_role(cid, code, mark)
            for old in snap.roles:
                if old.role_code not in marks:
                    w.unmark_role(cid, old.role_code)
            for name in ("interests", "values"):
                sheet = state.saved_answers(name)
                if sheet is not None and hasattr(sheet, "model_dump"):
                    w.save_answers(cid, name, sheet.model_dump(mode="json"))
            plan = None
            if target is not None:
                plan = cache.plan(eng.dataset.name, cache.profile_key(prof), prof, target)
                w.save_plan(cid, plan)
    except CareerPivotError as exc:
        st.session_state["cp_client_error"] = f"Nothing was saved: {exc}."
        return
    state.own_profile(cid, snap.client.name)  # the session now works with their record
    state.load_client(cid)
    # Say what was saved: "the shortlist ... and the plan" read as saved when there was none.
    saved = [f"the profile (data set {eng.dataset.name!r})"]
    shortlisted = sum(m == "shortlisted" for m in marks.values())
    if shortlisted:
        saved.append(tables.counted(shortlisted, "shortlisted role"))
    if len(marks) > shortlisted:
        saved.append(tables.counted(len(marks) - shortlisted, "hidden role"))
    if plan is not None:
        saved.append(f"the plan for {plan.target_title}")
    st.session_state["cp_client_saved"] = "Saved " + _and(saved) + "."


NOTE_DATE, NOTE_TEXT, NOTE_ERROR = "w_cl_note_date", "w_cl_note_text", "cp_cl_note_error"


def _add_notes(store: Store, client_id: int) -> None:
    """Save the session notes typed in the form; the box is emptied only once they are
    saved, so notes the store refuses are not lost."""
    on, notes = st.session_state[NOTE_DATE], st.session_state[NOTE_TEXT]
    try:
        store.add_session(client_id, on, notes)
    except CareerPivotError as exc:
        st.session_state[NOTE_ERROR] = (
            f"The notes were not saved: {md(str(exc))}. What you typed is still in the box."
        )
    else:
        st.session_state[NOTE_TEXT] = ""


def _sessions(store: Store, snap: ClientSnapshot) -> None:
    saved = st.session_state.pop("cp_client_saved", None)
    if saved:
        st.success(md(str(saved)))
    error = st.session_state.pop("cp_client_error", None)
    if error:
        st.error(error)
    st.subheader("Session notes")
    # Not cleared on submit: notes the store refuses (too long, a control character) stay
    # in the box to fix; they are cleared once saved (_add_notes).
    with st.form("w_cl_note"):
        st.date_input("Date", value=dt.date.today(), format="YYYY-MM-DD", key=NOTE_DATE)
        st.text_area("Notes", placeholder="What you talked about, what comes next", key=NOTE_TEXT)
        st.form_submit_button("Add notes", on_click=_add_notes, args=(store, snap.client.id))
    refused = st.session_state.pop(NOTE_ERROR, None)
    if refused:
        st.error(refused)
    for s in reversed(snap.sessions):
        with st.container(border=True):
            st.caption(f"{s.date:%d %b %Y}")
            st.text(s.notes or "(no notes)")


def _records(eng: Engine, snap: ClientSnapshot) -> None:
    st.subheader("Saved roles and plans")
    titles = {o.code: o.title for o in eng.dataset.occupations}
    if snap.shortlisted:
        st.markdown(
            "**Shortlist:** "
            + md(", ".join(titles.get(r.role_code, r.role_code) for r in snap.shortlisted))
        )
    if snap.dismissed:
        st.markdown("**Not for them:** " + md(", ".join(titles.get(c, c) for c in snap.dismissed)))
    for p in snap.plans[:3]:
        st.markdown(
            f"- Plan for **{md(p.plan.target_title)}** ({p.created:%d %b %Y}): "
            f"{len(p.plan.steps)} steps, about {p.plan.total_hours:,.0f} hours"
        )
    if not (snap.roles or snap.plans):
        st.caption("No saved roles or plans yet.")
    if nav.REJECTIONS.available:
        logged = len(snap.rejections)
        st.markdown(f"**Rejection log:** {tables.counted(logged, 'application')} logged.")
        if st.button("Open the rejection log", icon=":material/assignment_late:"):
            _load(snap)
            st.switch_page(nav.REJECTIONS.path)


def _load(snap: ClientSnapshot) -> None:
    """Work with this client (see :func:`careerpivot.ui.counselor.work_with`)."""
    counselor.work_with(snap)


def _files(eng: Engine, store: Store, snap: ClientSnapshot) -> None:
    st.subheader("Reports and files")
    cid = snap.client.id
    fmt = st.segmented_control(
        "Report format",
        ["pdf", "md"],
        default="pdf",
        required=True,
        format_func=lambda f: "PDF" if f == "pdf" else "Markdown",
        key="w_cl_fmt",
    )
    chosen: Format = "md" if fmt == "md" else "pdf"
    suffix, media = {"pdf": (".pdf", "application/pdf"), "md": (".md", "text/markdown")}[chosen]

    def report() -> bytes:
        now = store.load_client(cid)
        on = _engine_for(eng, now)  # the data set the profile was made on, if installed
        built = build_report(on, now, on=dt.date.today(), rejections=_rejections(on, now))
        return render(built, chosen).data

    with st.container(horizontal=True):
        st.download_button(
            "Download the report",
            data=report,
            file_name=f"careerpivot-report-{cid}{suffix}",
            mime=media,
            icon=":material/description:",
            on_click="ignore",
            disabled=snap.profile is None,
            help=None if snap.profile else "Save a profile for this client first.",
        )
        st.download_button(
            "Export the client file (JSON)",
            data=lambda: dump_client_file(store.export_client(cid)),
            file_name=f"careerpivot-client-{cid}.json",
            mime="application/json",
            icon=":material/download:",
            on_click="ignore",
        )
    with st.expander("Archive or erase this client", icon=":material/warning:"):
        archived = snap.client.archived
        st.button(
            "Bring back from the archive" if archived else "Archive (keeps the records)",
            on_click=_archive,
            args=(store, cid, not archived),
        )
        typed = st.text_input(
            f"To erase everything about {md(snap.client.name)}, type their name", key="w_cl_erase"
        )
        st.button(
            "Erase this client for good",
            disabled=typed.strip() != snap.client.name.strip(),
            on_click=_erase,
            args=(store, cid),
        )


def _rejections(eng: Engine, snap: ClientSnapshot) -> tuple[Section, ...]:
    """The rejection-log findings for the report (none without logged applications)."""
    if not snap.rejections or not nav.REJECTIONS.available:
        return ()
    import careerpivot.ui.rejection_state as rejection_state  # on use: it loads the classifier
    from careerpivot.report.rejections import client_rejection_sections

    return client_rejection_sections(
        eng,
        snap,
        classifier=rejection_state.classifier(),
        matcher=rejection_state.matcher(eng.dataset.name),
    )


def _archive(store: Store, client_id: int, archived: bool) -> None:
    store.set_archived(client_id, archived)
    if archived and not st.session_state.get("w_cl_archived"):
        st.session_state.pop(CLIENT, None)  # no longer in the list shown
        st.session_state.pop("w_cl_pick", None)


def _erase(store: Store, client_id: int) -> None:
    store.delete_client(client_id, confirm=True)
    state.forget_client(client_id)
    st.session_state.pop(CLIENT, None)
    # None, not removed: a removed key let the browser keep showing the erased name.
    st.session_state["w_cl_pick"] = None
    st.session_state[ERASED] = True


main()
