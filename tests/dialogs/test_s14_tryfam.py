"""Session 14, families at night (tryfam): what six family members met, and what they now get.

1. An Akita mother of a son withdrawn 20 years wrote 「私がいなくなったらこの子はどうなるのか、一緒に…と
   考えてしまう」 and was told it is heavy to think of the future: now it is the thought of dying together
   (the lines, rest for her first, the direct question), and her answer 「いや、死ぬとかそういうんで
   ねぐて…んだども時々思ってしまうんだす」 is a yes, not 受け取りました.
2. A sister-in-law writing in English, 「I'm scared he might hurt himself. He once said he doesn't see the
   point of living anymore.」, got 'free and confidential': now the relative's danger, in English first.
3. A wife in keigo: her husband's lost job and drinking (「夫が半年前に会社を解雇されまして…昼間からお酒を
   飲んでおります」) got the 119/110 block (the model alone); his anger at things (「物に当たる…壁に穴」) got
   words about being watched; her fear (「手をあげたことはまだございませんが、正直、怖いと感じております」)
   was thanked as a 'no'. Now: no crisis block, the reply speaks of things broken, and the fear is heard.
4. Her 「娘は小学3年生です。」 put 18歳未満 as her husband's age on the 受付票: a daughter's age is hers.
5. The Akita mother's 「息子さ知られねぇように相談できるべか」 got 受け取りました and no 配慮 on the
   受付票: now the confidentiality answer, and her words as the consideration.
6. A curt father typing in kana on his phone met the fallback five times: 「ひようかかる？」「やくしょなの」
   「どこいけばいいの」「平日むりしごと」「でんわはいや　ここでできる？」. Now each is answered.
7. A 民生委員 asking 「社協の方に一緒に訪問していただくことはできますか。…どう声をかけてよいか分かりません」
   was told about 社協's loans (the かり of 分かりません): now the visit.

Clock: a Saturday night (02:30), the office closed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

NIGHT = datetime(2026, 12, 5, 2, 30, tzinfo=TOKYO)

FALLBACK = "うまく受け取れなかった"
YORISOI = "0120-279-338"
QUESTION = "死にたいと思う気持ちがありますか"
TOGETHER = "一緒に消えてしまいたいと思うほど"
YES_ANSWERED = "正直に教えてくださって"
GENERIC = "受け取りました。"
MOTHER_BEFORE = (
    "夜分にすみません。おらの息子のことで相談してもいいべか",
    "息子は41になるども、もう20年も部屋さこもってで、ほとんど出てこねんだ",
    "おらも68になって、体もあんまりよぐねくて、くたびれてしまって",
)


def raised(chat: Chat, level: str) -> bool:
    assert chat.last is not None
    return any(type(e).__name__ == "RaiseUrgency" and e.level == level for e in chat.last.effects)


# ---------------------------------------------------------------- 1. dying together, left unsaid

TOGETHER_UNSAID = (
    "私がいなくなったらこの子はどうなるのか、一緒に…と考えてしまう",
    "わたしが いなくなったら この子は どうなるのか いっしょに…と かんがえてしまう",
    "私が死んだら息子はどうなるのかと思うと、いっそ一緒に、と考えてしまう夜があります",
    "おらがいねぐなったら、この子どうなるべ。一緒に…って思ってしまう",
)


@pytest.mark.parametrize("words", TOGETHER_UNSAID)
def test_a_parent_thinking_of_dying_together_gets_the_lines_and_the_direct_question(words: str) -> None:
    chat = started(*MOTHER_BEFORE, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert YORISOI in reply, reply
    assert TOGETHER in reply, reply  # rest for her first, not a label
    assert QUESTION in reply, reply
    assert raised(chat, "crisis"), chat.last


@pytest.mark.parametrize("words", TOGETHER_UNSAID[:2])
def test_dying_together_unsaid_as_a_first_message_is_crisis_too(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert YORISOI in said(chat), said(chat)


NOT_TOGETHER = (
    "私がいなくなったら息子はどうなるのかと心配です",
    "息子と一緒に住もうと思っています",
    "これからは息子と一緒に、少しずつ外に出ようと考えています",
    "母がいなくなったら一緒に…と誘われて困っています",
)


@pytest.mark.parametrize("words", NOT_TOGETHER)
def test_a_worry_for_after_or_living_together_is_not_crisis(words: str) -> None:
    chat = started(*MOTHER_BEFORE, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert QUESTION not in reply, reply
    assert not raised(chat, "crisis"), reply


SOMETIMES_YES = (
    "いや、死ぬとかそういうんでねぐて…んだども時々思ってしまうんだす",
    "死のうとまでは思いませんが、ふと考えてしまう時があります",
    "いえ、そういうわけではないんですけど、たまに思ってしまうことはあります",
)


@pytest.mark.parametrize("answer", SOMETIMES_YES)
def test_sometimes_after_a_denial_is_a_yes_to_the_question(answer: str) -> None:
    chat = started(*MOTHER_BEFORE, TOGETHER_UNSAID[0], now=NIGHT)
    chat.send(answer)
    reply = said(chat)
    assert YES_ANSWERED in reply, reply
    assert YORISOI in reply, reply
    assert not reply.startswith(GENERIC), reply


@pytest.mark.parametrize("answer", ("いいえ、そこまでではないです", "それはないです。ただ疲れてて"))
def test_a_plain_no_is_not_read_as_sometimes(answer: str) -> None:
    chat = started(*MOTHER_BEFORE, TOGETHER_UNSAID[0], now=NIGHT)
    chat.send(answer)
    assert YES_ANSWERED not in said(chat), said(chat)


def test_sometimes_without_the_question_asked_is_not_an_answer() -> None:
    chat = started(*MOTHER_BEFORE, now=NIGHT)
    chat.send("息子のことを時々思ってしまうんです")
    assert YES_ANSWERED not in said(chat), said(chat)


# ---------------------------------------------------------------- 2. English: a relative's danger

ENGLISH_BEFORE = (
    "Hi, sorry it's late. Can I write in English? My Japanese is not good enough for this.",
    "I'm worried about my husband's younger brother. He is 27 and hasn't left his room for almost two years.",
)
RELATIVE_IN_ENGLISH = (
    "I'm scared he might hurt himself. He once said he doesn't see the point of living anymore.",
    "my brother in law said he wants to die. what do i do",
    "She told me she doesn't want to live anymore. I'm so worried about my sister",
)


@pytest.mark.parametrize("words", RELATIVE_IN_ENGLISH)
def test_a_relatives_danger_told_in_english_gets_the_lines_for_the_family(words: str) -> None:
    chat = started(*ENGLISH_BEFORE, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert reply.startswith("(This is an automated reply.) Thank you for telling us"), reply
    assert "family members worried about someone" in reply, reply
    assert "ご家族" in reply, reply  # the relative's block, not 「あなたのことを心配しています」
    assert YORISOI in reply, reply
    assert "Tell a person" in chat.labels, chat.labels
    assert raised(chat, "crisis"), reply


def test_the_writers_own_danger_in_english_is_still_hers() -> None:
    chat = started(*ENGLISH_BEFORE, now=NIGHT)
    chat.send("Honestly I don't see the point of living myself anymore")
    reply = said(chat)
    assert "Your safety comes first" in reply, reply
    assert "family members worried about someone" not in reply, reply


@pytest.mark.parametrize(
    "words",
    ("He fell off his bike last year and hurt himself", "He watched a movie where a man wants to die"),
)
def test_an_accident_or_a_film_in_english_is_not_danger(words: str) -> None:
    chat = started(*ENGLISH_BEFORE, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert YORISOI not in reply, reply
    assert not raised(chat, "crisis"), reply


# ---------------------------------------------------------------- 3. a partner's temper, and her fear

WIFE = (
    "夜分遅くに失礼いたします。夫のことでご相談させていただきたく、ご連絡いたしました。",
    "夫が半年前に会社を解雇されまして、それ以来ほとんど家から出ず、昼間からお酒を飲んでおります。",
)


@pytest.mark.parametrize(
    "words",
    (
        WIFE[1],
        "主人がリストラされてから、毎日家でお酒ばかり飲んでいます",
        "だんなが　クビになって　ずっと家で酒のんでる",
    ),
)
def test_a_relatives_lost_job_and_drinking_is_not_the_crisis_block(words: str) -> None:
    chat = started(WIFE[0], now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "119" not in reply, reply
    assert not raised(chat, "crisis"), reply


def test_a_lost_job_with_a_wish_to_die_is_still_crisis() -> None:
    chat = started(WIFE[0], now=NIGHT)
    chat.send("夫が解雇されて、私ももう死にたいです")
    assert YORISOI in said(chat) and raised(chat, "crisis"), said(chat)


THINGS_BROKEN = (
    "夫は飲むと怒りっぽくなり、物に当たることがございます。先週は壁に穴を開けました。",
    "夫は酒が入ると物を投げたりします",
)


@pytest.mark.parametrize("words", THINGS_BROKEN)
def test_a_partners_anger_at_things_is_answered_as_that(words: str) -> None:
    chat = started(*WIFE, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "物に" in reply or "壁に" in reply, reply
    assert "見張られ" not in reply, reply
    assert "0120-279-889" in reply, reply  # DV相談＋


AFRAID_NOT_HIT = (
    "私や娘に手をあげたことはまだございませんが、正直、怖いと感じております。",
    "殴られたことはないです。でもこわいです",
    "てはあげられてない　けど　こわい",
)


@pytest.mark.parametrize("words", AFRAID_NOT_HIT)
def test_fear_of_a_partner_who_has_not_hit_is_heard_not_thanked_as_a_no(words: str) -> None:
    chat = started(*WIFE, THINGS_BROKEN[0], now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "そうではないと教えて" not in reply, reply
    assert "怖いと感じるのは大事なサイン" in reply, reply
    assert "0120-279-889" in reply, reply
    assert raised(chat, "urgent"), reply


def test_no_hitting_and_no_fear_is_not_this_reply() -> None:
    chat = started(*WIFE, THINGS_BROKEN[0], now=NIGHT)
    chat.send("手をあげたことはございません。普段は優しい人です")
    assert "大事なサイン" not in said(chat), said(chat)


def test_fear_without_a_partners_signs_told_is_not_this_reply() -> None:
    chat = started("息子のことで相談です", now=NIGHT)
    chat.send("殴られたことはないけど、こわい映画を見ると眠れません")
    assert "大事なサイン" not in said(chat), said(chat)


# ---------------------------------------------------------------- 4. another relative's age


@pytest.mark.parametrize(
    "words", ("娘は小学3年生です。", "むすめは 小学生です", "子供は中学生と小学生です。")
)
def test_a_daughters_age_is_not_the_husbands(words: str) -> None:
    chat = started(*WIFE, now=NIGHT)
    chat.send(words)
    assert "18歳未満" not in said(chat), said(chat)
    assert intake_answers(chat).get("age_band", {}).get("choice") != "under_18", intake_answers(chat)


def test_the_husbands_own_age_is_still_his() -> None:
    chat = started(*WIFE, now=NIGHT)
    chat.send("夫は42歳です。")
    assert intake_answers(chat)["age_band"]["choice"] == "40_64", intake_answers(chat)


def test_a_grandsons_age_from_his_grandmother_is_his() -> None:
    chat = started("こんばんは。孫のことで相談です。", now=NIGHT)
    chat.send("娘が離婚して、孫を私が引き取って育てています。孫は中学3年、15歳です。")
    assert intake_answers(chat)["age_band"]["choice"] == "under_18", intake_answers(chat)


# ---------------------------------------------------------------- 5. a consideration asked in dialect


@pytest.mark.parametrize(
    "words", ("息子さ知られねぇように相談できるべか", "息子に知られないように相談できますか")
)
def test_a_consideration_asked_in_tohoku_dialect_is_kept_and_answered(words: str) -> None:
    chat = started(*MOTHER_BEFORE[:2], now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "秘密" in reply, reply
    assert "下書きに書き加えています" not in reply, reply
    considerations = intake_answers(chat)["considerations"]
    assert "知られ" in str(considerations), considerations


def test_standard_words_with_a_lengthened_ne_are_left_as_typed() -> None:
    chat = started(*MOTHER_BEFORE[:2], now=NIGHT)
    chat.send("それねぇ、どうかな")
    assert "considerations" not in intake_answers(chat), intake_answers(chat)


# ---------------------------------------------------------------- 6. a curt father, in kana

FATHER_FIRST = "むすこ　ひきこもり　そうだんしたい"
CURT = (
    ("ひようかかる？", "無料"),
    ("費用かかる？", "無料"),
    ("やくしょなの", "自動で応答する"),
    ("役所なの？", "自動で応答する"),
    ("どこいけばいいの", "このLINEで続ける"),
    ("平日むりしごと", "平日の昼はお仕事で"),
    ("平日は仕事で行けない", "平日の昼はお仕事で"),
    ("でんわはいや　ここでできる？", "文字だけで相談できます"),
    ("電話は苦手。LINEでできる？", "文字だけで相談できます"),
)


@pytest.mark.parametrize(("words", "answer"), CURT)
def test_a_curt_fathers_questions_are_answered_not_the_fallback(words: str, answer: str) -> None:
    chat = started(FATHER_FIRST, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply and "わかりませんでした" not in reply, reply
    assert answer in reply, reply


def test_night_work_keeps_its_own_reply() -> None:
    chat = started(FATHER_FIRST, now=NIGHT)
    chat.send("夜勤だで昼は寝とるし役所いけせん")
    assert "夜にお仕事をして" in said(chat), said(chat)


@pytest.mark.parametrize(
    ("words", "not_said"),
    (
        ("役所に行くのが怖い", "自動で応答する"),
        ("仕事が見つからない", "平日の昼はお仕事で"),
        ("電話は苦手です", "文字だけで相談できます"),
        ("メールかFAXでも大丈夫ですか？お返事も電話じゃなくて文字でほしいです", "このLINEで、文字だけで"),
    ),
)
def test_nearby_words_are_not_these_answers(words: str, not_said: str) -> None:
    chat = started(FATHER_FIRST, now=NIGHT)
    chat.send(words)
    assert not_said not in said(chat), said(chat)


# ---------------------------------------------------------------- 7. a 民生委員 asks for a visit

MINSEI = "夜分に失礼します。私はこの地区で民生委員をしております者です。"


@pytest.mark.parametrize(
    "words",
    (
        "社協の方に一緒に訪問していただくことはできますか。私一人では息子さんにどう声をかけてよいか分かりません。",
        "社協さんに一緒に行ってもらえるか、わかりませんが訪問をお願いできますか",
    ),
)
def test_a_visit_asked_of_the_council_is_not_its_loans(words: str) -> None:
    chat = started(MINSEI, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "緊急小口資金" not in reply, reply
    assert "うかがう" in reply, reply


@pytest.mark.parametrize("words", ("しゃきょうで おかね かりられる？", "社協でお金借りれるって本当？"))
def test_borrowing_from_the_council_is_still_its_loans(words: str) -> None:
    chat = started(MINSEI, now=NIGHT)
    chat.send(words)
    assert "緊急小口資金" in said(chat), said(chat)
