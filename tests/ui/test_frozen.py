"""Records cached for every session are read without a copy, so a change in place must fail loudly
rather than show up in another person's session; a copy stays an ordinary, changeable dict."""

from __future__ import annotations

import copy
import json
import pickle

import pandas as pd
import pytest

from ui.frozen import frozen_rows

ROWS = [{"id": 1, "title": "Loyalty", "need_ids": [3, 4]}, {"id": 2, "title": "Churn", "need_ids": []}]


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: rows.append({"id": 3}),
        lambda rows: rows.sort(key=lambda r: r["title"]),
        lambda rows: rows.__setitem__(0, {}),
        lambda rows: rows[0].__setitem__("title", "Changed"),
        lambda rows: rows[0].update(title="Changed"),
        lambda rows: rows[0].pop("title"),
        lambda rows: rows[0]["need_ids"].append(5),
    ],
)
def test_a_shared_record_refuses_a_change_in_place(change):
    rows = frozen_rows(ROWS)
    with pytest.raises(TypeError, match="shared by every session"):
        change(rows)
    assert rows == ROWS


def test_a_copy_is_a_plain_dict_that_can_change():
    rows = frozen_rows(ROWS)
    copies = (dict(rows[0]), {**rows[0]}, rows[0] | {}, copy.deepcopy(rows)[0], pickle.loads(pickle.dumps(rows))[0])
    for copied in copies:
        copied["title"] = "Changed"
        assert copied["title"] == "Changed"
    assert rows[0]["title"] == "Loyalty"


def test_shared_records_read_like_plain_ones():
    rows = frozen_rows(ROWS)
    assert json.loads(json.dumps(rows)) == ROWS
    assert pd.DataFrame(rows)["title"].tolist() == ["Loyalty", "Churn"]
    assert [r["id"] for r in sorted(rows, key=lambda r: r["title"])] == [2, 1]
