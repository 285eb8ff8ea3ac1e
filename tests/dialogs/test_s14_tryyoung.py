"""Session 14, tryout "young": what six young, kana-only, slang and dialect writers met at 2 a.m., and what
they now get.

1. A woman in net slang (「ODしたい笑」「エスロンあるし」) who then wrote 「ちょっと飲んだ」 got
   「こころのことで困っている」: a cough-medicine brand or OD named after a wish to overdose, then
   「飲んだ」, is pills taken (119 first), and the brand named alone after the crisis reply is asked about
   (taken? how many?).
2. A 14-year-old caring for her depressed mother wrote 「お母さんが死んじゃったらどうしよう」 then
   「死にたいって言ってた」 and was answered as if she wanted to die herself (and the 受付票 said so): words
   about dying reported of someone (「って言ってた」) with no one named, soon after a relative was named,
   are that relative's; a child is answered in a child's words (not her fault, not hers alone to carry,
   119 if her mother is in danger) with the children's lines, and the sheet says the mother is at risk.
3. After a crisis reply, fear alone (「こわか」「こわい」) got 「下書きに残しました」, and 「110とか無理」 the
   same: fear soon after violence at home gets how to stay safe now (a locked room, outside, 110 if in danger)
   and a line; fear after other replies is heard, with a line open now; 「110とか無理」「警察とか無理」 is
   the police refused (a line that is not the police).
4. A 19-year-old in a manga café wrote in kana 「おやとはもうむり」 and was asked whether she wanted to die;
   「いえにはかえれない」 got the draft line, and 「おかね すこし だけ」 (easy Japanese) was not understood:
   「Xとはもう無理」 is a bond with someone, not the writer at the end; a home one cannot go back to is
   housing and family; money down to a little is money.
5. After the reply to his father throwing things, the boy wrote 「いま部屋」「かぎしめた」 and got the draft
   line twice: hiding in a room soon after violence at home is met (keep the lock and the phone, 110 if
   the door is forced), briefly the second time.

Clock: a Saturday night (02:00), the office closed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.crisis import crisis_answer, memory_of
from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 5, 2, 0, tzinfo=TOKYO)

FALLBACK = "うまく受け取れなかった"
DRAFT_ONLY = "下書きに残しました。自動の応答なので"


def situations(chat: Chat) -> list[str]:
    return list(chat.data.get("crisis", {}).get("situations", []))


# ---------------------------------------------------------------- 1. OD slang, then 「飲んだ」

OD_WISH = ("ODしたい笑", "odしたい", "オーバードーズしたい", "ＯＤしようかな")
BRANDS = ("エスロンあるし", "ブロンならある", "メジコンあるけど", "せきどめ いっぱいある")
SWALLOWED = ("ちょっと飲んだ", "さっきのんだ", "飲んじゃった笑", "もう飲んだ")


@pytest.mark.parametrize("wish", OD_WISH)
@pytest.mark.parametrize("swallowed", SWALLOWED)
def test_drinking_told_after_a_wish_to_overdose_is_pills_taken(wish: str, swallowed: str) -> None:
    chat = started("なんか今日もむり〜って感じ", wish, now=NIGHT)
    chat.send(swallowed)
    reply = said(chat)
    assert "119" in reply, reply
    assert situations(chat)[0] == "overdose", situations(chat)


@pytest.mark.parametrize("brand", BRANDS)
def test_drinking_told_after_a_brand_is_pills_taken_even_with_a_take_back_between(brand: str) -> None:
    chat = started(
        "ODしたい笑",
        brand,
        "まあいつものことなんで大丈夫っす",
        "べつに死にたいとかじゃないし",
        "ただ寝たいだけ",
        now=NIGHT,
    )
    chat.send("ちょっと飲んだ")
    reply = said(chat)
    assert "119" in reply, reply
    assert "こころのことで困っている" not in reply, reply


@pytest.mark.parametrize("brand", BRANDS)
def test_a_brand_named_after_the_crisis_reply_is_not_the_draft_line(brand: str) -> None:
    chat = started("ODしたい笑", now=NIGHT)
    chat.send(brand)
    reply = said(chat)
    assert DRAFT_ONLY not in reply and FALLBACK not in reply, reply
    assert "飲" in reply or "のん" in reply, reply  # asked whether they were taken, or told to keep them away


def test_drinking_after_a_wish_to_die_without_pills_is_not_an_overdose() -> None:
    chat = started("もう死にたい", now=NIGHT)
    chat.send("ちょっと飲んだ")
    assert situations(chat)[0] != "overdose", situations(chat)


def test_drinking_tea_without_any_crisis_is_not_an_overdose() -> None:
    chat = started("ねれない", "お茶ちょっと飲んだ", now=NIGHT)
    assert "119" not in said(chat), said(chat)


# ---------------------------------------------------------------- 2. a young carer: 「死にたいって言ってた」

MOTHER_NAMED = (
    "お母さんが死んじゃったらどうしよう",
    "おかあさんがずっとねてる",
    "ママがうつ病で寝てる",
    "母がずっと起きてこない",
)
REPORTED = ("死にたいって言ってた", "しにたいっていってた", "消えたいって言ってる", "死にたいとか言ってて")


@pytest.mark.parametrize("named", MOTHER_NAMED)
@pytest.mark.parametrize("reported", REPORTED)
def test_dying_reported_after_a_mother_is_named_is_the_mothers(named: str, reported: str) -> None:
    chat = started(named, now=NIGHT)
    chat.send(reported)
    reply = said(chat)
    assert situations(chat)[0] == "relative_suicidal", (situations(chat), reply)
    assert "あなたのことを心配しています" not in reply and "死にたいと思う気持ちがある" not in reply, reply


def test_a_child_carer_is_answered_in_a_childs_words_with_the_childrens_lines() -> None:
    chat = started("お母さんがずっと寝てる", "うつ病なんだって", "ご飯とか私が作ってる", "14歳", now=NIGHT)
    chat.send("お母さんが死んじゃったらどうしよう")
    chat.send("死にたいって言ってた")
    reply = said(chat)
    assert "あなたのせいではありません" in reply, reply
    assert "0120-0-78310" in reply, reply  # 24時間子供SOSダイヤル
    assert "119" in reply, reply
    assert "ご家族には、責めたり励ましたりせずに" not in reply, reply  # the grown-up's advice
    assert "ご家族からの相談も受けています" not in reply, reply


def test_the_sheet_says_the_mother_is_at_risk_not_the_writer() -> None:
    chat = started("お母さんが死んじゃったらどうしよう", "死にたいって言ってた", now=NIGHT)
    reasons = chat.data["urgency"]["reasons"]
    assert any("家族" in reason and "死" in reason for reason in reasons), reasons
    assert not any(reason.startswith("死にたい気持ち・自殺のおそれ") for reason in reasons), reasons


def test_a_grown_up_told_of_a_mothers_words_keeps_the_family_reply() -> None:
    chat = started("母が最近ずっと寝込んでいて", now=NIGHT)
    chat.send("死にたいって言ってたんです")
    reply = said(chat)
    assert situations(chat)[0] == "relative_suicidal", situations(chat)
    assert "お母さん" in reply, reply


# negatives: the writer's own wish, or no one named before

OWN_WISH_AFTER_MOTHER = ("私も死にたいって言ってた", "死にたい", "もう死にたい。お母さんにも言えない")


@pytest.mark.parametrize("own", OWN_WISH_AFTER_MOTHER)
def test_the_writers_own_wish_after_a_mother_is_named_stays_hers(own: str) -> None:
    chat = started("お母さんが死んじゃったらどうしよう", now=NIGHT)
    chat.send(own)
    assert situations(chat)[0] != "relative_suicidal", (situations(chat), said(chat))


def test_reported_words_with_no_one_named_before_are_not_a_relatives() -> None:
    chat = started("ねれない", now=NIGHT)
    chat.send("死にたいって言ってた")
    assert situations(chat)[0] != "relative_suicidal", situations(chat)


def test_a_relative_named_long_ago_is_not_carried_to_reported_words() -> None:
    chat = started("お母さんがずっと寝てる", now=NIGHT)
    chat.wait(60 * 24)
    chat.send("死にたいって言ってた")
    assert situations(chat)[0] != "relative_suicidal", situations(chat)


# ---------------------------------------------------------------- 3. fear and the police refused

HAKATA_FATHER = ("おやじが", "また飲んどる", "物なげよる")
FEAR = ("こわか", "こわい", "怖い…", "こわいよ", "こわすぎ", "ふるえとる")


def test_the_hakata_boys_father_throwing_things_is_read_as_danger() -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    assert chat.data.get("urgency", {}).get("level") == "crisis", said(chat)


@pytest.mark.parametrize("fear", FEAR)
def test_fear_soon_after_violence_at_home_gets_how_to_stay_safe_now(fear: str) -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    chat.send(fear)
    reply = said(chat)
    assert DRAFT_ONLY not in reply and FALLBACK not in reply, reply
    assert "110" in reply, reply
    assert "鍵" in reply or "かぎ" in reply, reply


@pytest.mark.parametrize("fear", ("こわい", "こわか", "怖くて"))
def test_fear_after_a_relatives_words_about_dying_is_heard_with_a_line(fear: str) -> None:
    chat = started("お母さんが死んじゃったらどうしよう", "死にたいって言ってた", now=NIGHT)
    chat.send(fear)
    reply = said(chat)
    assert DRAFT_ONLY not in reply and FALLBACK not in reply, reply
    assert "死にたいと思う気持ちがある" not in reply, reply  # her mother's words, not hers
    assert "0120-" in reply or "https://" in reply, reply


def test_fear_with_no_crisis_reply_before_is_not_this_reply() -> None:
    chat = started("ねれない", now=NIGHT)
    chat.send("こわい")
    assert "鍵のかかる部屋" not in said(chat), said(chat)


@pytest.mark.parametrize("words", ("虫がでた。こわい", "電話は声きこえるから無理", "こえでない"))
def test_fear_of_something_named_or_a_voice_is_not_fear_alone(words: str) -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    chat.send(words)
    assert "鍵のかかる部屋" not in said(chat), said(chat)


def test_fear_of_a_film_after_a_crisis_reply_is_not_fear_of_home() -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    chat.send("ホラー映画の話だけど、こわい映画が好き")
    assert "鍵のかかる部屋" not in said(chat), said(chat)


POLICE_REFUSED = ("110とか無理", "警察とか無理", "けーさつなんてむり", "110って むり")


@pytest.mark.parametrize("refused", POLICE_REFUSED)
def test_the_police_refused_after_violence_at_home_gets_a_line_that_is_not_the_police(refused: str) -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    chat.send(refused)
    reply = said(chat)
    assert DRAFT_ONLY not in reply and FALLBACK not in reply, reply
    assert "警察でなくても" in reply or "けいさつ ではない" in reply, reply


def test_110_named_without_refusing_is_not_refusal() -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    chat.send("110にかけた")
    assert "警察でなくても" not in said(chat), said(chat)


def test_the_fast_path_reads_the_mothers_words_as_hers_too() -> None:
    """The webhook's fast path answers before the turn: it too reads 「死にたいって言ってた」 as the mother's,
    from what the last turn left in the conversation's crisis memory."""
    chat = started("14歳", "お母さんが死んじゃったらどうしよう", now=NIGHT)
    answer = crisis_answer("死にたいって言ってた", chat.now, memory_of(chat.data))
    assert answer is not None
    reply = "\n".join(message.text for message in answer[0])
    assert "お母さんが「死にたい」と言うのを聞くのは" in reply, reply
    assert "0120-0-78310" in reply, reply
    alone = crisis_answer("死にたいって言ってた", chat.now, None)
    assert alone is not None and "お母さん" not in alone[0][0].text  # nothing known: the writer's own


