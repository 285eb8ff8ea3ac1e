"""Try-out 7, report C, A12, B4 and B11: consent, commands and "what was sent", typed in words.

Each test types the people's own words from the report in the same order, with two or three
variants of our own (dialect, hiragana, English, typos).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import AddToCase, ConsentScope, DeleteUserData, HandOff
from tests.dialogs.chat import TOKYO, Chat, already_sent, said, started

NIGHT = datetime(2026, 12, 1, 2, 0, tzinfo=TOKYO)
WIDE = ConsentScope.SUMMARY_AND_CONVERSATION


def handoffs(chat: Chat) -> list[HandOff]:
    return [effect for effect in chat.effects if isinstance(effect, HandOff)]


def at_consent(now: datetime = NIGHT) -> Chat:
    """A son's story, then the consent screen."""
    chat = started("息子が10年ひきこもっていて、どうしたらいいかわかりません", "担当者と話したい", now=now)
    assert chat.state == "consent.review"
    return chat


def words_kept(chat: Chat) -> list[str]:
    return [str(item.get("words")) for item in chat.data.get("intake", {}).get("heard", [])]


# ---------------------------------------------------------------- typed consent at the consent step


@pytest.mark.parametrize(
    "typed",
    [
        "はい、やりとりも一緒に送ってください",
        "送る。やりとりも",
        "ぜんぶ おくって いい",
        "やりとりも含めて送ってください",
        "Yes send with our chat",
        "やりとりも ふくめて おくる",
        # our own variants
        "会話もまとめて送っといて",
        "全部送ってええよ",
        "please send everything, the chat too",
    ],
)
def test_a_typed_yes_that_names_the_conversation_sends_it_too(typed: str) -> None:
    chat = at_consent()
    chat.send(typed)
    assert [h.consent_scope for h in handoffs(chat)] == [WIDE]
    assert chat.data["handoff"]["scope"] == WIDE
    assert typed not in words_kept(chat)
    assert "書き加えました" not in said(chat)


@pytest.mark.parametrize(
    "typed",
    [
        "おう、それで送ってくれ",
        "だから送るって言ってんじゃん",
        "もういいので送ってください",
        "送れ",
        # our own variants
        "それで送っといてや",
        "おくってください",
        "じゃあ送信で",
    ],
)
def test_a_typed_yes_sends_the_summary(typed: str) -> None:
    chat = at_consent()
    chat.send(typed)
    assert [h.consent_scope for h in handoffs(chat)] == [ConsentScope.SUMMARY]
    assert typed not in str(handoffs(chat)[0].summary)
    assert "書き加えました" not in said(chat)


@pytest.mark.parametrize(
    "typed",
    [
        "…やっぱり今はやめときます。送らないで",
        # our own variants
        "やっぱ送らんといて",
        "まだ おくらないで",
        "don't send it yet",
    ],
)
def test_a_typed_refusal_sends_nothing_and_is_not_added(typed: str) -> None:
    chat = at_consent()
    chat.send(typed)
    assert handoffs(chat) == []
    assert typed not in words_kept(chat)
    assert chat.state == "menu.main"
    assert "送っていません" in said(chat) or "Nothing has been sent" in said(chat)


@pytest.mark.parametrize(
    "typed", ["息子には毎月仕送りを送っています", "息子に送るお金がもうない", "送る前に内容を直したいです"]
)
def test_words_about_sending_something_else_are_not_a_yes(typed: str) -> None:
    chat = at_consent()
    chat.send(typed)
    assert handoffs(chat) == []
    assert chat.state != "menu.main"


def test_words_about_sending_something_else_on_the_menu_are_not_a_wish_to_send() -> None:
    chat = at_consent()
    chat.tap("今は送らない")
    chat.send("息子に送るお金がもうない")
    assert chat.state != "consent.review"


