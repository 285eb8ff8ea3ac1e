"""Session 12, try-out 15 (S1/S2): false alarms and a wrong 受付票.

A mother (60s, 敬語) whose son of 35 punches holes in walls was listed as one who is violent; her thanks
were quoted as 自殺のおそれ; her 「私どもに手をあげたことはございません」 was not kept. A worry about the
parents dying first, a young carer, 「お金 すこししかない」 each got the suicide block. Negations and
corrections were read the wrong way round (同居 denied as 離れて暮らして, 「今日泊まるとこはあるけど」,
「昼間なら家さいる」). Each test types the person's words in order, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import build_summary, summary_text
from dialogs.understanding import classify
from tests.dialogs.chat import TOKYO, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 1, 30, tzinfo=TOKYO)
NIGHT = SATURDAY_NIGHT

P2_FIRST = (
    "夜分遅くに大変失礼いたします。35歳になる息子のことでご相談させていただきたく、ご連絡いたしました。"
    "お恥ずかしい話なのですが、息子は大学を中退してから十年以上ほとんど家から出ない生活をしておりまして、"
    "最近は気に入らないことがあると壁を殴って穴をあけるようになってしまいました。"
    "主人ももう諦めているようで、誰にも相談できずにおります。"
)
P2_SECOND = (
    "ご丁寧にありがとうございます。今は息子は自分の部屋におりますので、私は大丈夫でございます。"
    "私どもに手をあげたことはございません。ただ、このまま親が先に逝ってしまったらと思うと、不安で眠れません。"
    "どちらに相談すればよろしいのでしょうか。"
)
P2_REST = (
    "主人は76歳、私は68歳でございます。",
    "いえ、同居しております。離れて暮らしてはおりません。",
    "息子本人は相談に行くことを嫌がると思います。親だけでも相談に伺ってよろしいのでしょうか。",
    "どちらに相談すればよろしいのでしょうか。夜も眠れず、主人とも話ができません。",
    "息子が暴れるのは、私が仕事を辞めろと言った時などです。警察を呼ぶほどではないと思うのですが、怖いと感じることはあります。",
)

SUICIDE_BLOCK = "とてもつらい気持ちを書いてくださって"
CHILD_LINES = ("189", "子供SOS")


# ---------------------------------------------------------------- 1. the mother's 受付票


def test_p2_first_message_one_reply_for_an_adults_family() -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send(P2_FIRST)
    reply = said(chat)
    for line in CHILD_LINES:
        assert line not in reply, reply
    assert reply.count("いまの時間につながる電話の窓口です") <= 1, reply
    assert SUICIDE_BLOCK not in reply, reply
    if "いまの時間につながる電話の窓口です" in reply:  # a block, if any, is the one for violence at home
        assert "保健所" in reply or "精神保健福祉センター" in reply, reply


def test_p2_sheet_names_the_son_not_the_mother() -> None:
    chat = started(P2_FIRST, P2_SECOND, *P2_REST, now=SATURDAY_NIGHT)
    summary = build_summary(chat.data)
    violence = summary["violence"] or {}
    assert "self" not in violence.get("by", []), violence
    assert "child" in violence.get("by", []), violence
    reasons = "".join(summary["urgency_reasons"])
    assert "ご丁寧にありがとうございます" not in reasons, reasons
    assert "逝ってしまったら" not in reasons, reasons
    assert "自殺" not in reasons, reasons
    assert any("手をあげたことはございません" in words for words in summary["violence_denied"]), summary
    text = summary_text(chat.data)
    assert "暴力をふるっている人：相談者" not in text, text


@pytest.mark.parametrize(
    "words",
    (
        "娘が暴れるのは、私が仕事の話をした時です",
        "夫が怒鳴るのは、私が口答えしたときだけです",
    ),
)
def test_a_when_clause_after_noha_names_no_doer(words: str) -> None:
    from dialogs.violence import who_hurts

    told = who_hurts(words)
    assert "self" not in told.by, told


def test_a_cleft_naming_the_doer_still_reads() -> None:
    from dialogs.violence import who_hurts

    told = who_hurts("妻に手を上げているのは息子ではなく、私の父です")
    assert told.by == ("parent",), told


@pytest.mark.parametrize(
    "words",
    (
        "私どもに手をあげたことはございません",
        "親には手を上げたことはありません",
        "うちらには暴力はふるわない",
    ),
)
def test_denial_of_violence_against_parents_is_kept(words: str) -> None:
    chat = started("息子が壁を殴って穴をあけます", words, now=SATURDAY_NIGHT)
    denied = build_summary(chat.data)["violence_denied"]
    assert denied, chat.data["intake"].get("violence_denied")


# ---------------------------------------------------------------- 2. false suicide alerts


@pytest.mark.parametrize(
    "words",
    (
        "このまま親が先に逝ってしまったらと思うと不安です",
        "親が先に逝ってしまったら、息子はどうなるのでしょうか",
        "わたしたちが先にいってしまったら、この子はどうなるのか心配です",
        "主人も私も先に逝ったら、娘がひとりになってしまう",
    ),
)
def test_worry_about_parents_dying_first_is_not_suicide(words: str) -> None:
    assert classify(words).crisis != "crisis", classify(words).evidence
    chat = started(now=SATURDAY_NIGHT)
    chat.send(words)
    assert SUICIDE_BLOCK not in said(chat), said(chat)


def test_p16_worry_about_parents_dying_first_is_answered() -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send(
        "このまま親が先に逝ってしまったらと思うと、不安で眠れません。どちらに相談すればよろしいのでしょうか。"
    )
    reply = said(chat)
    assert SUICIDE_BLOCK not in reply, reply
    assert "ひきこもり" in reply or "家族会" in reply or "地域包括" in reply, reply


@pytest.mark.parametrize(
    "words",
    (
        "親が逝ったら自分も逝く",
        "親が死んだら俺も死ぬ",
        "母が先に逝ったら私も後を追います",
        "先に逝くね。今までありがとう",
        "母も先に逝ったし、私も逝く",
        "夫に先立たれて、私も死ぬつもりです",
    ),
)
def test_real_danger_about_going_first_stays_crisis(words: str) -> None:
    assert classify(words).crisis == "crisis", classify(words).evidence


@pytest.mark.parametrize(
    "words",
    (
        "17、高2。親は仕事でほぼいないから俺がみてる",
        "親は仕事でほぼいないから俺がみてる",
        "母は夜勤でほとんど家にいないから、あたしがばあちゃんみてる",
    ),
)
def test_p8_young_carer_is_not_suicide(words: str) -> None:
    chat = started("ばあちゃんの介護してる。認知症", now=SATURDAY_NIGHT)
    chat.send(words)
    assert SUICIDE_BLOCK not in said(chat), said(chat)
    assert chat.data.get("urgency", {}).get("level") != "crisis"


@pytest.mark.parametrize(
    "words",
    (
        "お金 すこししかない",
        "お金 すこししかない。どうしたらいいですか",
        "おかねすこししかない",
        "食べ物はおかししかない",
    ),
)
def test_p6_little_money_is_not_suicide(words: str) -> None:
    assert classify(words).crisis != "crisis", classify(words).evidence


@pytest.mark.parametrize("words", ("もう死しかない", "しぬしかない", "死ぬしかないと思ってる"))
def test_only_death_stays_crisis(words: str) -> None:
    assert classify(words).crisis == "crisis", classify(words).evidence


# ---------------------------------------------------------------- 3. negations and corrections


def test_p2_correction_to_living_together() -> None:
    chat = started(P2_FIRST, P2_SECOND, "主人は76歳、私は68歳でございます。", now=SATURDAY_NIGHT)
    chat.send("いえ、同居しております。離れて暮らしてはおりません。")
    reply = said(chat)
    assert "離れて暮らしながら" not in reply, reply
    assert "同居" in reply or "一緒に暮らして" in reply, reply


@pytest.mark.parametrize(
    "words",
    (
        "離れて暮らしてはおりません",
        "別居はしてないです。一緒に住んでます",
        "離れてくらしてない",
    ),
)
def test_lives_apart_denied_is_not_apart(words: str) -> None:
    kinds = [e.kind for e in classify(words).entities]
    assert "writer_apart" not in kinds, kinds


def test_lives_apart_still_read() -> None:
    kinds = [e.kind for e in classify("息子とは離れて暮らしています").entities]
    assert "writer_apart" in kinds, kinds


@pytest.mark.parametrize(
    "words",
    (
        "今日泊まるとこはあるけど、友達の家もあと何日かしかいれない",
        "今夜寝る場所はあるけど、明後日からはない",
        "きょうとまるとこはあるけど",
    ),
)
def test_p3_bed_tonight_told_is_not_no_shelter(words: str) -> None:
    chat = started("19さいです。家出て今友達の家にいるんですけど、お金もうなくて", now=SATURDAY_NIGHT)
    chat.send(words)
    assert "今夜泊まる場所がないとき" not in said(chat), said(chat)
    reasons = "".join(build_summary(chat.data)["urgency_reasons"])
    assert "今夜の寝る場所がない" not in reasons, reasons


def test_no_bed_tonight_still_urgent() -> None:
    assert classify("今日泊まるとこがない").crisis in ("urgent", "crisis")


@pytest.mark.parametrize(
    "words",
    (
        "スマホの字ぃ小せくてよぐ見えね。電話のほうがいい。昼間なら家さいる",
        "昼間なら家にいます",
        "平日の日中は家におるよ",
    ),
)
def test_p9_home_in_the_daytime_is_a_contact_time_not_withdrawal(words: str) -> None:
    chat = started("年金の日まで金ねくて、食うもんもねぐなってきた", now=SATURDAY_NIGHT)
    chat.send(words)
    assert "家から出にくい" not in said(chat), said(chat)
    summary = build_summary(chat.data)
    assert "withdrawal" not in summary["concerns"], summary["concerns"]


def test_never_leaving_home_is_still_withdrawal() -> None:
    assert "withdrawal" in classify("もう10年ずっと家にいる").concerns


def test_p2_first_message_gets_no_fast_crisis_reply() -> None:
    from dialogs.crisis import crisis_answer

    assert crisis_answer(P2_FIRST, SATURDAY_NIGHT) is None


@pytest.mark.parametrize("words", ("息子に殴られて、もう限界です。死にたい", "夫に毎日殴られています"))
def test_fast_crisis_reply_still_for_danger(words: str) -> None:
    from dialogs.crisis import crisis_answer

    assert crisis_answer(words, SATURDAY_NIGHT) is not None


def test_reasons_quote_only_the_sentence_with_the_danger() -> None:
    from dialogs.summary import urgency_reasons

    text = "ありがとうございます。今までお世話になりました。もう死にたいです。"
    reasons = urgency_reasons(classify(text), "crisis", text)
    quoted = [r for r in reasons if r.startswith("「")]
    assert any("死にたい" in r for r in quoted), reasons
    assert not any(r == "「ありがとうございます」" for r in quoted), reasons


# ---------------------------------------------------------------- 4. 受付票 fields


def test_p1_age_before_a_word_for_oneself() -> None:
    chat = started("こんばんは", "まあええわ。38のおっさんやけど、もう10年家から出てへんねん", now=NIGHT)
    assert build_summary(chat.data)["age_band"] == "18_39"


@pytest.mark.parametrize("words", ("45の独身男です。仕事がない", "52のおばちゃんやけど、お金がなくて"))
def test_age_before_a_word_for_oneself_variants(words: str) -> None:
    summary = build_summary(started(words, now=SATURDAY_NIGHT).data)
    assert summary["age_band"] == "40_64", summary


def test_p1_mothers_back_is_the_familys() -> None:
    chat = started(
        "こんばんは",
        "まあええわ。38のおっさんやけど、もう10年家から出てへんねん",
        now=SATURDAY_NIGHT,
    )
    chat.send("親はもう70超えとる。おかんも腰悪いし、俺がこんなんで申し訳ないわ")
    assert "ご家族の体のこと" in said(chat), said(chat)
    text = summary_text(chat.data)
    assert "困りごと：ひきこもり状態\n" in text, text
    assert "家族のこと（本人が書いた家族の困りごと）：病気" in text, text


P7_FIRST = (
    "兄のことで相談です。兄は45歳で、もう20年くらい自分の部屋から出てきません。"
    "先月父が亡くなって、母も高齢なので、これからどうしたらいいのか…"
)


def test_p7_withdrawal_is_the_brothers_and_the_loss_is_heard() -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send(P7_FIRST)
    assert "お父さまを亡くされたのですね" in said(chat), said(chat)
    chat.send("私は40代で、結婚して別の市に住んでます")
    summary = build_summary(chat.data)
    assert "withdrawal" in summary["concerns"], summary["concerns"]
    assert "withdrawal" not in (summary["asker_wellbeing"] or {}).get("concerns", []), summary
    from dialogs.summary import person_preview

    preview = person_preview(chat.data)
    assert "家族とのこと、ご家族のこと（家族とのこと）" not in preview, preview


@pytest.mark.parametrize(
    "words",
    ("母が先週亡くなりました。弟はずっと家にいます", "おやじが去年他界して、兄は部屋から出てきません"),
)
def test_parent_lost_is_heard_once(words: str) -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send(words)
    assert "を亡くされたのですね" in said(chat), said(chat)


def test_p4_nowhere_to_go_is_not_family() -> None:
    understanding = classify("12月20日に本当に出ていかなあかんのですか？行くところがありません")
    assert "family_relations" not in understanding.concerns, understanding.evidence


def test_p3_own_troubles_with_parents_are_hers() -> None:
    from dialogs.summary import person_preview

    chat = started(
        "19さいです。家出て今友達の家にいるんですけど、お金もうなくて、バイトもクビになりました",
        "親とは仲悪くて、小さい頃から怒鳴られてた。だから連絡されたくない",
        now=SATURDAY_NIGHT,
    )
    preview = person_preview(chat.data)
    assert "ご家族のこと（" not in preview, preview


# ---------------------------------------------------------------- 5. a long message


def test_long_message_keeps_every_word_and_the_caution() -> None:
    piece = (
        "息子が部屋から出てこなくなってからのことを全部書きます。最初は大学の二年の春でした。"
        "朝起きてこなくなり、声をかけても返事がなく、食事も夜中に一人でとるようになりました。"
    )
    last = "最後に一番伝えたいこと：夫には内緒にしてほしいです。"
    long = "".join(f"【{i}】{piece}" for i in range(1, 30)) + last
    chat = started("息子のことで相談です", now=SATURDAY_NIGHT)
    chat.send(long)
    heard = " ".join(item["words"] for item in chat.data["intake"]["heard"])
    assert long.strip() in heard or long.strip().rstrip("。") in heard
    summary = build_summary(chat.data)
    assert "夫には内緒" in str(summary["considerations"]), summary["considerations"]
    assert "最後に一番伝えたいこと:" not in str(summary["own_words"]), summary["own_words"]


def test_long_message_closing_point_is_not_crisis() -> None:
    piece = (
        "息子が部屋から出てこなくなってからのことを全部書きます。最初は大学の二年の春でした。"
        "朝起きてこなくなり、声をかけても返事がなく、食事も夜中に一人でとるようになりました。"
    )
    last = "最後に一番伝えたいこと：夫には内緒にしてほしいです。"
    long = "".join(f"【{i}】{piece}" for i in range(1, 30)) + last
    assert classify(long).crisis != "crisis", [e for e in classify(long).evidence if e.label == "crisis"]
    assert classify("最後にお願いです。夫には内緒にしてください").crisis != "crisis"


@pytest.mark.parametrize(
    "words", ("最後に伝えたいこと。今までありがとう。さよなら", "最後にひとつ。もう死にたい")
)
def test_closing_words_do_not_hide_danger(words: str) -> None:
    assert classify(words).crisis == "crisis", classify(words).evidence


@pytest.mark.parametrize(
    "words",
    ("息子が暴れるのは、私が仕事を辞めろと言った時などです。", "娘に仕事やめろって言ったら怒鳴られた"),
)
def test_telling_someone_to_quit_is_no_job_lost(words: str) -> None:
    ruled = [
        e for e in classify(words).evidence if e.label == "concern:job_search" and "model:" not in e.rule
    ]
    assert not ruled, ruled  # the rules read none (the learned layer is retrained this session)


def test_a_job_lost_is_still_read() -> None:
    evidence = classify("先月仕事を辞めてから、ずっと家にいます").evidence
    assert any(e.label == "concern:job_search" and "model:" not in e.rule for e in evidence), evidence
