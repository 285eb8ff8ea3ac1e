"""Session 14, try-out leftovers: polite questions, edits and first messages.

What people met: 「電話での相談はできますでしょうか」 answered with what the service is;
「電話番号をお伝えした方がよろしいでしょうか」 at a question answered with the window's number;
「先ほどの続きでございます。…送っていただけますか」 at the menu not understood;
「「家から出にくい」は違います。外してください」 opening the edit menu; 「会社にバレますか」 at a
question leaving the form or kept as its answer; 「でんわ にがて」 as the first message not understood;
「南区です」 at the district question asked again and again. Each test types their words, with variants
of our own, and negatives.
"""

from __future__ import annotations

import re

import pytest

from dialogs.understanding import classify
from tests.dialogs.chat import Chat, intake_answers, said, started

WINDOW_PHONE = "0000-00-0001"


def at_question(label_taps: tuple[str, ...]) -> Chat:
    chat = started("相談の準備をする")
    for label in label_taps:
        chat.tap(label)
    return chat


TO_AGE = ("自分のこと",)
TO_DURATION = (*TO_AGE, "18〜39歳")
TO_CONCERNS = (*TO_DURATION, "1〜3年")
TO_DISTRICT = (*TO_CONCERNS, "住まいのこと", "選び終わった", "話を聞いてほしい", "選び終わった")


# ---------------------------------------------------------------- 1. may I consult by phone?


PHONE_ASKED = (
    "電話での相談はできますでしょうか",
    "電話でも大丈夫ですか",
    "でんわで はなせますか",
    "電話の相談もできますか",
    "お電話でご相談することは可能でしょうか",
    "電話で相談ってできる？",
)


