"""The second try-out's unanswered messages (brief C3): the way to a person in English, what is said
after sending, common questions about 生活保護 and 住居確保給付金, and the small things people type.

Every test drives the real engine with the real reading (no intents added by hand). Each finding is
tested with the try-out's own words and at least eight natural variants written for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.content import current_content
from dialogs.effects import HandOff
from dialogs.office_hours import format_jp
from tests.dialogs.chat import Chat, already_sent, said, started

FALLBACK = catalog.text("fallback")
OFFER_TO_ADD = catalog.text("addition.offer")
PREVIEW_START = "担当者に送る内容は、次のとおりです。"
AFTER_URGENT = catalog.text("menu.heard_after_urgent")


# ---------------------------------------------------------------- 2. a way to a person in English


@pytest.mark.parametrize(
    "text",
    [
        "Can someone help me in English?",
        "Is there anyone who speaks English?",
        "Can I talk to someone in English?",
        "I need to speak with a staff member",
        "Could a person read my message?",
        "Please connect me to a staff member",
        "Is there a human I can talk to?",
        "Can a real person help me?",
        "Can I speak with someone from the office?",
    ],
)
def test_asking_for_a_person_in_english_opens_the_consent_screen_with_an_english_note(text: str) -> None:
    chat = started("Hello")
    chat.send(text)
    assert chat.state == "consent.review"
    assert "Send this only" in chat.labels
    assert chat.texts[0].startswith("(This is an automated reply.)")
    assert "Send this only" in chat.texts[0], "the English note names the button to tap"


def test_the_english_speaker_of_the_try_out_reaches_a_case() -> None:
    chat = started("Hello, do you speak English?", "I lost my job last month and I can't pay rent")
    chat.send("Can someone help me in English?")
    chat.tap("Send this only")
    (handoff,) = [e for e in chat.effects if isinstance(e, HandOff)]
    assert "I lost my job" in handoff.summary_text


@pytest.mark.parametrize(
    "text",
    [
        "My Japanese is not good. I can read easy Japanese a little",
        "My Japanese is not very good",
        "I only speak a little Japanese",
        "I don't understand Japanese well",
        "Japanese is difficult for me",
        "Sorry, my Japanese is poor",
        "Can you write in easy Japanese?",
        "I can't read kanji",
        "I can read hiragana only",
    ],
)
def test_saying_japanese_is_hard_in_english_gets_an_answer_about_language(text: str) -> None:
    chat = started("Hello")
    chat.send(text)
    assert FALLBACK not in said(chat) and AFTER_URGENT not in said(chat)
    assert "English" in chat.texts[0] and "Talk to a person" in chat.texts[0]
    assert "Talk to a person" in chat.labels
    assert any(text in item["words"] for item in chat.data["intake"]["heard"]), "the CSW sees the language"


# ---------------------------------------------------------------- 3. after sending


def promised(chat: Chat) -> str:
    """The reply time the person was promised at the hand-off (the queue's due time)."""
    handoff = chat.data["handoff"]
    return format_jp(current_content().reply_due(datetime.fromisoformat(handoff["at"]), handoff["urgency"]))


@pytest.mark.parametrize(
    "text",
    [
        "いつ返事くる？",
        "返事はいつ来ますか",
        "いつ連絡もらえますか",
        "まだ返事こないの？",
        "どれくらいで返事もらえる？",
        "いつ頃お返事いただけますか",
        "返信いつ？",
        "担当の人からいつ連絡くるの",
        "何時ごろ返事くる?",
    ],
)
def test_asking_when_the_reply_comes_gets_the_promised_time(text: str) -> None:
    chat = already_sent("仕事をやめてから外に出られていません", "人と話したい")
    chat.wait(90)
    chat.send(text)
    assert promised(chat) in said(chat)
    assert OFFER_TO_ADD not in said(chat) and FALLBACK not in said(chat)
    assert "担当者にも伝える" not in chat.labels


def test_asking_when_after_an_urgent_hand_off_gets_the_short_promise() -> None:
    chat = already_sent("今日泊まるところがありません", "人と話したい")
    chat.send("いつ返事くる？")
    assert chat.data["handoff"]["urgency"] == "urgent"
    assert promised(chat) in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "つかれた。ねる",
        "もう寝ます",
        "今日はもう寝るね",
        "疲れたのでおやすみなさい",
        "ねむい。おやすみ",
        "そろそろ寝ます",
        "眠くなってきたので寝ます",
        "おやすみなさい",
        "眠いので、もう寝るね",
    ],
)
def test_going_to_sleep_after_sending_gets_a_kind_goodnight_that_the_message_is_kept(text: str) -> None:
    chat = already_sent("仕事をやめてから外に出られていません", "人と話したい")
    chat.send(text)
    assert said(chat) == catalog.text("followup.goodnight")
    assert "おやすみ" in said(chat) and "残" in said(chat)
    assert OFFER_TO_ADD not in said(chat)


def test_goodnight_before_anything_was_sent_does_not_speak_of_a_sent_message() -> None:
    chat = started()
    chat.send("つかれた。ねる")
    assert said(chat).startswith(catalog.text("talk.goodnight"))
    assert FALLBACK not in said(chat)


