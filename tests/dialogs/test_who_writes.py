"""Who is writing (相談者 / 続柄): what the writer says of themself sets it; a relative mentioned does not.

Each case is a try-out finding or a sentence of the same kind, in the person's own words.
"""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.effects import HandOff
from tests.dialogs.chat import Chat


def answers_after(*messages: str) -> dict[str, Any]:
    chat = Chat()
    chat.follow()
    for message in messages:
        chat.send(message)
    answers: dict[str, Any] = chat.data["intake"]["answers"]
    return answers


def writer(answers: dict[str, Any]) -> tuple[str | None, str | None]:
    return answers.get("asker", {}).get("choice"), answers.get("relation", {}).get("choice")


@pytest.mark.parametrize(
    ("messages", "asker", "relation"),
    [
        (("母です",), "family", "parent"),
        (("父親です",), "family", "parent"),
        (("45歳の息子の母です",), "family", "parent"),
        (("息子のことで相談したいです",), "family", "parent"),
        (("娘のことで相談があります",), "family", "parent"),
        (("兄のことで相談があります",), "family", "sibling"),
        (("うちの弟のことなんやけど、もう5年くらい家から出てへんねん",), "family", "sibling"),
        (("民生委員です",), "supporter", "minsei"),
        (("民生委員をしている者です",), "supporter", "minsei"),
        (("息子が20年ひきこもっています",), "family", "parent"),
    ],
)
def test_a_writer_who_says_who_they_are(messages: tuple[str, ...], asker: str, relation: str) -> None:
    assert writer(answers_after(*messages)) == (asker, relation)


@pytest.mark.parametrize(
    "messages",
    [
        ("夫にLINEを見られるのが怖いです", "子どもが2人います。まだ小さい"),
        ("子どもが2人います",),
        ("ねれない", "おやにはいえない"),
        ("高2です。母が病気で、毎日ご飯作ったり弟の世話したりしてます", "父はいない"),
        ("しごと なくなりました", "おかね ない。たべもの ない", "こども 2さい います"),
        ("母が入院していて、医療費もかかってます",),
        ("父はいない",),
        ("妻とは別居しています",),
    ],
)
def test_a_relative_mentioned_does_not_say_who_writes(messages: tuple[str, ...]) -> None:
    asker, relation = writer(answers_after(*messages))
    assert asker != "family" and relation is None


@pytest.mark.parametrize(
    ("messages", "asker", "relation"),
    [
        (
            ("今夜、息子が暴れています", "壁に穴をあけて、妻を突き飛ばしました", "妻は実家に逃がしました"),
            "family",
            "parent",
        ),
        (
            ("息子のことです。もう15年、部屋からほとんど出てきません", "夫は5年前に亡くなって、私ひとりです"),
            "family",
            "parent",
        ),
        (
            ("うちの弟のことなんやけど", "親はもう80超えとって、面倒見るんもしんどなってきてる"),
            "family",
            "sibling",
        ),
        (
            (
                "民生委員をしている者です",
                "近所の80代のおばあさんと50代の息子さんの世帯が心配で🙏",
                "息子さんはずっと家にいてるみたいで、おばあさんが最近認知症っぽい",
            ),
            "supporter",
            "minsei",
        ),
    ],
)
def test_a_relation_once_set_is_not_flipped_by_later_mentions(
    messages: tuple[str, ...], asker: str, relation: str
) -> None:
    assert writer(answers_after(*messages)) == (asker, relation)


def test_a_self_introduction_corrects_a_guess() -> None:
    assert writer(answers_after("夜中にすみません　眠れなくて", "息子のことです")) == ("family", "parent")


def test_a_young_carer_writing_about_herself_stays_the_one_the_form_is_about() -> None:
    answers = answers_after(
        "高2です。母が病気で、毎日ご飯作ったり弟の世話したりしてます", "しんどいけど誰にも言えない"
    )
    assert writer(answers) == ("self", None)
    assert answers["age_band"]["choice"] == "under_18"


def test_the_person_asked_at_the_question_stays_so_after_a_mother_is_mentioned() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.send("じぶんのこと")
    chat.send("あと、言い忘れたんですが、母が入院していて医療費もかかってます")
    assert writer(chat.data["intake"]["answers"]) == ("self", None)


def test_a_brothers_own_withdrawal_is_not_the_writers() -> None:
    chat = Chat()
    chat.follow()
    chat.send("うちの弟のことなんやけど、もう5年くらい家から出てへんねん")
    about = chat.data["intake"]["answers"]["concerns"]["about"]
    assert about["withdrawal"] == "other"


# ---------------------------------------------------------------- ages and durations go to the question asked


def test_a_school_year_in_kana_is_the_childs_age_not_a_duration() -> None:
    answers = answers_after("おやにたたかれる", "ちゅうがく2ねん")
    assert answers["age_band"]["choice"] == "under_18"
    assert "duration" not in answers


