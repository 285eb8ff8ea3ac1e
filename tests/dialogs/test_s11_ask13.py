"""Session 11, ask13: try-out 13's questions asked in the middle of a story, and the openers that fell back.

A proud man hedging (「別に困っとるわけじゃないんやけど」「人に頼るのは性に合わんのよ」) and a woman
opening with 「すみません」 got the fallback and the whole menu; a man in debt to a loan shark (闇金) got
four fallbacks in a row and no word that the police would not blame him; a mother asking whether someone
would come to the house, a sister far away, a student asking about the scholarship and a doctor, a man
asking for a food bank and a 民生委員 without the family's consent were not answered. Each test types the
tester's words, with variants of our own (kana, dialect, shorter and longer).
"""

from __future__ import annotations

import pytest

from dialogs.content import current_content
from tests.dialogs.chat import Chat, intake_answers, said, started

FALLBACK = "うまく受け取れなかったかもしれません"
CANNOT_ANSWER = "うまくお答えできないことがあります"
DELETE_BUTTON = "記録を消す"
SEND_SCREEN = "この内容を送ってもよいですか"


def _not_fallen_back(chat: Chat) -> str:
    reply = said(chat)
    assert FALLBACK not in reply and CANNOT_ANSWER not in reply, reply
    assert DELETE_BUTTON not in chat.labels, chat.labels
    return reply


def _heard(chat: Chat) -> str:
    """The person's words kept for the person in charge."""
    return " ".join(item["words"] for item in chat.data["intake"].get("heard", []))


# ---------------------------------------------------------------- 1. openers and hedges

OPENERS = (
    "すみません",
    "すみません、ちょっと聞きたいっちゃけど",
    "すいません、ちょっとお聞きしたいんですが",
    "あの、ちょっと聞きたいことがあるんやけど",
)
HEDGES = (
    "別に困っとるわけじゃないんやけど",
    "人に頼るのは性に合わんのよ",
    "べつに困ってるわけじゃないんだけど",
    "人に頼るのは苦手なんです",
    "ひとを頼るんは性に合わん",
)


@pytest.mark.parametrize("words", OPENERS)
def test_an_opener_is_invited_to_go_on(words: str) -> None:
    chat = started(words)
    assert "どうぞ" in _not_fallen_back(chat)


@pytest.mark.parametrize("words", HEDGES)
def test_a_hedge_is_met_without_the_menu(words: str) -> None:
    chat = started("会社が倒産して3か月。50過ぎると仕事ないね", words)
    assert "大丈夫" in _not_fallen_back(chat)
    chat = started(words)  # as the first words too
    assert "大丈夫" in _not_fallen_back(chat)


@pytest.mark.parametrize("words", ["暴力とかはないです", "暴れたりはしないです", "暴力はありません"])
def test_no_violence_told_by_a_mother_is_acknowledged_and_kept(words: str) -> None:
    chat = started("母です。息子が部屋から出てきません", words)
    _not_fallen_back(chat)
    assert "violence" not in intake_answers(chat)["concerns"]["choices"]
    assert words in _heard(chat)


@pytest.mark.parametrize(
    "words", ["別にひきこもりとかじゃなかよ", "ひきこもりじゃなかけん", "別にひきこもりとかじゃねえよ"]
)
def test_a_denied_withdrawal_in_dialect_is_not_put_on_the_sheet(words: str) -> None:
    chat = started("給料日まで10日ある。派遣で週3しか入れんくて", words)
    _not_fallen_back(chat)
    assert "withdrawal" not in intake_answers(chat)["concerns"]["choices"]


# ---------------------------------------------------------------- 2. a loan shark (闇金)

LOAN_SHARK = ("ヤミ金から借りてしまって", "闇金に手を出してしまいました", "やみきんから借りた")
THREATS = ("毎日電話くる　職場にも電話するって言われた", "家族にバラすぞって", "利息が10日で3割とか")
POLICE = ("警察いったら逆に怒られますか", "警察に言ったら自分も捕まる？", "けいさつに相談したら怒られるかな")


def _loan_shark_answer(reply: str) -> None:
    assert "警察" in reply and "#9110" in reply and "法テラス" in reply, reply
    assert "責められ" in reply


@pytest.mark.parametrize("words", LOAN_SHARK)
def test_a_loan_shark_named_is_answered_with_police_and_legal_help(words: str) -> None:
    chat = started(words)
    _loan_shark_answer(said(chat))
    assert "debt" in intake_answers(chat)["concerns"]["choices"]


def test_the_threats_after_it_are_heard_and_the_police_question_answered() -> None:
    chat = started(LOAN_SHARK[0])
    for threat in THREATS:
        chat.send(threat)
        _not_fallen_back(chat)
    chat.send(POLICE[0])
    _loan_shark_answer(_not_fallen_back(chat))
    # the threats reach the person in charge
    assert "職場にも電話する" in _heard(chat) and "バラすぞ" in _heard(chat)


