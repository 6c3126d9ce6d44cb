"""The real O*NET 29.2 release and BLS workbooks import with the expected counts."""

import pytest

from careerpivot.datasets.bls import apply_bls, read_oews, read_projections
from careerpivot.datasets.onet import read_release

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def onet(onet_dir):
    return read_release(onet_dir)


def test_counts(onet):
    ds, summary = onet
    assert summary.occupations == 1016
    assert summary.scorable == 879
    assert summary.with_job_zone == 923
    assert summary.with_related == 923
    assert summary.with_interests == 923
    assert sum(1 for d in ds.descriptors if d.kind == "skill") == 35
    assert sum(1 for d in ds.descriptors if d.kind == "knowledge") == 33
    assert ds.provenance.version == "29.2" and ds.provenance.licence == "CC BY 4.0"


def test_unrated_roles_stay_searchable_and_say_why(onet):
    ds, _ = onet
    dev = ds.occupation("15-1252.00")
    assert "no skill or knowledge ratings" in dev.unscored_reason
    assert "Software Engineer" in dev.alternate_titles


def test_bls_coverage(onet, bls_dir):
    ds, _ = onet
    out, summary = apply_bls(
        ds,
        read_oews(bls_dir / "oews_national_M2024_dl.xlsx"),
        read_projections(bls_dir / "ep_occupation_2024_34.xlsx"),
    )
    assert len(summary.missing_wage) < 30 and len(summary.missing_outlook) < 25
    assert out.occupation("15-1252.00").median_wage == 133080


def test_every_role_is_rated_after_estimation(onet):
    """The 137 roles O*NET 29.2 leaves unrated get estimates that say so and make sense."""
    from careerpivot.estimation import estimate_unrated

    ds, _ = onet
    out, summary = estimate_unrated(ds)
    assert summary.estimated == 137 and out.scorable.all() and out.estimated.sum() == 137
    dev = out.occupation("15-1252.00")
    assert dev.is_estimated and dev.estimate_note.startswith("Estimated from 6 similar rated")
    assert sum(c.startswith("15-") for c, _, _ in dev.estimated_from[:3]) >= 2
    levels = {r.descriptor: r.level for r in out.requirements_of("15-1252.00")}
    assert levels["2.B.3.e"] >= 4.0  # Programming: a developer's top skill
    assert levels["2.C.3.a"] >= 5.0  # Computers and Electronics
    fin = out.occupation("13-2051.00")  # Financial and Investment Analysts
    assert any(c.startswith("13-20") for c, _, _ in fin.estimated_from[:3])