def test_a_sons_age_without_sai_is_his() -> None:
    answers = answers_after("今夜、息子が暴れています", "息子は28です。10年くらい家にいます")
    assert answers["age_band"]["choice"] == "18_39"
    assert answers["duration"]["choice"] == "over_10y"


def test_an_age_this_year_after_telling_of_the_son_is_the_sons() -> None:
    answers = answers_after("息子のことです。もう15年、部屋からほとんど出てきません", "今年で37になります")
    assert answers["age_band"]["choice"] == "18_39"
    assert "asker_age_band" not in answers
    own = answers_after("息子のことです", "私ももう72で、膝も悪いし")
    assert own["asker_age_band"]["choice"] == "65_plus" and "age_band" not in own


@pytest.mark.parametrize("typed", ["34", "３４", "34です"])
def test_a_number_alone_typed_at_the_age_question_is_accepted(typed: str) -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("自分")
    assert chat.state == "intake.ask_age_band"
    chat.send(typed)
    assert chat.data["intake"]["answers"]["age_band"]["choice"] == "18_39"
    assert chat.state != "intake.ask_age_band"


def test_a_bill_unpaid_for_two_months_does_not_change_how_long_it_has_lasted() -> None:
    answers = answers_after(
        "仕事やめてから2年くらい外に出てない", "電気代も2か月払えてなくて、止まるかもしれない"
    )
    assert answers["duration"]["choice"] == "1y_3y"


# ---------------------------------------------------------------- contact wishes and considerations


def test_line_only_and_never_a_phone_call_reach_the_sheet() -> None:
    answers = answers_after(
        "夫にLINEを見られるのが怖いです", "連絡はLINEだけにしてください。電話は絶対やめて"
    )
    assert answers["contact"]["choice"] == "line"
    assert "電話は絶対やめて" in answers["considerations"]["words"]


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("でんわ むり きかれる", "でんわ むり きかれる"),
        ("先生にはバレたくない", "先生にはバレたくない"),
        ("いきなり家に来られるのは困ります。まず私だけ話を聞いてほしい", "いきなり家に来られるのは困ります"),
        ("郵便で送られてくると家族に知られるので困ります", "郵便で送られてくると家族に知られるので困ります"),
    ],
)
def test_what_to_be_careful_about_is_kept_as_a_consideration(message: str, words: str) -> None:
    answers = answers_after(message)
    assert answers["considerations"]["words"] == words
    assert answers.get("contact", {}).get("choice") != "phone"


@pytest.mark.parametrize(
    ("messages", "contact", "times"),
    [
        (
            ("民生委員をしている者です", "私の連絡先は携帯で、平日の午前中ならでれます"),
            "phone",
            "weekday_morning",
        ),
        (("うちの弟のことなんやけど", "平日の夜やったら電話出れるで"), "phone", "weekday_evening"),
        (("土日なら電話でも大丈夫です",), "phone", "weekend"),
    ],
)
def test_when_and_how_to_reach_the_person_is_kept_in_their_words(
    messages: tuple[str, ...], contact: str, times: str
) -> None:
    answers = answers_after(*messages)
    assert answers["contact"]["choice"] == contact
    assert answers["contact_times"]["choice"] == times
    assert answers["contact_times"]["words"] == messages[-1]


def test_a_late_night_apology_is_not_a_time_to_call() -> None:
    answers = answers_after("夜中にすみません　眠れなくて", "夫は19時ごろ帰ってきます")
    assert "contact_times" not in answers


# ---------------------------------------------------------------- concerns nobody wrote


def test_a_question_about_keeping_the_car_adds_no_worry_about_the_mind() -> None:
    answers = answers_after("生活保護ってどうやったら受けられますか", "車は手放さないとだめ？")
    assert "mental_health" not in answers.get("concerns", {}).get("choices", [])


def test_the_concern_list_starts_with_nothing_chosen_the_person_did_not_write() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.send("じぶんのこと")
    chat.send("34")
    chat.tap("1〜3年")
    assert chat.state == "intake.ask_concerns"
    assert chat.data["intake"]["answers"].get("concerns", {}).get("choices", []) == []
    assert not any(label.startswith("✓") or "✅" in label for label in chat.labels)


def test_a_mothers_own_knee_and_sleeplessness_are_hers_as_well_as_her_sons_illness() -> None:
    from dialogs.summary import build_summary

    chat = Chat()
    chat.follow()
    for message in (
        "息子のことです。もう15年、部屋からほとんど出てきません",
        "私ももう72で、膝も悪いし、この先どうなるのかと考えると眠れないんです",
        "息子は病院には一度も行ってません",
    ):
        chat.send(message)
    summary = build_summary(chat.data)
    assert summary["asker_wellbeing"] is not None
    assert {"illness", "mental_health"} <= set(summary["asker_wellbeing"]["concerns"])
    assert "mental_health" not in summary["concerns"]


