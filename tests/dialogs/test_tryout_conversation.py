"""The second try-out as 13 new users (findings 5-9): each message that got the fallback, as it was typed.

Every test drives the real engine with the real reading (no intents added by hand).
"""

from __future__ import annotations

import pytest

from dialogs import catalog
from tests.dialogs.chat import Chat, said, started

FALLBACK = catalog.text("fallback")
PREVIEW_START = "担当者に送る内容は、次のとおりです。"
TALK_HISTORY = "トーク履歴"


def at_review(*first: str) -> Chat:
    """A person who asked for a person and now sees the consent screen, after typing `first`."""
    chat = started(*first, "人と話したい")
    assert chat.state == "consent.review"
    return chat


# ---------------------------------------------------------------- 5. free text on the consent screen


@pytest.mark.parametrize(
    "text",
    [
        "息子が家から出ません",
        "夜はほとんど眠れていないみたいです",
        "できれば家に来てほしいです",
        "あと、お金のことも少し心配です",
        "夫は相談することに反対しています",
    ],
)
def test_words_typed_on_the_consent_screen_are_added_and_acknowledged_briefly(text: str) -> None:
    chat = at_review("息子のことで相談です")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert PREVIEW_START not in said(chat), "not the whole summary again"
    assert "書き加えました" in said(chat)
    assert chat.state == "consent.review"
    assert "この内容だけ送る" in chat.labels and "今は送らない" in chat.labels
    assert any(text in item["words"] for item in chat.data["intake"]["heard"])


def test_the_added_words_reach_the_summary_that_is_sent() -> None:
    chat = at_review("息子のことで相談です")
    chat.send("夜はほとんど眠れていないみたいです")
    chat.tap("この内容だけ送る")
    (handoff,) = [e for e in chat.effects if type(e).__name__ == "HandOff"]
    assert "眠れていない" in handoff.summary_text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text", ["これ誰が見るの", "誰が読むんですか", "これって誰に届くの？", "送ったら誰が見ますか"]
)
def test_who_reads_it_is_answered_on_the_consent_screen(text: str) -> None:
    chat = at_review("息子のことで相談です")
    chat.send(text)
    assert FALLBACK not in said(chat) and PREVIEW_START not in said(chat)
    assert "つなぐ市社会福祉協議会の相談員" in said(chat)
    assert chat.state == "consent.review" and "この内容だけ送る" in chat.labels


def test_a_service_question_on_the_consent_screen_is_answered_and_the_buttons_stay() -> None:
    chat = at_review("息子のことで相談です")
    chat.send("住居確保給付金について教えて")
    assert FALLBACK not in said(chat) and PREVIEW_START not in said(chat)
    assert "住居確保給付金" in said(chat)
    assert chat.state == "consent.review" and "この内容だけ送る" in chat.labels


def test_asking_for_a_person_on_the_consent_screen_says_this_is_the_way() -> None:
    chat = at_review("息子のことで相談です")
    chat.send("相談員と話す")
    assert FALLBACK not in said(chat) and PREVIEW_START not in said(chat)
    assert chat.state == "consent.review" and "この内容だけ送る" in chat.labels


# ---------------------------------------------------------------- 6. 「やめる」 asks before deleting


def test_stop_on_the_consent_screen_asks_before_anything_is_deleted() -> None:
    chat = at_review("息子が家から出ません")
    chat.send("やめる")
    assert chat.data["intake"]["heard"], "nothing deleted by a single word"
    assert len(chat.labels) >= 3
    assert any("残" in label for label in chat.labels)
    assert any("消" in label for label in chat.labels)


def test_keeping_for_later_after_stop_keeps_the_draft_to_send_later() -> None:
    chat = at_review("息子が家から出ません")
    chat.send("やめる")
    chat.tap("残して")
    assert chat.state == "menu.main"
    assert "相談の続きをする" in chat.labels
    chat.tap("相談の続きをする")
    assert chat.state == "consent.review"
    assert "息子が家から出ません" in said(chat)