@pytest.mark.parametrize("question", POLICE)
def test_the_police_question_after_a_loan_shark_is_answered(question: str) -> None:
    chat = started("闇金で借りてます", question)
    _loan_shark_answer(_not_fallen_back(chat))


def test_a_lender_charging_by_the_ten_days_is_read_as_a_loan_shark() -> None:
    chat = started("トイチの金貸しに借りてしまった")
    _loan_shark_answer(said(chat))


@pytest.mark.parametrize("words", ["毎日取り立ての電話がくる。職場にも電話するって", "とりたてがきつい"])
def test_collection_alone_is_read_as_debt(words: str) -> None:
    chat = started(words)
    _not_fallen_back(chat)
    assert "debt" in intake_answers(chat)["concerns"]["choices"]


# ---------------------------------------------------------------- 3, 4. questions in the middle of a story

HOKENJO, KURASHI = current_content().window("hokenjo"), current_content().window("kurashi")
MOTHER, SISTER, STUDENT = (
    "母です。息子が部屋から出てきません",
    "兄のことで相談です。実家にいます",
    "大学2年です。学校に行けてない",
)
MID_STORY: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
    (  # he fears being pushed to 生活保護: he decides, and other help is named; no 【生活保護】 card
        ("会社が倒産して3か月。50過ぎると仕事ないね",),
        (
            "役所いくと生活保護とか言われそうでいやなんよ",
            "役所に行ったら生活保護をすすめられそうで嫌なんです",
            "生活保護とか言われたくないんよ",
        ),
        ("住居確保給付金", "決め"),
        ("【生活保護】",),
    ),
    (
        ("ヤミ金から借りてしまって",),
        ("お金ないから相談もできない", "お金がないので相談なんてできません", "金ないけん相談とか無理やし"),
        ("無料",),
        (),
    ),
    (
        (MOTHER,),
        (
            "相談したら家に誰か来るんですか？それは息子がいやがると思う",
            "家に人が来たりしますか",
            "うちにだれか来るの？",
        ),
        ("無理に会うことはありません",),
        (),
    ),
    (
        (SISTER,),
        ("私が行かないとダメですか？", "わたしが行かなきゃいけないの？", "私が窓口に行かないといけませんか"),
        ("このLINE", "電話", "行かなくても"),
        (),
    ),
    (
        (STUDENT,),
        (
            "奨学金ってやめたらすぐ返さないといけないんですか",
            "大学やめたら奨学金って一括で返すの？",
            "しょうがくきんって退学したらどうなりますか",
        ),
        ("奨学金", "学生相談室"),
        ("住まい",),
    ),
    (
        (STUDENT, "夜も眠れなくて"),
        ("病院とか行った方がいいのかな", "病院に行ったほうがいいですか", "心療内科とか行くべきかな"),
        (HOKENJO.name, HOKENJO.phone),
        (),
    ),
    (
        ("ガス止められた。もう3日お風呂入っとらん",),
        ("フードバンクとかこの市にあると？", "フードバンクってありますか", "食料の支援とかありますか"),
        ("食料", KURASHI.phone),
        (),
    ),
    (  # a 民生委員 without the family's consent: she may consult; not routed to 地域包括
        ("民生委員をしています。近所の80代のご夫婦と50代の息子さんのことで",),
        (
            "ご本人たちの同意はまだとっていません。こういう場合どうしたらいいですか",
            "ご本人の同意はまだありません。どうしたらいいでしょうか",
        ),
        ("同意がまだなくても",),
        ("地域包括支援センター",),
    ),
]


@pytest.mark.parametrize(
    ("story", "words", "answer", "not_said"),
    [(story, words, answer, not_said) for story, typed, answer, not_said in MID_STORY for words in typed],
)
def test_a_question_in_the_middle_of_a_story_is_answered(
    story: tuple[str, ...], words: str, answer: tuple[str, ...], not_said: tuple[str, ...]
) -> None:
    chat = started(*story, words)
    reply = _not_fallen_back(chat)
    assert all(part in reply for part in answer), reply
    assert not any(part in reply for part in not_said), reply
    assert "housing" not in intake_answers(chat).get("concerns", {}).get("choices", ())  # 奨学金 is no 住まい


# ---------------------------------------------------------------- 5. wanting to consult after all


@pytest.mark.parametrize("words", ["やっぱり相談したいです", "やっぱり相談したい", "やっぱし相談します"])
def test_wanting_to_consult_after_all_opens_the_send_screen(words: str) -> None:
    chat = started("大学2年です。学校に行けてない", words)
    assert SEND_SCREEN in said(chat) and FALLBACK not in said(chat)


@pytest.mark.parametrize("words", ["まあ、話だけなら聞いてもいい", "まず自分だけ話を聞いてもらいたい"])
def test_wanting_to_be_listened_to_hears_what_happens_before_the_send_screen(words: str) -> None:
    chat = started("母です。息子が部屋から出てきません", words)
    first = chat.texts[0]
    assert "相談員" in first and "お返事" in first and SEND_SCREEN not in first, first
    assert SEND_SCREEN in said(chat)