# ---------------------------------------------------------------- what the person confirms is what is shared


def intake_sent_once() -> Chat:
    """The try-out's intake: a person who answered every question and sent the summary."""
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.send("じぶんのこと")
    chat.send("34")
    chat.send("会社辞めてから2年くらい")
    chat.send("お金がなくて、カードの支払いも滞ってる")
    chat.tap("選び終わった")
    chat.send("まずは話を聞いてほしいです")
    chat.tap("選び終わった")
    chat.send("にしかわ")
    chat.send("LINEがいい")
    chat.send("夕方以降だとうれしい")
    chat.send("電話は苦手です")
    chat.send("特にないです")
    assert chat.state == "consent.review"
    return chat


def test_the_consent_screen_shows_every_field_that_is_shared() -> None:
    chat = intake_sent_once()
    preview = chat.texts[0]
    assert "夕方以降だとうれしい" in preview
    assert "電話は苦手です" in preview
    chat.tap("この内容だけ送る")
    (case,) = [e for e in chat.effects if isinstance(e, HandOff)]
    assert case.summary["own_words"]["hopes"] == "まずは話を聞いてほしいです", "said once, not twice"


def test_a_second_hand_off_shows_the_earlier_concerns_too() -> None:
    chat = intake_sent_once()
    chat.tap("この内容だけ送る")
    chat.send("あと、言い忘れたんですが、母が入院していて医療費もかかってます")
    chat.send("電気代も2か月払えてなくて、止まるかもしれない")
    chat.send("担当者と話したい")
    if chat.state != "consent.review":
        chat.tap("担当者")
    preview = chat.texts[0]
    assert "お金や暮らしのこと" in preview and "借金や支払いのこと" in preview


@pytest.mark.parametrize(
    ("messages", "need"),
    [
        (("Hello, do you speak English?", "I lost my job last month and I can't pay rent"), "en"),
        (("にほんご すこし わかります", "しごと なくなりました"), "easy"),
    ],
)
def test_a_language_need_is_recorded_on_the_sheet(messages: tuple[str, ...], need: str) -> None:
    from dialogs.summary import build_summary

    chat = Chat()
    chat.follow()
    for message in messages:
        chat.send(message)
    assert build_summary(chat.data)["language"] == [need]


def test_a_childs_age_told_by_a_mother_writing_for_herself_is_nobodys_on_the_form() -> None:
    answers = answers_after("しごと なくなりました", "こども 2さい います")
    assert "asker_age_band" not in answers and "age_band" not in answers


def test_a_fathers_words_without_a_subject_tell_of_his_son() -> None:
    from dialogs.summary import build_summary

    chat = Chat()
    chat.follow()
    chat.send("今夜、息子が暴れています")
    chat.send("今は部屋にこもってるけど、また出てくるかもしれない")
    wellbeing = build_summary(chat.data)["asker_wellbeing"]
    assert wellbeing is not None and "withdrawal" not in wellbeing["concerns"]


def test_a_child_writing_in_kana_is_not_recorded_as_needing_easy_japanese() -> None:
    from dialogs.summary import build_summary

    chat = Chat()
    chat.follow()
    for message in ("おやに たたかれる", "ちゅうがく2ねん", "でんわ むり きかれる"):
        chat.send(message)
    assert build_summary(chat.data)["language"] == []


def test_a_family_members_own_situation_is_on_the_consent_screen_too() -> None:
    chat = Chat()
    chat.follow()
    chat.send("息子のことで相談したいです")
    chat.send("私は60歳です")
    chat.tap("相談の準備")  # 「息子のことで」 said she is family: the role is not asked again
    while chat.state != "intake.ask_asker_distress":
        chat.tap("答えたくない")
    chat.tap("とてもしんどい")
    chat.send("夜も眠れず、仕事も休みがちです")
    while chat.state != "consent.review":
        chat.tap("答えたくない")
    preview = chat.texts[0]
    assert "60" in preview or "40〜64歳" in preview
    assert "夜も眠れず、仕事も休みがちです" in preview


@pytest.mark.parametrize(
    "message",
    ["朝ごはんも食べてないなら、どうしたらいい", "昼間は寝ていることが多いです", "昼から何も食べてない"],
)
def test_a_time_of_day_in_a_story_is_not_a_time_to_call(message: str) -> None:
    assert "contact_times" not in answers_after(message)


def test_being_able_to_look_after_someone_is_not_a_caution() -> None:
    assert "considerations" not in answers_after("親の面倒を見られる人がいない")


def test_a_caution_keeps_the_persons_own_characters() -> None:
    answers = answers_after("警察を呼ぶと近所に知られるのが…")
    assert answers["considerations"]["words"] == "警察を呼ぶと近所に知られるのが…"