def test_going_on_after_stop_returns_to_the_consent_screen() -> None:
    chat = at_review("息子が家から出ません")
    chat.send("やめる")
    chat.tap("続ける")
    assert chat.state == "consent.review" and "この内容だけ送る" in chat.labels


def test_discarding_after_stop_deletes_the_draft() -> None:
    chat = at_review("息子が家から出ません")
    chat.send("やめる")
    chat.tap("消して")
    assert chat.state == "menu.main"
    assert not chat.data.get("intake")
    assert "消しました" in said(chat)


def test_stop_inside_the_form_with_answers_also_asks_first() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("家族")
    chat.send("やめる")
    assert chat.data["intake"]["answers"]["asker"]["choice"] == "family"
    assert any("消" in label for label in chat.labels)


def test_stop_when_asked_to_resume_after_a_pause_also_asks_first() -> None:
    chat = at_review("息子が家から出ません")
    chat.wait(60)
    chat.send("こんにちは")
    assert chat.state == "menu.resume"
    chat.send("やめる")
    assert chat.state == "menu.confirm_stop"
    chat.tap("続ける")
    assert chat.state == "consent.review"


def test_stop_with_nothing_written_needs_no_confirmation() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.send("やめる")
    assert chat.state == "menu.main"
    assert catalog.text("intake.stopped") in said(chat)


# ---------------------------------------------------------------- 7. privacy, family, a person


PRIVACY = [
    "このやりとりが残るのが心配",
    "消せますか",
    "このトーク消せますか",
    "履歴が残るのが不安です",
    "記録って消せるの？",
    "やりとりは残りますか",
    "ここに書いたことって残るんですか",
    "トーク履歴が残るのがこわい",
    "会話の記録が残るのはいやです",
    "あとで消せる？",
    "このやり取りあとから消せますか",
]


