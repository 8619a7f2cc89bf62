"""The study card in words, and the notes when a claim's wording outruns the study."""

from __future__ import annotations

from claims import studies

OBSERVATIONAL = {"kind": "observational", "peer_review": "peer_reviewed", "journal": "JAMA Psychiatry"}


def test_the_seed_headline_outruns_an_observational_study() -> None:
    notes = studies.overclaim_notes(
        ["These results open new avenues.", "", "Ketamine proves effective against depression"], OBSERVATIONAL
    )
    assert len(notes) == 1 and "“proves”" in notes[0] and "observational study" in notes[0]


def test_careful_wording_gets_no_note() -> None:
    assert studies.overclaim_notes(["Ketamine was associated with more optimism."], OBSERVATIONAL) == []
    rct = {"kind": "rct", "participants": 900, "controlled": True}
    assert studies.overclaim_notes(["The drug proves effective."], rct) == []


def test_small_uncontrolled_studies_and_unflagged_preprints_get_notes() -> None:
    small = {"kind": "trial", "participants": 12, "controlled": False}
    notes = studies.overclaim_notes(["The drug cures migraine."], small)
    assert any("only 12 participants" in n for n in notes) and any("no control group" in n for n in notes)
    preprint = {"kind": "observational", "preprint": True, "peer_review": "not_peer_reviewed"}
    assert any("preprint" in n for n in studies.overclaim_notes(["A study found that masks work."], preprint))
    assert not any(
        "preprint" in n for n in studies.overclaim_notes(["A preprint, not yet peer reviewed, found it."], preprint)
    )


def test_display_reads_old_or_empty_cards() -> None:
    assert studies.display(None) is None and studies.display({}) is None
    shown = studies.display({"kind": "rct", "notices": [{"type": "retraction", "url": "javascript:alert(1)"}]})
    assert shown is not None and shown["kind_label"] == "Randomised controlled trial"
    assert shown["notices"][0]["url"] == "" and shown["peer_review_label"] == "Peer review not known"