# ---------------------------------------------------------------- 4. kana and easy Japanese: what they mean


@pytest.mark.parametrize("words", ("おやとはもうむり", "親とはもう無理", "彼氏とはもうダメ"))
def test_a_bond_said_to_be_over_is_not_asked_about_dying(words: str) -> None:
    chat = started("いまねっとかふぇにいる", now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "死にたいと思う" not in reply and "死にたいと思うほど" not in reply, reply
    assert "限界に近い" not in reply, reply


@pytest.mark.parametrize("words", ("もうむり", "もう無理。疲れた"))
def test_at_the_end_alone_is_still_asked_about_gently(words: str) -> None:
    chat = started("ねれない", now=NIGHT)
    chat.send(words)
    assert "そういう気持ちはありますか" in said(chat) or "死にたい" in said(chat), said(chat)


@pytest.mark.parametrize("words", ("いえにはかえれない", "家にはもう帰れない", "じっかにはもどれない"))
def test_a_home_one_cannot_go_back_to_is_housing(words: str) -> None:
    chat = started("19さい", now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert DRAFT_ONLY not in reply and FALLBACK not in reply, reply
    assert "housing" in chat.data["intake"]["answers"].get("concerns", {}).get("choices", []), chat.data[
        "intake"
    ]["answers"]


def test_a_late_train_home_is_not_housing() -> None:
    chat = started("終電で家に帰れない", now=NIGHT)
    assert "housing" not in chat.data.get("intake", {}).get("answers", {}).get("concerns", {}).get(
        "choices", []
    ), said(chat)


@pytest.mark.parametrize("words", ("おかね すこし だけ", "お金少ししかない", "おかね ちょっと だけ"))
def test_money_down_to_a_little_in_easy_japanese_is_money(words: str) -> None:
    chat = started("しごと なくなりました", now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply and "よく わかりませんでした" not in reply, reply


# ---------------------------------------------------------------- 5. hiding in a room after violence at home

HIDING = ("いま部屋", "かぎしめた", "鍵かけた", "へやににげた", "へやにおる")


@pytest.mark.parametrize("hiding", HIDING)
def test_hiding_in_a_room_after_violence_at_home_is_met(hiding: str) -> None:
    chat = started(*HAKATA_FATHER, now=NIGHT)
    chat.send(hiding)
    reply = said(chat)
    assert DRAFT_ONLY not in reply and FALLBACK not in reply, reply
    assert "110" in reply and ("スマホ" in reply), reply


def test_hiding_told_twice_is_brief_the_second_time() -> None:
    chat = started(*HAKATA_FATHER, "いま部屋", now=NIGHT)
    first = said(chat)
    chat.send("かぎしめた")
    assert len(said(chat)) < len(first), said(chat)
    assert "110" in said(chat), said(chat)


def test_in_my_room_with_no_violence_told_is_not_this_reply() -> None:
    chat = started("ねれない", now=NIGHT)
    chat.send("いま部屋")
    assert "身を守って" not in said(chat), said(chat)


def test_in_my_room_after_a_wish_to_die_is_not_this_reply() -> None:
    chat = started("もう死にたい", now=NIGHT)
    chat.send("いま部屋")
    assert "身を守って" not in said(chat), said(chat)