@pytest.mark.parametrize("words", PHONE_ASKED)
def test_asked_whether_one_may_phone_the_answer_is_yes_with_the_number(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "はい、電話でも相談できます" in reply, reply
    assert WINDOW_PHONE in reply and "8:30" in reply, reply
    assert "LINEで続ける" in reply or "LINEで続けることも" in reply, reply
    assert chat.state == "menu.main"


@pytest.mark.parametrize("words", ["Can I call?", "Can I call you?", "Could I phone you?"])
def test_asked_in_english_whether_one_may_call_the_number_and_hours_in_english(words: str) -> None:
    reply = said(started(words))
    assert WINDOW_PHONE in reply and "8:30" in reply, reply
    assert "はい、電話でも" not in reply


def test_asked_whether_one_may_phone_at_a_question_answered_then_the_question_again() -> None:
    chat = at_question(TO_AGE)
    chat.send("電話でも大丈夫ですか")
    reply = said(chat)
    assert "はい、電話でも相談できます" in reply and WINDOW_PHONE in reply, reply
    assert "ご家族のこととして" not in reply, reply  # the 夫 of 大丈夫 is no husband
    assert chat.state == "intake.ask_age_band" and "18〜39歳" in chat.labels


@pytest.mark.parametrize(
    "words",
    [
        "電話で話すのは苦手です",
        "電話は無理です",
        "警察に電話してもいいですか",
        "息子が電話で話せますか",
        "call me after 6pm",
    ],
)
def test_phone_words_that_ask_nothing_of_the_kind_are_not_the_phone_answer(words: str) -> None:
    reading = classify(words)
    assert not any(e.rule.endswith("#phone_consult_asked") for e in reading.evidence), reading.evidence
    assert "はい、電話でも相談できます" not in said(started(words))


def test_what_this_service_is_is_still_answered_as_such() -> None:
    assert "faq.what_is" in classify("ここは何ですか").intents
    assert "faq.what_is" in classify("お金の相談はできますか").intents


# ---------------------------------------------------------------- 2. must I give my phone number?


@pytest.mark.parametrize(
    "words",
    (
        "電話番号をお伝えした方がよろしいでしょうか",
        "番号って教えないといけないですか",
        "電話番号は必要ですか",
        "でんわばんごう いりますか",
        "連絡先は書いた方がいいですか",
    ),
)
def test_asked_whether_a_number_is_needed_at_a_question_no_then_the_question(words: str) -> None:
    chat = at_question(TO_AGE)
    chat.send(words)
    reply = said(chat)
    assert "お伝えいただかなくて大丈夫" in reply and "折り返し" in reply, reply
    assert WINDOW_PHONE not in reply, reply
    assert chat.state == "intake.ask_age_band" and "18〜39歳" in chat.labels
    assert "contact" not in intake_answers(chat)


def test_a_number_given_at_a_question_is_still_kept_as_the_way_to_reach() -> None:
    chat = at_question(TO_AGE)
    chat.send("電話番号は090-1234-5678です")
    assert "お伝えいただかなくて大丈夫" not in said(chat)
    assert "090-1234-5678" in str(intake_answers(chat).get("contact", {}))


def test_asked_for_the_windows_number_it_is_given() -> None:
    reply = said(started("窓口の電話番号を教えてください"))
    assert WINDOW_PHONE in reply and "お伝えいただかなくて" not in reply, reply


# ---------------------------------------------------------------- 3. coming back, asking for something sent


def test_coming_back_and_asking_for_material_is_understood() -> None:
    chat = started("先ほどの続きでございます。資料を送っていただけますか")
    reply = said(chat)
    assert "また書いてくださって" in reply and "窓口・サービスを知る" in reply, reply
    assert "うまく受け取れなかった" not in reply and chat.state == "menu.main"


def test_coming_back_and_asking_for_the_number_gets_it_not_the_send_screen() -> None:
    back = "先ほどの続きでございます。窓口の電話番号を送っていただけますか"
    chat = started("息子のことで悩んでいます", back)
    reply = said(chat)
    assert WINDOW_PHONE in reply and chat.state == "menu.main", reply
    assert "この内容だけ送る" not in chat.labels


def test_coming_back_to_an_unfinished_form_offers_or_goes_on_with_it() -> None:
    chat = at_question(TO_DURATION)
    chat.send("メニュー")
    chat.send("さっきの続きです")
    assert chat.state in ("intake.ask_duration", "menu.resume"), chat.state
    assert "うまく受け取れなかった" not in said(chat)


def test_coming_back_asking_to_send_to_the_person_in_charge_opens_the_send_screen() -> None:
    chat = started("先ほどの続きでございます。先ほどの内容を担当の方に送っていただけますか")
    assert chat.state == "consent.review" and "この内容だけ送る" in chat.labels


@pytest.mark.parametrize("words", ["ドラマの続きが気になって眠れない", "前の仕事の続きで疲れています"])
def test_a_continuation_of_something_else_is_no_coming_back(words: str) -> None:
    assert "talk.returning" not in classify(words).intents


def test_asked_to_send_the_draft_at_the_menu_it_still_opens_the_send_screen() -> None:
    chat = started("息子が10年ひきこもっています", "やっぱり送ってください")
    assert chat.state == "consent.review"


# ---------------------------------------------------------------- 4. taking one worry off at the question


def at_concerns_with(*labels: str) -> Chat:
    chat = at_question(TO_CONCERNS)
    for label in labels:
        if label not in chat.labels:
            chat.tap("ほかの項目を見る")
        chat.tap(label)
    return chat


@pytest.mark.parametrize(
    "words",
    (
        "「家から出にくい」は違います。外してください",
        "家から出にくいは違います",
        "「家から出にくい」を外してください",
        "ひきこもりじゃないです",
        "家から出にくいのは外して",
    ),
)
def test_a_named_worry_taken_off_at_the_question_is_taken_off_in_one_line(words: str) -> None:
    chat = at_concerns_with("お金・生活費", "家から出にくい")
    chat.send(words)
    reply = said(chat)
    assert reply.splitlines()[0] == "「家から出にくい」を外しました。", reply
    assert "どこを直しますか" not in reply
    assert chat.state == "intake.ask_concerns"
    assert intake_answers(chat)["concerns"]["choices"] == ["economic"]


def test_one_worry_in_place_of_another_is_swapped_in_one_line() -> None:
    chat = at_concerns_with("お金・生活費")
    chat.send("お金じゃなくて借金です")
    first = said(chat).splitlines()[0]
    assert first == "「お金・生活費」を外して、「借金・滞納」に印をつけました。", said(chat)
    assert intake_answers(chat)["concerns"]["choices"] == ["debt"]


def test_a_worry_not_chosen_is_said_not_to_be_chosen() -> None:
    chat = at_concerns_with("お金・生活費")
    chat.send("仕事探しは外してください")
    assert "「仕事探し」は、いま選ばれていません" in said(chat)
    assert intake_answers(chat)["concerns"]["choices"] == ["economic"]


def test_a_story_with_a_denial_is_still_read_as_the_answer() -> None:
    chat = at_concerns_with()
    chat.send("家から出にくいし、お金もない")
    assert set(intake_answers(chat)["concerns"]["choices"]) == {"economic", "withdrawal"}
    chat.send("お金がないんです、ひきこもりではないけど働けなくて困っています")
    assert "書き添えます" in said(chat), said(chat)  # the story is kept, as any answer there
    assert not said(chat).startswith("「家から出にくい」を外しました。\n")


def test_asking_to_change_the_worries_unnamed_still_opens_the_edit_choice() -> None:
    chat = at_concerns_with("お金・生活費")
    chat.send("年齢を直したい")
    assert chat.state == "intake.ask_age_band", chat.state


# ---------------------------------------------------------------- 5. privacy asked at a question


@pytest.mark.parametrize(
    ("taps", "state"),
    [
        (TO_AGE, "intake.ask_age_band"),
        (TO_DURATION, "intake.ask_duration"),
        (TO_CONCERNS, "intake.ask_concerns"),
    ],
)
@pytest.mark.parametrize("words", ["会社にバレますか", "家族に知られますか", "職場に連絡いったりしますか？"])
def test_a_privacy_question_at_a_question_is_answered_then_the_question_again(
    taps: tuple[str, ...], state: str, words: str
) -> None:
    chat = at_question(taps)
    chat.send(words)
    reply = said(chat)
    assert "秘密" in reply or "だれにも送られません" in reply, reply
    assert chat.state == state, chat.state
    assert "答えたくない" in chat.labels
    assert words not in str(intake_answers(chat).get("duration", {}))


def test_a_wish_not_to_be_found_out_told_at_a_question_is_kept_as_a_consideration() -> None:
    chat = at_question(TO_CONCERNS)
    chat.send("家族には知られたくないです")
    assert "配慮" in said(chat), said(chat)
    assert "considerations" in intake_answers(chat)


# ---------------------------------------------------------------- 6. 「でんわ にがて」 as the first words


@pytest.mark.parametrize("words", ["でんわ にがて", "電話にがて", "でんわは にがてです", "電話は苦手です"])
def test_phone_is_hard_as_the_first_words_is_acknowledged_and_chat_is_fine(words: str) -> None:
    for chat in (started(words), _unfollowed(words)):
        reply = said(chat)
        assert "電話が苦手でも大丈夫です" in reply and "文字だけで" in reply, reply
        assert "うまく受け取れなかった" not in reply
        assert (
            chat.data["intake"]["answers"]["contact"]["choice"] != "phone"
            if "contact" in chat.data.get("intake", {}).get("answers", {})
            else True
        )


def _unfollowed(words: str) -> Chat:
    chat = Chat()
    chat.send(words)
    return chat


@pytest.mark.parametrize("words", ["電話で連絡してほしいです", "電話がいいです", "でんわで はなしたい"])
def test_wanting_the_phone_is_no_phone_is_hard(words: str) -> None:
    assert "電話が苦手でも大丈夫" not in said(started(words))


# ---------------------------------------------------------------- 7. a district the service does not cover


@pytest.mark.parametrize("place", ["南区です", "みなみくです", "南区", "横浜市です"])
def test_a_district_not_covered_is_told_which_are_then_not_asked_a_third_time(place: str) -> None:
    chat = at_question(TO_DISTRICT)
    chat.send(place)
    reply = said(chat)
    assert "中央地区" in reply and "西川地区" in reply, reply
    assert "「わからない」" in reply and "「ほかの地域」" in reply, reply
    assert chat.state == "intake.ask_district"
    chat.send(place)
    assert chat.state == "intake.ask_contact", chat.state
    assert "空けたままで大丈夫" in said(chat)
    assert "district" not in intake_answers(chat)


@pytest.mark.parametrize("words", ["わからない", "ほかの地域", "市外です", "分かりません", "わからん"])
def test_not_knowing_the_district_is_fine_at_once(words: str) -> None:
    chat = at_question(TO_DISTRICT)
    chat.send(words)
    assert chat.state == "intake.ask_contact", (chat.state, said(chat))
    assert "空けたままで大丈夫" in said(chat)


@pytest.mark.parametrize(("words", "district"), [("北山です", "kitayama"), ("中央地区", "chuo")])
def test_a_covered_district_typed_is_its_answer(words: str, district: str) -> None:
    chat = at_question(TO_DISTRICT)
    chat.send("南区です")
    chat.send(words)
    assert intake_answers(chat)["district"]["choice"] == district


# ---------------------------------------------------------------- 8. the form and deletion in English


def _english_form() -> Chat:
    chat = started("I lost my job and cannot pay rent", "Prepare to consult")
    return chat


def _no_japanese(chat: Chat) -> None:
    reply = said(chat)
    for name in ("つなぐ市社会福祉協議会", "つなぐ市くらしサポートセンター", "「つなぐ」", "“つなぐ”"):
        reply = reply.replace(name, "")
    assert not re.search(r"[\u3041-\u3096\u4e00-\u9fff]{4,}", reply), reply
    assert not any(re.search(r"[\u3041-\u3096]", label) for label in chat.labels), chat.labels


def test_an_english_writer_meets_the_whole_form_in_english() -> None:
    chat = _english_form()
    _no_japanese(chat)
    assert "consultation sheet" in said(chat) and "About myself" in chat.labels
    for label in ("About myself", "18 to 39", "1 to 3 years", "Money, living"):
        chat.tap(label)
        _no_japanese(chat)
    assert "Chosen now:" in said(chat) and "✓ Money, living" in chat.labels, said(chat)
    for label in ("Done choosing", "Listen to me", "Done choosing"):
        chat.tap(label)
    assert "Which area" in said(chat) and "中央地区" in chat.labels  # the area names stay as they are
    chat.send("I don't know")
    _no_japanese(chat)
    assert chat.state == "intake.ask_contact"
    for label in ("This LINE", "Any time"):
        chat.tap(label)
        _no_japanese(chat)
    assert chat.state == "intake.ask_considerations"


def test_english_typed_at_a_question_gets_no_intro_each_time() -> None:
    chat = _english_form()
    chat.tap("About myself")
    chat.tap("18 to 39")
    chat.tap("1 to 3 years")
    chat.send("I have no money")
    assert "understands only a little English" not in said(chat), said(chat)
    _no_japanese(chat)


def test_deleting_in_english_from_the_form_and_writing_again_is_english() -> None:
    chat = _english_form()
    chat.tap("About myself")
    chat.send("delete my data")
    _no_japanese(chat)
    chat.tap("Delete")
    _no_japanese(chat)
    chat.send("thanks")
    _no_japanese(chat)
    assert "Prepare to consult" in chat.labels


def test_a_japanese_writer_still_meets_the_form_in_japanese() -> None:
    chat = at_question(TO_CONCERNS)
    chat.tap("お金・生活費")
    assert "いま選んでいるもの" in said(chat) and "✓ お金・生活費" in chat.labels
    assert "Chosen now" not in said(chat)


@pytest.mark.parametrize("words", ["電話番号をお伝えした方がよろしいでしょうか", "ばんごう おしえなあかん？"])
def test_asked_whether_a_number_is_needed_at_the_menu_no_and_the_menu(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "お伝えいただかなくて大丈夫" in reply and "折り返し" in reply, reply
    assert WINDOW_PHONE not in reply and "相談の準備をする" in chat.labels


@pytest.mark.parametrize("words", ["電話でもええん？", "電話でよか？", "でんわでも だいじょうぶですか"])
def test_asked_in_dialect_or_kana_whether_one_may_phone_yes(words: str) -> None:
    assert "はい、電話でも相談できます" in said(started(words))


def test_a_privacy_question_in_kana_at_a_question_is_answered_then_the_question() -> None:
    chat = at_question(TO_DURATION)
    chat.send("かいしゃに ばれますか")
    assert "秘密" in said(chat) and chat.state == "intake.ask_duration", said(chat)
    assert "duration" not in intake_answers(chat)