TYPED_IN_A_CRISIS = [
    pytest.param(
        (
            "さっき眠剤ぜんぶいった笑　ふわふわする",
            "いや死にたいとかじゃなくて寝たかっただけ。20錠くらい？",
            "ねむい。救急とか大げさすぎw 親にバレたくないし",
            "てかまだ起きてた。手がしびれてる",
            "よばない。寝たら治る",
            "人と話したい。文字で",
        ),
        "送る。やりとりも",
        "お送りしました",
        id="pills_after_the_body_warning",
    ),
    pytest.param(
        (
            "きょうも おとうさんに たたかれた",
            "けいさつは むり。もっと おこられる",
            "まだ おきてる。へやに かぎ ない",
            "こわい。だれか たすけて",
            "たんとうしゃに つたえたい",
        ),
        "ぜんぶ おくって いい",
        "おくりました",  # told in her words that it was sent
        id="kou16_in_hiragana",
    ),
]


@pytest.mark.parametrize(("before", "typed", "sent_told"), TYPED_IN_A_CRISIS)
def test_consent_typed_in_a_crisis_sends_with_the_conversation(
    before: tuple[str, ...], typed: str, sent_told: str
) -> None:
    chat = started(*before, now=NIGHT)
    assert chat.state == "consent.review"
    chat.send(typed)
    assert [h.consent_scope for h in handoffs(chat)] == [WIDE]
    assert sent_told in chat.texts[0]
    assert "書き加えました" not in said(chat)
    assert typed not in words_kept(chat)


@pytest.mark.parametrize("typed", ["続ける", "つづける", "続けます"])
def test_continue_typed_in_the_quit_menu_continues(typed: str) -> None:
    chat = started("相談の準備をする")
    chat.send("自分")
    chat.send("やめる")
    assert chat.state == "menu.confirm_stop"
    chat.send(typed)
    assert chat.state.startswith("intake.")
    assert "うまく受け取れなかった" not in said(chat)


@pytest.mark.parametrize("typed", ["消す", "けす", "消します"])
def test_delete_typed_at_the_confirmation_deletes(typed: str) -> None:
    chat = started("記録を消す")
    assert chat.state == "menu.confirm_delete"
    chat.send(typed)
    assert any(isinstance(effect, DeleteUserData) for effect in chat.effects)


@pytest.mark.parametrize("typed", ["おわり", "終わり", "以上です"])
def test_done_typed_in_a_multi_choice_question_moves_on(typed: str) -> None:
    chat = started("相談の準備をする")
    chat.send("自分")
    chat.send("18〜39歳")
    chat.send("1〜3年")
    assert chat.state == "intake.ask_concerns"
    chat.tap("お金")
    chat.send(typed)
    assert chat.state not in ("intake.ask_concerns", "menu.confirm_stop")


@pytest.mark.parametrize(
    "typed",
    [
        "わかりました、窓口に電話してみます。ありがとう。記録は消しといてください",
        "ありがとうございました。ここでのやりとりは全部消してほしいです",
        "ほな電話してみるわ。記録は消しといてな",
    ],
)
def test_a_thank_you_that_asks_to_delete_the_record_asks_to_confirm(typed: str) -> None:
    chat = started("住居確保給付金について教えて")
    chat.send(typed)
    assert chat.state == "menu.confirm_delete"
    chat.send("消す")
    assert any(isinstance(effect, DeleteUserData) for effect in chat.effects)


# ---------------------------------------------------------------- after sending: what was sent


def mind_sent() -> Chat:
    """The man of 35 from the report: his story, then the consent screen, then sent."""
    return already_sent(
        "無職で、親の年金で暮らしてます。35です。ずっと家にいて、誰とも話してない", "担当者と話したい"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "送った内容、もう一回見せてもらえますか",
        "さっき送った内容を確認したいです",
        "さっき送ったのって何が送られたの？",
        # our own variants
        "なに送ったか見たい",
        "送ったやつ確認させて",
    ],
)
def test_asking_what_was_sent_shows_it(typed: str) -> None:
    chat = mind_sent()
    chat.send(typed)
    assert "伝えますか" not in said(chat)
    assert "誰とも話してない" in said(chat)
    assert "お送りしています" in said(chat)
    assert not [effect for effect in chat.effects if isinstance(effect, AddToCase)]


