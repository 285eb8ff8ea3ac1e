"""Readings a session-5 try-out found wrong, in the people's own words."""

import pytest

from dialogs.understanding import classify


@pytest.mark.parametrize(
    "text",
    [
        "私が死んだらこの子はどうなるのかと思うと夜も眠れません",
        "私がいなくなったら息子はどうやって生きていくのか",
        "俺が死んだら娘の面倒は誰が見るんやろ",
    ],
)
def test_a_parent_worrying_about_after_their_death_is_not_in_crisis(text: str) -> None:
    """The 8050 worry (親亡き後) is about the child's future, not a wish to die: no emergency block."""
    assert classify(text).crisis == "none"


GONE_FOR_OTHERS = ["私が死んだらみんな楽になる", "私がいなくなったらみんな喜ぶ", "私が死んだら誰も困らない"]


@pytest.mark.parametrize("text", GONE_FOR_OTHERS)
def test_gone_for_others_relief_stays_crisis(text: str) -> None:
    """Being gone as a relief to others is still read as suicidal."""
    assert classify(text).crisis == "crisis"


@pytest.mark.parametrize("text", ["いやいや死にたいとかちゃうで？ただのクセやし", "死にたいとかちゃうねん"])
def test_kansai_denial_after_a_listing_particle_denies(text: str) -> None:
    """「〜とかちゃうで」 denies what comes before it, like 「〜とかじゃないよ」."""
    assert classify(text).crisis == "none"


@pytest.mark.parametrize("text", ["もう死んじゃうかも", "死んじゃいたい"])
def test_te_shimau_contraction_is_not_a_denial(text: str) -> None:
    """After a verb, ちゃう is てしまう: the wish stands."""
    assert classify(text).crisis == "crisis"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Where can I sleep?", "no_shelter"), ("I must leave company dorm by Friday", "eviction")],
)
def test_english_bed_and_dorm_questions_are_urgent(text: str, kind: str) -> None:
    """A foreign resident asking where to sleep, or losing a company dorm by a day, needs help today."""
    reading = classify(text)
    assert reading.crisis == "urgent"
    assert kind in reading.crisis_kinds


@pytest.mark.parametrize("text", ["うーん", "う〜ん", "ｳｰﾝ", "うーーん…"])
def test_a_hesitation_is_not_a_yes(text: str) -> None:
    """「うーん」 loses its long vowel when normalised; it must not become 「うん」, a consent."""
    assert "cmd.yes" not in classify(text).intents


def test_un_is_still_yes() -> None:
    assert "cmd.yes" in classify("うん").intents
