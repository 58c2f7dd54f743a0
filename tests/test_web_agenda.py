"""Agenda texts: the items of one agenda apart, and near-duplicate names grouped."""

from __future__ import annotations

import pytest

from unsc._web.agenda import agenda_items, agenda_topic, group_agendas


def test_items_are_lines_and_wrapped_lines_continue() -> None:
    text = (
        "Report of the Security Council Committee on the Admission of New Members concerning the\n"
        "applications of the Republic of South Viet-Nam and the Democratic Republic of Viet-Nam\n"
        "(S/11794)\n"
        "Letter, 15 April 1986, from Oman (S/17994)\n\n"
    )
    assert agenda_items(text) == [
        "Report of the Security Council Committee on the Admission of New Members concerning the "
        "applications of the Republic of South Viet-Nam and the Democratic Republic of Viet-Nam "
        "(S/11794)",
        "Letter, 15 April 1986, from Oman (S/17994)",
    ]
    assert agenda_items(None) == agenda_items("") == []


@pytest.mark.parametrize(
    "name",
    [
        "The situation in the Middle East",
        "The situation in the Middle East, including the Palestinian question",
        "Middle East situation, including the Palestinian question",
        "Middle East situation - Syria",
        "The situation in the Middle East (Syria)",
        "Middle East",
    ],
)
def test_the_middle_east_under_one_name(name: str) -> None:
    assert agenda_topic(name) == "middle east"


def test_different_subjects_stay_apart() -> None:
    topics = {
        agenda_topic(name)
        for name in (
            "The question of South Africa",
            "Relationship between the United Nations and South Africa",
            "Letter, 15 April 1986, from Oman (S/17994)",
            "Letter, 17 October 1986, from Nicaragua (S/18415)",
            "The situation in Namibia",
        )
    }
    assert len(topics) == 5


def test_groups_are_named_by_their_most_frequent_name() -> None:
    groups = group_agendas(
        [
            ("The situation in the Middle East", 34),
            ("Middle East situation, including the Palestinian question", 10),
            ("Admission of new Members", 27),
            ("Admission of new Members to the United Nations", 2),
            ("The situation in Namibia", 22),
            (None, 1),
        ]
    )
    assert groups[0] == (
        "The situation in the Middle East",
        44,
        [
            "The situation in the Middle East",
            "Middle East situation, including the Palestinian question",
        ],
    )
    assert groups[1][:2] == ("Admission of new Members", 29)
    assert ("(agenda not recorded)", 1, ["(agenda not recorded)"]) in groups
