"""People: the influence/interest quadrants, champion coverage, missing WIIFMs, the business-led
check, promoting a backup, and the grid chart."""

from __future__ import annotations

import json

import pytest

from strategy.charts.stakeholders import stakeholder_grid
from strategy.discover.champion_swap import replace_champion
from strategy.discover.people import (
    business_led_findings,
    champion_coverage,
    departments_needing_champions,
    key_without_wiifm,
    quadrant,
    same_name,
)
from strategy.errors import InvalidInput, StaleVersion
from strategy.store.records import list_records, update_record
from tests.factories import ACTOR, make_objective, make_stakeholder, make_workspace
from tests.factories_discover import need_row, person_row

HIGH, LOW = 5, 2
QUADRANT_CASES = [
    (HIGH, HIGH, "Manage closely"),
    (HIGH, LOW, "Keep satisfied"),
    (LOW, HIGH, "Keep informed"),
    (LOW, LOW, "Monitor"),
    (4, 4, "Manage closely"),  # 4 already counts as high
    (3, 3, "Monitor"),
]


@pytest.mark.parametrize(("influence", "interest", "expected"), QUADRANT_CASES)
def test_quadrant_follows_influence_and_interest(influence, interest, expected):
    assert quadrant(influence, interest) == expected


def test_key_stakeholders_without_wiifm_are_the_active_influential_ones_with_nothing_written():
    blank = person_row(name="Blank", influence=5, wiifm="  ")
    gone = person_row(name="Gone", influence=5, wiifm="", active=False)
    minor = person_row(name="Minor", influence=2, wiifm="")
    said = person_row(name="Said", influence=5, wiifm="A board story")
    assert [p["name"] for p in key_without_wiifm([blank, gone, minor, said])] == ["Blank"]


def test_departments_needing_champions_skip_leadership_only_needs_but_count_users():
    needs = [need_row(department="Board", level="leadership"), need_row(department="Sales", level="end_user")]
    people = [person_row(department="Service", is_power_user=True), person_row(department="Finance")]
    assert departments_needing_champions(needs, people) == ["Sales", "Service"]


def _team(champion_active: bool, backup_active: bool | None) -> list[dict]:
    backup = person_row(name="Bea Backup", department="Sales", active=bool(backup_active))
    champion = person_row(
        name="Cam Champion",
        department="Sales",
        is_champion=True,
        active=champion_active,
        backup_id=backup["id"] if backup_active is not None else None,
    )
    return [champion, backup]


COVERAGE = [
    # champion active, backup (None = none named, else active?), expected status, words in the message
    pytest.param(True, True, "covered", ["Cam Champion", "Bea Backup"], id="covered"),
    pytest.param(True, None, "no_backup", ["no active backup"], id="no backup named"),
    pytest.param(True, False, "no_backup", ["no active backup"], id="backup has left too"),
    pytest.param(False, True, "champion_left", ["Cam Champion has left", "make the backup Bea Backup"], id="left"),
    pytest.param(False, None, "champion_left", ["no backup was named", "appoint"], id="left, no backup"),
]


@pytest.mark.parametrize(("active", "backup", "status", "words"), COVERAGE)
def test_champion_coverage_per_department(active, backup, status, words):
    [cover] = champion_coverage([need_row(department="Sales")], _team(active, backup))
    assert cover.status == status
    assert all(word in cover.message for word in words)


def test_a_champion_who_left_proposes_the_backup_and_tops_the_list():
    team = _team(False, True)
    needs = [need_row(department="Sales"), need_row(department="Finance")]
    covers = champion_coverage(needs, team)
    assert [(c.department, c.status) for c in covers] == [("Sales", "champion_left"), ("Finance", "no_champion")]
    assert (covers[0].proposed_id, covers[0].left_id) == (team[1]["id"], team[0]["id"])


def test_one_covered_champion_is_enough_for_a_department():
    team = [*_team(True, True), person_row(name="Lone", department="Sales", is_champion=True)]
    [cover] = champion_coverage([need_row(department="Sales")], team)
    assert cover.covered


SPONSOR_BUSINESS = person_row(name="Ceo", is_sponsor=True, side="business")
SPONSOR_IT = person_row(name="Cio", is_sponsor=True, side="it", department="IT")
OWNER_IT = person_row(name="Dev Lead", side="it", department="IT")
OWNER_BUSINESS = person_row(name="Sales Head")
BUSINESS_LED = [
    pytest.param([SPONSOR_BUSINESS], [OWNER_BUSINESS], set(), id="business-led"),
    pytest.param([], [], {"no_sponsor"}, id="no sponsor"),
    pytest.param([SPONSOR_IT], [OWNER_BUSINESS], {"it_sponsor"}, id="IT sponsor"),
    pytest.param([SPONSOR_BUSINESS], [OWNER_IT], {"it_owners"}, id="IT owns an objective"),
    pytest.param([SPONSOR_IT], [OWNER_IT], {"it_sponsor", "it_owners", "it_led"}, id="led from IT alone"),
]