# ---------------------------------------------------------------- 4. common questions, answered


@pytest.mark.parametrize(
    "text",
    [
        "持ち家があるとダメって聞いたんですけど",
        "家を持ってると生活保護は無理ですか",
        "自分の家があっても生活保護うけられる？",
        "持ち家でも申請できますか",
        "家があると生活保護は受けられないんでしょうか",
        "マンションを持ってたら生活保護はだめ？",
        "持ち家に住んだまま保護を受けられますか",
        "生活保護を受けるには家を売らないといけないの？",
        "一戸建てに住んでいても生活保護って申し込める？",
    ],
)
def test_whether_owning_a_home_rules_out_public_assistance_is_answered(text: str) -> None:
    chat = started("生活保護ってどうやったら受けられますか")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert current_content().questions["ask.own_home"].answer in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "申請って本人じゃないとできない？",
        "家族が代わりに申請できますか",
        "母の代わりに申し込めますか",
        "本人が行けないときは誰が申請するの",
        "代理で申請ってできる？",
        "息子の分を親が申請してもいいですか",
        "本人が窓口に行けなくても申請できますか",
        "申請は家族でもいいの？",
        "申し込みは本人がしないとだめですか",
    ],
)
def test_who_can_apply_is_answered(text: str) -> None:
    chat = started("生活保護ってどうやったら受けられますか")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert current_content().questions["ask.apply_for_someone"].answer in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "住居確保給付金とどっちがいいの？",
        "生活保護と住居確保給付金、どっちがいい？",
        "住居確保給付金と生活保護の違いは？",
        "家賃の給付金と生活保護ってどう違うの",
        "生活保護と家賃の支援はどちらが向いてますか",
        "住居確保給付金か生活保護か迷ってます",
        "住宅確保給付金と生保の違い教えて",
        "生活保護にするか住居確保給付金にするか決められない",
        "生活保護と住居確保給付金、どっちを申し込めばいいですか",
    ],
)
def test_the_two_benefits_are_compared_in_one_short_answer(text: str) -> None:
    chat = started("生活保護ってどうやったら受けられますか")
    chat.send(text)
    answer = current_content().questions["ask.which_benefit"].answer
    assert answer in said(chat)
    assert "生活保護" in answer and "住居確保給付金" in answer
    assert current_content().service("housing_benefit").summary not in said(chat), "not the card alone"


def test_the_questions_carry_their_source() -> None:
    for question in current_content().questions.values():
        assert question.source and question.verified_at


@pytest.mark.parametrize(
    "text",
    [
        "ちょっと見てみただけです",
        "やっぱりいいです",
        "見てるだけです",
        "どんなものか見に来ただけ",
        "今日は見るだけにします",
        "やっぱりやめときます",
        "特に用はないです",
        "なんとなく登録しただけです",
        "のぞいてみただけ",
    ],
)
def test_just_looking_gets_a_kind_close(text: str) -> None:
    chat = started()
    chat.send(text)
    assert said(chat) == catalog.text("talk.just_looking")
    assert FALLBACK not in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "にほんご すこし わかります",
        "にほんご すこし だけ",
        "にほんご むずかしい です",
        "かんじ よめません",
        "やさしい にほんご で おねがいします",
        "にほんご あまり わからない",
        "ひらがな だけ よめます",
        "にほんご べんきょう ちゅう です",
        "にほんご が にがて です",
    ],
)
def test_a_little_japanese_gets_an_answer_in_easy_japanese(text: str) -> None:
    chat = started()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert catalog.text("talk.language") in said(chat)
    assert "担当者と話したい" in chat.labels


FAMILY_STORY = (
    "うちの弟のことなんやけど、もう5年くらい家から出てへんねん",
    "親はもう80超えとって、面倒見るんもしんどなってきてる",
)


@pytest.mark.parametrize(
    "text",
    [
        "わしも仕事あるし、ずっとは見とられへん",
        "私も仕事があるので、ずっとは見ていられません",
        "俺も働いてるから毎日は面倒見られない",
        "こっちも仕事があって付きっきりは無理です",
        "私だって自分の生活があるし",
        "介護と仕事で自分の時間がまったくない",
        "うちも共働きで、ずっとそばにはいられない",
        "わたしも疲れてしまって、面倒を見きれない",
        "自分も仕事があるから、ずっとは付き合えない",
    ],
)
def test_a_family_members_own_burden_is_acknowledged_as_theirs(text: str) -> None:
    chat = started(*FAMILY_STORY)
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert catalog.text("talk.own_burden") in said(chat)
    assert any(text in item["words"] for item in chat.data["intake"]["heard"]), "kept with the story"


@pytest.mark.parametrize(
    "text",
    [
        "ほなよろしく頼むわ",
        "じゃあよろしくお願いします",
        "あとはお任せします",
        "では、よろしくお願いいたします",
        "ほな頼んます",
        "そういうことなんで、よろしく",
        "よろしく頼みます",
        "そんな感じなんで、お願いします",
        "ほな、あとはよろしゅう",
    ],
)
def test_entrusting_after_a_family_story_starts_the_hand_off(text: str) -> None:
    chat = started(*FAMILY_STORY)
    chat.send(text)
    assert chat.state == "consent.review"
    assert PREVIEW_START in said(chat) and "この内容だけ送る" in chat.labels


