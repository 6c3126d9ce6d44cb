"""Gradient-boosted trees saved as arrays predict what the classifier predicts, bit for bit,
and a damaged or hostile file is a clear error before any tree is followed."""

from pathlib import Path

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from careerpivot.boosted_trees import BoostedTrees
from careerpivot.errors import DataValidationError
from careerpivot.relatedness import RERANKER_FILE, load_reranker


@pytest.fixture(scope="module")
def fitted() -> tuple[HistGradientBoostingClassifier, np.ndarray]:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(600, 6)).astype(np.float32)
    x[rng.random(x.shape) < 0.1] = np.nan  # missing values take each node's learnt side
    y = (np.nan_to_num(x[:, 0]) + 0.5 * np.nan_to_num(x[:, 1]) ** 2 > 0.3).astype(int)
    model = HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=15, random_state=0)
    return model.fit(x, y), x


def test_saved_trees_predict_the_classifiers_probabilities_exactly(fitted, tmp_path: Path):
    model, x = fitted
    path = tmp_path / "trees.npz"
    BoostedTrees.of(model).save(path)
    trees = BoostedTrees.load(path)
    rng = np.random.default_rng(4)
    fresh = rng.normal(scale=2.0, size=(300, 6)).astype(np.float32)
    fresh[rng.random(fresh.shape) < 0.1] = np.nan
    for data in (x, fresh):
        assert np.array_equal(trees.predict_proba(data), model.predict_proba(data))
    assert trees.n_features_in_ == 6 and len(trees.sizes) == model.n_iter_


def test_rows_in_blocks_on_threads_predict_as_all_at_once(fitted, monkeypatch):
    import careerpivot.boosted_trees as bt

    model, x = fitted
    monkeypatch.setattr(bt, "ROW_BLOCK", 37)  # blocks that do not divide the rows
    assert np.array_equal(BoostedTrees.of(model).predict_proba(x), model.predict_proba(x))


def test_a_multiclass_model_is_refused(fitted):
    _, x = fitted
    three = HistGradientBoostingClassifier(max_iter=3).fit(x, np.arange(len(x)) % 3)
    with pytest.raises(ValueError, match="binary"):
        BoostedTrees.of(three)


def _tampered(fitted, tmp_path: Path, change) -> Path:
    model, _ = fitted
    trees = BoostedTrees.of(model)
    nodes = trees.nodes.copy()
    sizes = trees.sizes.copy()
    change(nodes, sizes)
    path = tmp_path / "bad.npz"
    BoostedTrees(nodes, sizes, trees.baseline, trees.n_features_in_).save(path)
    return path


def _point_outside(nodes, sizes):
    split = np.flatnonzero(~nodes["is_leaf"].astype(bool))[0]
    nodes["left"][split] = 10**6


def _read_missing_feature(nodes, sizes):
    split = np.flatnonzero(~nodes["is_leaf"].astype(bool))[0]
    nodes["feature_idx"][split] = 99


def _wrong_sizes(nodes, sizes):
    sizes[0] += 1


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (_point_outside, "outside its tree"),
        (_read_missing_feature, "feature that does not exist"),
        (_wrong_sizes, "do not add up"),
    ],
)
def test_a_damaged_tree_file_is_a_clear_error(fitted, tmp_path: Path, change, says):
    with pytest.raises(DataValidationError, match=says):
        BoostedTrees.load(_tampered(fitted, tmp_path, change))


def test_a_file_that_is_not_saved_trees_is_a_clear_error(tmp_path: Path):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip")
    with pytest.raises(DataValidationError, match="not a saved tree model"):
        BoostedTrees.load(junk)
    other = tmp_path / "other.npz"
    np.savez(other, something=np.arange(3))
    with pytest.raises(DataValidationError, match="not a saved tree model"):
        BoostedTrees.load(other)


def test_pickled_objects_are_never_loaded(tmp_path: Path):
    path = tmp_path / "pickled.npz"
    np.savez(path, nodes=np.array([object()], dtype=object), sizes=np.array([1]))
    with pytest.raises(DataValidationError, match="not a saved tree model"):
        BoostedTrees.load(path)


def test_the_shipped_reranker_is_saved_trees():
    reranker = load_reranker()
    assert RERANKER_FILE.suffix == ".npz" and isinstance(reranker.model, BoostedTrees)
    assert reranker.model.n_features_in_ == len(reranker.features)