@pytest.mark.parametrize(("sponsors", "owners", "expected"), BUSINESS_LED)
def test_business_led_check(sponsors, owners, expected):
    objectives = [{"title": f"Objective {o['name']}", "owner_id": o["id"]} for o in owners]
    findings = business_led_findings([*sponsors, *owners], objectives)
    assert {f.code for f in findings if f.level == "warning"} == expected


def test_replacing_a_champion_promotes_the_backup_in_one_audited_save(engine):
    ws = make_workspace(engine)
    backup = make_stakeholder(engine, ws.id, name="Oliver Grant", department="Stores")
    gone = make_stakeholder(
        engine, ws.id, name="Grace Mensah", department="Stores", is_champion=True, active=False, backup_id=backup["id"]
    )
    people = list_records(engine, "stakeholder", ws.id)
    [cover] = champion_coverage([need_row(department="Stores")], people)
    replace_champion(engine, ws.id, cover, people, actor=ACTOR)
    after = {p["name"]: p for p in list_records(engine, "stakeholder", ws.id)}
    assert after["Oliver Grant"]["is_champion"] and not after["Grace Mensah"]["is_champion"]
    assert after["Grace Mensah"]["backup_id"] is None
    [cover] = champion_coverage([need_row(department="Stores")], list(after.values()))
    assert (cover.status, cover.champions) == ("no_backup", ("Oliver Grant",))
    assert gone["id"] != backup["id"]


def test_replacing_a_champion_refuses_a_stale_list_and_changes_nothing(engine):
    ws = make_workspace(engine)
    backup = make_stakeholder(engine, ws.id, name="Oliver Grant", department="Stores")
    make_stakeholder(
        engine, ws.id, name="Grace", department="Stores", is_champion=True, active=False, backup_id=backup["id"]
    )
    people = list_records(engine, "stakeholder", ws.id)
    [cover] = champion_coverage([need_row(department="Stores")], people)
    update_record(engine, "stakeholder", ws.id, backup["id"], {"role": "Area manager"}, expected_version=1, actor="bob")
    with pytest.raises(StaleVersion):
        replace_champion(engine, ws.id, cover, people, actor=ACTOR)
    assert not any(p["is_champion"] and p["active"] for p in list_records(engine, "stakeholder", ws.id))


def test_replacing_without_a_backup_says_so():
    [cover] = champion_coverage([need_row(department="Sales")], _team(False, None))
    with pytest.raises(InvalidInput) as caught:
        replace_champion(None, 1, cover, [], actor=ACTOR)  # type: ignore[arg-type]
    assert "Sales has no active backup" in str(caught.value)


def test_objective_owned_by_it_is_named_in_the_check(engine):
    ws = make_workspace(engine)
    cio = make_stakeholder(engine, ws.id, name="Mark", side="it", department="IT")
    make_objective(engine, ws.id, title="Improve campaign efficiency", owner_id=cio["id"])
    findings = business_led_findings(
        list_records(engine, "stakeholder", ws.id), list_records(engine, "objective", ws.id)
    )
    message = next(f.message for f in findings if f.code == "it_owners")
    assert "'Improve campaign efficiency' (Mark)" in message


def test_grid_labels_four_quadrants_and_sets_leavers_apart():
    people = [
        person_row(name="Ceo", influence=5, interest=5, is_sponsor=True),
        person_row(name="Champ", influence=2, interest=5, is_champion=True),
        person_row(name="Gone", influence=2, interest=5, is_champion=True, active=False),
    ]
    spec = json.loads(stakeholder_grid(people).to_json())
    labels = {a["text"].removeprefix("<b>").removesuffix("</b>") for a in spec["layout"]["annotations"]}
    assert labels == {"Manage closely", "Keep satisfied", "Keep informed", "Monitor"}
    traces = {t["name"]: t for t in spec["data"]}
    assert traces["Sponsor"]["text"] == ["Ceo"] and traces["Left"]["text"] == ["Gone (left)"]
    champ_y, gone_y = traces["Champion"]["y"][0], traces["Left"]["y"][0]
    assert champ_y != gone_y and abs(champ_y - 2) < 0.5 and abs(gone_y - 2) < 0.5


def test_a_crowded_cell_keeps_everyone_inside_it():
    crowd = [person_row(name=f"Agent {n:02d}", influence=1, interest=5) for n in range(15)]
    ys = json.loads(stakeholder_grid(crowd).to_json())["data"][0]["y"]
    assert len(set(ys)) == 15 and all(0.5 < y < 1.5 for y in ys)


@pytest.mark.parametrize(
    ("typed", "found"),
    [("Lena Fischer", "Lena Fischer"), ("  lena   FISCHER ", "Lena Fischer"), ("Lena Fisher", None), ("", None)],
)
def test_same_name_ignores_case_and_spacing_only(typed: str, found: str | None):
    people = [person_row(id=1, name="Lena Fischer"), person_row(id=2, name="Sofia Marin")]
    twin = same_name(people, typed)
    assert (twin["name"] if twin else None) == found