@pytest.mark.parametrize(
    "typed", ["おくった？ だれが よむの？", "ちゃんと送れた？誰が読むの？", "Was it sent? Who reads it?"]
)
def test_asking_whether_it_was_sent_says_yes_who_reads_and_when(typed: str) -> None:
    chat = mind_sent()
    chat.send(typed)
    assert "伝えますか" not in said(chat)
    assert "相談員" in said(chat)
    assert "11月24日" in said(chat)
    if typed.startswith("おくった"):
        assert "はい、あなた の そうだん は おくりました" in chat.texts[0]
    if typed.startswith("Was"):
        assert "Yes, your consultation was sent" in chat.texts[0]


@pytest.mark.parametrize(
    "typed", ["うーん、やっぱりそのままにしておいてください", "そのままでええです", "取り下げなくていいです"]
)
def test_keeping_the_case_after_the_withdraw_offer_keeps_it(typed: str) -> None:
    chat = mind_sent()
    chat.send("送ったやつ、取り消せますか")
    assert "取り下げ" in said(chat)
    chat.send(typed)
    assert "伝えますか" not in said(chat)
    assert "送ったまま" in said(chat) or "そのまま" in said(chat)
    assert chat.data.get("handoff")


def test_no_offer_to_pass_it_on_to_a_person_after_sending() -> None:
    chat = already_sent(
        "もう消えたいって毎日思う",
        "担当者と話したい",
        now=NIGHT,
        share="やりとりも含めて送る",
    )
    chat.send("やっぱ無理かも。今日で終わりにしたい")
    assert "人の担当者に伝えることもできます" not in said(chat)
    assert "相談の準備をする" not in said(chat)
    chat.send("おくった？ だれが よむの？")
    assert "相談の準備をする" not in said(chat)


# ---------------------------------------------------------------- coming back


@pytest.mark.parametrize(
    "typed", ["さっきの、やっぱり送りたいです", "やっぱ送るわ", "さっきの やっぱり おくりたい"]
)
def test_after_declining_wanting_to_send_brings_the_consent_step_back(typed: str) -> None:
    chat = at_consent()
    chat.tap("今は送らない")
    chat.send(typed)
    assert chat.state == "consent.review"
    assert "うまく受け取れなかった" not in said(chat)
    assert typed not in words_kept(chat)


@pytest.mark.parametrize(
    "typed",
    ["おはようございます。昨日の続きをお願いします", "昨日の続きからやりたいです", "つづき おねがいします"],
)
def test_the_next_morning_the_paused_form_resumes(typed: str) -> None:
    chat = started("相談の準備をする", now=datetime(2026, 12, 1, 1, 30, tzinfo=TOKYO))
    chat.send("家族のこと")
    chat.send("すみません、やっぱり今日はもう寝ます")
    assert "相談の続きをする" in chat.labels
    chat.wait(60 * 7)
    chat.send(typed)
    assert chat.state.startswith("intake.")
    assert "こんばんは" not in said(chat)


@pytest.mark.parametrize(
    "typed",
    [
        "担当の人に、今日のこと伝えてほしい。でも親には絶対言わないで",
        "相談員さんに今日のこと伝えといて。親には内緒で",
    ],
)
def test_asking_to_pass_it_on_with_nothing_sent_goes_to_sending(typed: str) -> None:
    chat = started("ベランダ出て下見てた。ここ8階", now=NIGHT)
    chat.send(typed)
    assert chat.state == "consent.review"
    assert "親" in str(chat.data["intake"]["answers"].get("considerations"))


@pytest.mark.parametrize("typed", ["相談ってお金かかりますか", "住居確保給付金について教えて"])
def test_an_answer_after_sending_does_not_offer_to_prepare_one(typed: str) -> None:
    chat = mind_sent()
    chat.send(typed)
    assert "「相談の準備をする」から" not in said(chat)
    assert "届いています" in said(chat)