def test_entrusting_before_any_story_is_not_a_hand_off() -> None:
    chat = started()
    chat.send("よろしく頼みます")
    assert chat.state != "consent.review"


@pytest.mark.parametrize(
    "text",
    [
        "夜中にすみません　眠れなくて",
        "眠れなくて、こんな時間に送ってしまいました",
        "夜遅くにごめんなさい。なかなか寝つけなくて",
        "眠れないので書いています",
        "こんな時間にすみません、寝られなくて",
        "今夜も眠れそうにないです",
        "夜中に目が覚めてしまって眠れない",
        "遅くにすみません。色々考えて眠れなくて",
        "夜分にすみません、どうしても眠れなくて",
    ],
)
def test_a_sleepless_night_gets_kind_words_not_the_office_hours(text: str) -> None:
    chat = started()
    chat.send(text)
    assert catalog.text("talk.sleepless") in said(chat)
    assert current_content().faq_answer("faq.hours") not in said(chat)
    assert FALLBACK not in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "警察を呼ぶと近所に知られるのが…",
        "警察沙汰になったらご近所にばれる",
        "パトカーが来たら近所の目が気になる",
        "警察に通報したら、近所で噂になりませんか",
        "110番したら周りに知られてしまう",
        "警察呼ぶと近所に何て言われるか",
        "近所の人に知られたくないから警察は呼びにくい",
        "警察が来るとマンション中に知られそうで",
        "警察を呼んだら近所の人にわかってしまいますよね",
    ],
)
def test_the_worry_about_police_and_neighbours_is_answered_and_kept(text: str) -> None:
    chat = started("今夜、息子が暴れています")
    chat.send(text)
    assert catalog.text("talk.police_neighbours") in said(chat)
    assert current_content().faq_answer("faq.confidentiality") not in said(chat)
    assert any(text in item["words"] for item in chat.data["intake"]["heard"]), "kept for the case"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("夜中にすみません　眠れなくて", "talk.sleepless"),
        ("にほんご すこし わかります", "talk.language"),
        ("ちょっと見てみただけです", "talk.just_looking"),
        ("警察を呼ぶと近所に知られるのが…", "talk.police_neighbours"),
    ],
)
def test_a_first_message_without_the_welcome_is_answered_the_same_way(text: str, answer: str) -> None:
    chat = Chat()
    chat.send(text)
    assert catalog.text("welcome").splitlines()[1] in chat.texts[0]
    assert catalog.text(answer) in said(chat)


# ---------------------------------------------------------------- 5. the same privacy question again


def test_the_privacy_question_asked_again_gets_a_short_answer_with_the_delete_button() -> None:
    chat = started("夫にLINEを見られるのが怖いです")
    assert catalog.text("privacy.answer") in said(chat)
    chat.send("スマホも毎晩チェックされます")
    chat.send("このやりとりって、あとで消せますか")
    assert catalog.text("privacy.answer") not in said(chat)
    assert said(chat) == catalog.text("privacy.again")
    assert "記録を消す" in chat.labels


@pytest.mark.parametrize(
    "text",
    [
        "このやりとりって、あとで消せますか",
        "履歴って消せるの？",
        "ここに書いたことは残りますか",
        "見られたら困るんですけど",
        "トークを消すことはできますか",
        "記録は残るんですか",
        "夫にバレないか心配です",
    ],
)
def test_every_later_privacy_question_is_short(text: str) -> None:
    chat = started("LINEを見られるのが怖い")
    chat.send(text)
    assert chat.texts[-1] == catalog.text("privacy.again")
    assert catalog.text("privacy.answer") not in said(chat)
    assert "記録を消す" in chat.labels


# ---------------------------------------------------------------- finding 6: questions not read before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明日、誰かに相談できますか", "consent.review"),
        ("だれか はなせますか", "consent.review"),
    ],
)
def test_asking_whether_someone_can_talk_reaches_a_person(text: str, expected: str) -> None:
    chat = started("仕事をやめてから外に出られていません")
    chat.send(text)
    assert chat.state == expected


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("ほうもんしてもらえますか", "faq.outreach"),
        ("本人たちからの相談じゃないけど大丈夫ですか？", "faq.family_alone"),
    ],
)
def test_visits_and_consulting_for_someone_else_are_answered(text: str, faq: str) -> None:
    chat = started("息子のことです")
    chat.send(text)
    assert current_content().faq_answer(faq) in said(chat)  # type: ignore[arg-type]


def test_english_typed_on_the_consent_screen_gets_told_which_button_sends() -> None:
    chat = started("I lost my job last month and I can't pay rent")
    chat.send("Can someone help me in English?")
    chat.send("I live in Nishikawa")
    assert chat.state == "consent.review"
    assert "Send this only" in chat.texts[0] and "Send this only" in chat.labels
