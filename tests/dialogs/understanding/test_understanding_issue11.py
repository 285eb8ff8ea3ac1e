"""Every example named in issue 11, read as the issue asks (crisis kinds, urgency, district, intents)."""

from __future__ import annotations

import pytest

from dialogs.understanding import classify


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("誰にも迷惑かけずにいなくなれたらいいのに", "suicidal"),
        ("生きてても意味ない", "suicidal"),
        ("さっきパキった", "overdose"),
        ("眠剤ためてたの全部飲んだ", "overdose"),
        ("💊💊💊", "overdose"),
        ("ブロン40錠いった", "overdose"),
        ("おとうさんに毎日なぐられる", "violence"),
        ("今日も顔たたかれた。家かえりたくない", "violence"),
        ("昨日は殴られました。子どもが2人います", "violence"),
        ("I want to die", "suicidal"),
    ],
)
def test_danger_to_life_in_the_issue_is_crisis_with_its_kind(text: str, kind: str) -> None:
    reading = classify(text)
    assert reading.crisis == "crisis"
    assert kind in reading.crisis_kinds
    assert not reading.possible_risk  # possible risk is for readings short of crisis
    assert any(e.label == "crisis" for e in reading.evidence)


def test_a_child_hit_by_a_parent_is_also_child_abuse() -> None:
    assert "child_abuse" in classify("おとうさんに毎日なぐられる").crisis_kinds


def test_brand_names_are_not_read_as_debt() -> None:
    assert "debt" not in classify("ブロン40錠いった").concerns
    assert "debt" in classify("カードローンの返済が苦しい").concerns


def test_wanting_relief_is_a_possible_risk() -> None:
    reading = classify("楽になりたい")
    assert reading.crisis == "none"
    assert reading.possible_risk
    assert "mental_health" in reading.concerns


def test_english_crisis_sets_the_language() -> None:
    reading = classify("I want to die")
    assert reading.language == "en"
    assert classify("死にたい").language == "ja"


@pytest.mark.parametrize(
    ("text", "district"), [("中央や", "chuo"), ("北山のほう", "kitayama"), ("ちゅうおう", "chuo")]
)
def test_district_in_dialect_partial_or_kana(text: str, district: str) -> None:
    assert [e.value for e in classify(text).entities if e.kind == "district"] == [district]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("相談の準備をする", "cmd.human"),
        ("よくある質問", "cmd.menu"),
        ("相談したい", "cmd.human"),
        ("人と話したい", "cmd.human"),
        ("電話じゃなくて誰かと話したい", "cmd.human"),
        ("質問に答える元気がない", "talk.listen"),
        ("ただ話を聞いてほしい", "talk.listen"),
        ("どうしたらいいの", "talk.guidance"),
        ("朝までどうすればいいですか", "talk.guidance"),
        ("こんばんは", "talk.greeting"),
        ("はじめまして", "talk.greeting"),
        ("ありがとう", "talk.thanks"),
        ("LINEを見られるのが怖い", "talk.privacy_fear"),
        ("追加です", "talk.addition"),
        ("担当の方に伝えてください", "talk.addition"),
        ("使い方", "cmd.help"),
    ],
)
def test_intents_people_type(text: str, intent: str) -> None:
    assert intent in classify(text).intents


def test_guidance_is_not_the_manual() -> None:
    assert "cmd.help" not in classify("どうしたらいいの").intents


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今夜寝る場所がない", "no_shelter"),
        ("ガスが止められた", "utilities"),
        ("昨日から何も食べていません", "no_food"),
        ("明日までにアパートを出ないといけない", "eviction"),
    ],
)
def test_urgent_needs_with_their_kind(text: str, kind: str) -> None:
    reading = classify(text)
    assert reading.crisis == "urgent"
    assert reading.crisis_kinds == (kind,)


def test_a_mothers_sleeplessness_is_hers_and_her_sons_withdrawal_is_his() -> None:
    reading = classify("息子が部屋から出てこない。私も眠れない")
    about = dict(reading.concern_about)
    assert about["withdrawal"] == "other"
    assert about["mental_health"] == "self"


def test_intake_entities_with_whom_they_are_about() -> None:
    reading = classify("母です。45歳の息子が20年ひきこもっています")
    found = {(e.kind, e.value, e.about) for e in reading.entities}
    assert ("relation", "parent", "self") in found
    assert ("age", "45", "other") in found
    assert ("age_band", "40_64", "other") in found
    assert ("duration", "over_10y", "other") in found
    assert ("age_band", "under_18", "other") in {
        (e.kind, e.value, e.about) for e in classify("息子は中2です").entities
    }