@pytest.mark.parametrize("text", PRIVACY)
def test_worry_about_what_stays_gets_the_privacy_and_deletion_answer(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert TALK_HISTORY in said(chat), "how to delete the トーク履歴 on the phone"
    assert "記録を消す" in chat.labels
    assert chat.state != "menu.confirm_delete", "a question is answered, nothing is deleted yet"


@pytest.mark.parametrize(
    "text", ["データは消せますか", "書いたこと消してもらえますか", "私のデータ消せますか"]
)
def test_asking_to_delete_the_data_leads_to_deleting_it_and_the_talk_history_steps(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.state == "menu.confirm_delete", "deleting still asks once"
    chat.tap("消す")
    assert TALK_HISTORY in said(chat)


FAMILY = [
    "家族のこと",
    "家族のことです",
    "家族の相談です",
    "家族について相談したい",
    "家族のことで相談があります",
    "身内のことです",
    "かぞくのこと",
    "家族の件で",
    "家族のことなんですが",
    "家族のことで少し",
    "家族のことを相談したいです",
]


@pytest.mark.parametrize("text", FAMILY)
def test_a_family_matter_starts_the_family_path(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.data["intake"]["answers"]["asker"]["choice"] == "family"
    assert chat.state == "intake.ask_relation", "the next question for a family member"


HUMAN = [
    "相談員と話す",
    "相談員さんと話したい",
    "職員さんと話せますか",
    "人間と話したい",
    "担当の人と話したい",
    "誰かと直接話したい",
    "相談員につないでください",
    "スタッフと話したい",
    "生身の人と話したい",
    "担当者につないで",
    "人と話せますか",
    "ひと と はなしたい",
]


@pytest.mark.parametrize("text", HUMAN)
def test_asking_for_a_person_leads_to_consent_on_what_was_written(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send("息子が家から出ません")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.state == "consent.review"
    assert "息子が家から出ません" in said(chat), "consent on what was written so far"


@pytest.mark.parametrize("text", HUMAN[:6])
def test_asking_for_a_person_inside_the_form_leads_to_consent(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("家族")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.state == "consent.review"


# ---------------------------------------------------------------- 9. answers belong to the question asked


def test_the_sons_age_typed_after_the_mother_introduced_herself_is_the_sons() -> None:
    chat = Chat()
    chat.follow()
    chat.send("息子が家から出ません")
    chat.tap("相談の準備")
    chat.send("35さいです")
    answers = chat.data["intake"]["answers"]
    assert answers["age_band"]["choice"] == "18_39"
    assert "asker_age_band" not in answers


@pytest.mark.parametrize("text", ["35さいです", "35歳", "３５さい"])
def test_an_age_typed_at_the_age_question_is_the_person_concerned(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("家族")
    chat.tap("親")
    chat.send(text)
    answers = chat.data["intake"]["answers"]
    assert answers["age_band"]["choice"] == "18_39"
    assert "asker_age_band" not in answers
    assert chat.state == "intake.ask_duration"


def test_a_mother_who_says_her_own_age_keeps_it_as_hers() -> None:
    chat = Chat()
    chat.follow()
    chat.send("私は60歳の母です。息子が引きこもっています")
    assert chat.data["intake"]["answers"]["asker_age_band"]["choice"] == "40_64"


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("15ねん", "over_10y"),
        ("15ねんくらい", "over_10y"),
        ("2ねん", "1y_3y"),
        ("3かげつ", "under_6m"),
        ("はんとし", "6m_1y"),
    ],
)
def test_a_duration_typed_in_kana_answers_the_duration_question(text: str, duration: str) -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("家族")
    chat.tap("親")
    chat.tap("18〜39歳")
    assert chat.state == "intake.ask_duration"
    chat.send(text)
    assert FALLBACK not in said(chat) and "ボタンから選んで" not in said(chat)
    assert chat.data["intake"]["answers"]["duration"]["choice"] == duration
    assert chat.state == "intake.ask_concerns"


# ---------------------------------------------------------------- 8. English and やさしい日本語


ENGLISH = [
    ("I want to die", "119"),
    ("Can I talk to someone?", "reach a person"),
    ("I want to speak to a person", "reach a person"),
    ("help with rent money", "住居確保給付金"),
    ("I cannot pay my rent", "住居確保給付金"),
    ("I have no food", "nothing to eat"),
    ("I have nothing to eat", "nothing to eat"),
    ("Where can I get advice?", "free and confidential"),
    ("Can I get welfare benefits?", "生活保護"),
]


@pytest.mark.parametrize(("text", "words"), ENGLISH)
def test_english_gets_a_short_answer_in_english_first(text: str, words: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert "automated reply" in chat.texts[0] and words in chat.texts[0]
    assert FALLBACK not in said(chat)


EASY = [
    ("わたし は しにたい", "119"),
    ("ひと と はなしたい", "そうだんいん"),
    ("やちん が はらえません", "住居確保給付金"),
    ("たべもの が ありません", "たべもの"),
    ("どこ に そうだん できますか", "そうだん できます"),
    ("せいかつほご を うけたい", "ふくしじむしょ"),
]


@pytest.mark.parametrize(("text", "words"), EASY)
def test_plain_spaced_japanese_gets_a_short_answer_in_plain_japanese(text: str, words: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert chat.texts[0].startswith("（じどう の へんじ です）") and words in chat.texts[0]
    assert FALLBACK not in said(chat)


def test_ordinary_japanese_gets_no_extra_message() -> None:
    chat = Chat()
    chat.follow()
    chat.send("息子が家から出ません")
    assert not any("じどう の へんじ" in t or "automated reply" in t for t in chat.texts)


def test_seikatsu_hogo_is_answered_from_content_with_its_source() -> None:
    from dialogs.content import current_content

    chat = Chat()
    chat.follow()
    chat.send("生活保護について知りたい")
    assert FALLBACK not in said(chat)
    assert "福祉事務所" in said(chat)
    service = current_content().service("public_assistance")
    assert service.source and service.verified_at is not None


@pytest.mark.parametrize(
    "text", ["あとで", "うん、そう", "それは答えたくないです", "いいえ、ちがいます", "はい"]
)
def test_an_answer_typed_on_the_menu_is_told_no_question_is_waiting(text: str) -> None:
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert catalog.text("menu.nothing_asked") in said(chat)
