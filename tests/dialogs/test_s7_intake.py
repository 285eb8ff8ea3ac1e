"""The 受付票 keeps the facts people wrote (try-out 7, section B): whose age, who is violent, how long,
when it is safe to write back, which worries, and every message once. Each test types the person's
own words in order, through the real engine and the real reading, with a few variants of our own."""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import build_summary, person_preview, summary_text
from tests.dialogs.chat import TOKYO, intake_answers, said, started

DAY = datetime(2026, 12, 2, 10, 30, tzinfo=TOKYO)
NIGHT = datetime(2026, 12, 1, 2, 0, tzinfo=TOKYO)

LONG_FIRST = (
    "はじめまして。うまくまとめられないので長くなってしまいますがすみません。私は47歳で、夫と高校生の娘と、"
    "中学生のときから不登校になってそのまま家にいる22歳の息子と4人で暮らしています。息子はもう7年くらい、"
    "ほとんど自分の部屋から出てきません。夜中にゲームをしている音が聞こえるので生きているのはわかるのですが、"
    "ここ1年はまともに顔を合わせたこともありません。夫は「お前の育て方が悪い」と言うばかりで、息子のことは"
    "私にまかせきりです。最近は生活費も夫が管理していて、私が使えるのは月に2万円だけです。パートも夫に反対"
    "されて辞めました。娘は来年受験なのに、塾代を出してほしいと言っても夫は聞いてくれません。私は最近、夜に"
    "なると動悸がして眠れず、朝起きるのがとてもつらいです。病院に行きたいのですが、夫に保険証のことを聞かれる"
    "のがいやで行けていません。ときどき、私がいなくなったほうがみんな楽になるんじゃないかと考えてしまいます。"
    "こんなことを誰かに話すのは初めてです。市役所に行けばいいのか、どこに相談すればいいのかもわかりません。"
    "息子本人は相談なんて絶対に行かないと思います。夫にはこのLINEのことは絶対に知られたくないので、連絡は"
    "このLINEだけにしてください。電話は困ります。平日の昼間、10時から14時くらいなら一人なので返事ができます。"
    "住んでいるのは東台です。どうかよろしくお願いします。"
)
LONG_SECOND = "叩かれたりはしていません。ただ、お金を自由に使えなくて…。子どもたちも殴られてはいないです"
LONG_THIRD = (
    "さっきの続きです。読み返したら大げさに書いてしまったかもしれません。でも、本当のことです。夫は手をあげたり"
    "はしませんが、私が何か言うと何時間も無視をしたり、娘の前で「役立たず」と言ったりします。お金のことも、"
    "レシートを全部見せないといけなくて、足りない分を実家の母にこっそり借りています。母は75歳で一人暮らしで、"
    "最近は物忘れが多くなってきていて、母のことも心配です。息子のことは、昔は病院に連れて行こうとしたことも"
    "ありましたが、ドアを叩いたら中から物を投げつけられて、それからは何もできなくなりました。今は食事を部屋の"
    "前に置いて、空になったお皿を下げるだけです。相談員の方と話したいです。ただ、夫が家にいる夜や土日は返事が"
    "できません。スマホも時々夫に見られるので、通知に内容が出ないようにしたいです。よろしくお願いします。"
)


# ---------------------------------------------------------------- B1: the controlled wife


def test_the_wife_is_not_listed_as_violent_and_her_age_and_the_sons_years_are_hers_and_his() -> None:
    chat = started(LONG_FIRST, LONG_SECOND, LONG_THIRD, now=DAY)
    summary = build_summary(chat.data)
    violence = summary["violence"] or {"by": [], "hurt": []}
    assert "self" not in violence["by"]
    assert summary["asker"] == "family" and summary["relation"] == "parent"
    assert summary["age_band"] == "18_39", "the son is 22"
    assert (summary["asker_wellbeing"] or {}).get("age_band") == "40_64", "「私は47歳」 is hers"
    assert summary["duration"] == "3y_10y", "「息子はもう7年くらい」, not the year she has not seen his face"


def test_the_hours_she_can_answer_reach_the_sheet_and_the_evening_is_never_put_in_their_place() -> None:
    chat = started(LONG_FIRST, LONG_SECOND, LONG_THIRD, now=DAY)
    summary = build_summary(chat.data)
    assert summary["contact_times"] == "weekday_daytime"
    assert "10時から14時" in summary["own_words"]["contact_times"]
    assert "夫が家にいる夜や土日は返事ができません" in (summary["considerations"] or "")
    assert "平日の夕方以降" not in summary_text(chat.data)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("連絡はこのLINEで、平日の10時から14時のあいだだとありがたいです", "weekday_afternoon"),
        ("夫が帰ってくる19時より前なら、LINEを見ることができます", "weekday_afternoon"),
        ("9時から11時ぐらいやったら返事できるで", "weekday_morning"),
        ("LINEがいい。夜中なら返せる", None),
    ],
)
def test_hours_of_the_clock_are_read_as_the_part_of_the_day_they_fall_in(text: str, time: str | None) -> None:
    chat = started(text, now=DAY)
    answer = intake_answers(chat)["contact_times"]
    assert answer.get("choice") == time
    if time is None:
        assert "夜中" in answer["words"], "the late night has no option: her words are kept"


@pytest.mark.parametrize(
    "text",
    [
        "夫が家にいる夜や土日は返事ができません",
        "旦那がおる土日はLINE返せへん",
        "よるは おっとが いるので へんじ できない",
    ],
)
def test_a_time_she_cannot_be_reached_is_a_caution_not_a_time_to_write(text: str) -> None:
    chat = started("夫のことで相談です", text, now=DAY)
    answers = intake_answers(chat)
    assert text in answers["considerations"]["words"]
    assert "contact_times" not in answers


def test_her_hopes_are_whole_sentences_and_not_her_daughters_words() -> None:
    chat = started(LONG_FIRST, LONG_SECOND, LONG_THIRD, now=DAY)
    hopes = intake_answers(chat)["hopes"]["words"].split("\n")
    assert "相談員の方と話したいです" in hopes
    assert not any("塾代を出してほしい" in hope for hope in hopes), "what the daughter asked for"
    assert "「相談員の方と話したいです」" in summary_text(chat.data)


def test_the_crisis_evidence_in_a_long_message_is_the_sentence_about_dying() -> None:
    chat = started(LONG_FIRST, now=DAY)
    reasons = build_summary(chat.data)["urgency_reasons"]
    assert "「ときどき、私がいなくなったほうがみんな楽になるんじゃないかと考えてしまいます」" in reasons
    assert not any(reason.startswith("「はじめまして") for reason in reasons)


# ---------------------------------------------------------------- B3, B9: whose age


def test_the_mothers_age_is_not_the_brothers_and_a_correction_keeps_the_sister_a_sister() -> None:
    chat = started(
        "兄のことで相談です。兄は38歳で、3年前に仕事をやめてから実家の部屋にこもってます。最近、母に物を投げるようになって心配で…",
        "今は落ち着いてます。兄は病院には一度も行ってません。母は70で、もう疲れきってます",
        now=DAY,
    )
    answers = intake_answers(chat)
    assert answers["age_band"]["choice"] == "18_39"
    assert answers["duration"]["choice"] == "3y_10y", "「3年前に仕事をやめてから」"
    chat.send("年代がちがいます。兄は38歳です。65歳以上は母です")
    summary = build_summary(chat.data)
    assert (summary["asker"], summary["relation"], summary["age_band"]) == ("family", "sibling", "18_39")
    assert (summary["asker_wellbeing"] or {}).get("age_band") is None


@pytest.mark.parametrize(
    "text",
    ["母は70で、もう疲れきってます", "おかんは72歳やし、もう限界やと思う", "父も68歳で体がきついです"],
)
def test_a_parents_age_told_by_a_sibling_is_not_the_persons(text: str) -> None:
    chat = started("弟のことで相談です。弟は41歳です", text, now=DAY)
    assert intake_answers(chat)["age_band"]["choice"] == "40_64"


def test_the_fathers_age_and_the_sons_own_are_each_in_their_place() -> None:
    chat = started(
        "夜分すまんのう。うちの親父が認知症みたいなんじゃけど、わしも仕事なくしてしもうて、どうしたらええんかわからんのんよ",
        "親父は78で、一人で外に出て帰れんようになったこともあるけぇ。わしは52じゃ。家賃もきつうなってきたわ",
        now=NIGHT,
    )
    summary = build_summary(chat.data)
    assert summary["asker"] == "family" and summary["relation"] == "child"
    assert summary["age_band"] == "65_plus"
    assert (summary["asker_wellbeing"] or {}).get("age_band") == "40_64"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("母は80で足が悪いです", "私は55です"),
        ("親父は75歳、俺は48歳です", None),
    ],
)
def test_variants_of_a_parents_age_beside_the_writers_own(first: str, second: str | None) -> None:
    chat = started(first, *([second] if second else []), now=DAY)
    summary = build_summary(chat.data)
    assert summary["age_band"] == "65_plus"
    assert (summary["asker_wellbeing"] or {}).get("age_band") == "40_64"


# ---------------------------------------------------------------- B4: a man writing about himself


@pytest.mark.parametrize(
    "text",
    [
        "こんにちは。無職で、親の年金で暮らしてます。35です。ずっと家にいて、誰とも話してない",
        "親の家に住んでて、もう何年も働いてない。35歳です",
        "おやの年金で生活してる。ずっと家にいる",
    ],
)
def test_living_on_a_parents_pension_does_not_make_the_writer_family(text: str) -> None:
    chat = started(text, now=DAY)
    assert "ご家族（子ども）" not in said(chat)
    assert build_summary(chat.data)["asker"] != "family"


def test_his_correction_that_it_is_about_himself_is_taken() -> None:
    chat = started(
        "こんにちは。無職で、親の年金で暮らしてます。35です。ずっと家にいて、誰とも話してない", now=DAY
    )
    chat.send("いや、自分のことです。親のことじゃない")
    summary = build_summary(chat.data)
    assert summary["asker"] == "self" and summary["age_band"] == "18_39"
    assert "ご家族のこと" not in person_preview(chat.data)


# ---------------------------------------------------------------- B2: money kept from her


@pytest.mark.parametrize(
    "text",
    [
        "叩かれたりはしていません。ただ、お金を自由に使えなくて…。子どもたちも殴られてはいないです",
        "殴られてはないです。でも生活費を渡してもらえなくて",
    ],
)
def test_a_denied_blow_is_not_a_blow(text: str) -> None:
    chat = started("夫のことで相談です", text, now=DAY)
    violence = build_summary(chat.data)["violence"] or {"by": [], "hurt": []}
    assert violence["hurt"] == []


# ---------------------------------------------------------------- B5, B6: a worry taken off


@pytest.mark.parametrize(
    "denial",
    ["仕事探しはちがう", "仕事探しは外して", "しごとさがしじゃない", "仕事探しはいらないです"],
)
def test_a_worry_said_not_to_be_one_is_taken_off(denial: str) -> None:
    chat = started("仕事が見つからなくて、ばあちゃんの介護もしてる", now=DAY)
    assert "job_search" in intake_answers(chat)["concerns"]["choices"]
    chat.send(denial)
    concerns = intake_answers(chat)["concerns"]["choices"]
    assert "job_search" not in concerns and "caregiving" in concerns


def test_the_young_carer_at_the_concerns_question_is_not_ticked_for_job_hunting() -> None:
    chat = started(
        "高2です。ばあちゃんの介護してて、夜中もトイレで起こされるから全然寝れてない😢 学校も遅刻ばっか",
        "仕事はしてないよ笑 学生。親は夜勤で家にいないことが多い。先生にはバレたくない",
        "相談の準備する",
        "じぶん",
        "わかんない。ばあちゃんが倒れてからだから、去年の夏くらい？",
        "介護と寝れないのと学校。仕事探しはちがう",
        now=NIGHT,
    )
    assert chat.state == "intake.ask_concerns"
    assert "「仕事探し」の印を外しました" in said(chat)
    assert "job_search" not in intake_answers(chat)["concerns"]["choices"]
    chat.tap("仕事探し")
    chat.send("仕事探しは外して")
    assert "外しました" in said(chat)
    assert "job_search" not in intake_answers(chat)["concerns"]["choices"]


@pytest.mark.parametrize(
    "denial", ["ひきこもりではありません。それ以外はこれでお願いします", "ひきこもりちゃうで"]
)
def test_withdrawal_said_not_to_be_his_is_taken_off(denial: str) -> None:
    chat = started("仕事もなくて家にずっといます。部屋から出る気がしない", now=DAY)
    assert "withdrawal" in intake_answers(chat)["concerns"]["choices"]
    chat.send(denial)
    assert "withdrawal" not in intake_answers(chat)["concerns"]["choices"]


# ---------------------------------------------------------------- B7, B8, B10: concerns and language


def test_an_english_writers_needs_are_on_the_sheet() -> None:
    chat = started(
        "Hello. I am from Vietnam, I work at factory. Company stop my work 2 weeks ago and I have no money "
        "for food. Can you help me?",
        "Yes send with our chat. I can read hiragana a little",
        "かいしゃ の りょう に すんでいます。12がつ 5にち までに でて と いわれました",
        now=DAY,
    )
    summary = build_summary(chat.data)
    assert {"economic", "housing"} <= set(summary["concerns"])
    assert summary["language"] == ["en", "easy"]


@pytest.mark.parametrize(
    "messages",
    [
        ("きょうも おとうさんに たたかれた", "まだ おきてる。へやに かぎ ない"),
        ("いま　むすこ　あばれてる。かべ　穴",),
        ("がっこう いきたくない。ともだち いない",),
    ],
)
def test_writing_in_hiragana_alone_is_no_need_for_easy_japanese(messages: tuple[str, ...]) -> None:
    chat = started(*messages, now=NIGHT)
    assert "easy" not in build_summary(chat.data)["language"]


@pytest.mark.parametrize(
    "text",
    ["にほんご すこし わかります", "かんじ よめない", "日本語が難しいです。やさしい日本語でお願いします"],
)
def test_saying_one_reads_little_japanese_is_a_language_need(text: str) -> None:
    chat = started("おかね ない。たべもの ない", text, now=DAY)
    assert "easy" in build_summary(chat.data)["language"]


@pytest.mark.parametrize(
    "text",
    [
        "担当の人に、今日のこと伝えてほしい。でも親には絶対言わないで",
        "親には絶対言わないで",
        "おやには ないしょに して",
    ],
)
def test_asking_that_parents_are_not_told_is_no_school_worry(text: str) -> None:
    chat = started("もう消えたい", text, now=NIGHT)
    assert "childcare_education" not in intake_answers(chat).get("concerns", {}).get("choices", [])


# ---------------------------------------------------------------- B12, B13: every message once, whole


def test_every_message_appears_once_whole_and_in_order_in_what_the_person_reads() -> None:
    messages = (
        "53歳男です。先月会社をクビになって家賃3ヶ月滞納してます",
        "担当の人と話したいです。急いでます",
    )
    chat = started(*messages, now=DAY)
    preview = person_preview(chat.data)
    assert preview.count("担当の人と話したいです") == 1
    assert preview.index(messages[0]) < preview.index(messages[1])


def test_after_pills_every_message_reaches_the_sheet_whole() -> None:
    messages = (
        "さっき眠剤ぜんぶいった笑　ふわふわする",
        "いや死にたいとかじゃなくて寝たかっただけ。20錠くらい？",
        "なんか吐きそう…でも119はむり。お金かかるんでしょ",
        "ちがう、救急車のこと。呼んだら金かかる？親に連絡いく？",
    )
    chat = started(*messages, now=NIGHT)
    heard = [item["words"] for item in build_summary(chat.data)["heard"] if "words" in item]
    assert heard == list(messages)


# ---------------------------------------------------------------- B2: money kept from her is a sign


@pytest.mark.parametrize(
    "text",
    [
        LONG_SECOND,
        "殴られたりはないです。でも、お金を自由につかえなくて",
        "手はあげられてへん。けど、レシートを全部見せないとあかんのです",
    ],
)
def test_money_kept_from_her_after_the_dv_lines_is_no_denial_to_thank_her_for(text: str) -> None:
    chat = started(LONG_FIRST, text, now=DAY)
    assert "そうではないと教えてくださって" not in said(chat)
    assert "DV相談＋" in said(chat)


# ---------------------------------------------------------------- B4: a caution typed at the time question


@pytest.mark.parametrize(
    "caution", ["親には知られたくない", "家族にバレたくないです", "おやに しられたくない"]
)
def test_a_caution_typed_at_the_contact_time_question_is_a_caution_not_a_time(caution: str) -> None:
    chat = started("相談の準備をしたい", now=DAY)
    chat.tap("自分のこと")
    while chat.state != "intake.ask_contact_times":
        chat.tap("答えたくない")
    chat.send(caution)
    answers = intake_answers(chat)
    assert "contact_times" not in answers
    assert caution in answers["considerations"]["words"]


# ---------------------------------------------------------------- B5: evicted on Friday, a bed tonight


@pytest.mark.parametrize(
    "still",
    [
        "今夜はまだ部屋にいられます。金曜が期限です。住居確保給付金というのは私でももらえますか",
        "今晩は一応まだ家におれます。期限は金曜です",
        "きょうは まだ へやに いられます",
    ],
)
def test_a_bed_still_there_tonight_is_no_withdrawal_and_not_no_bed_tonight(still: str) -> None:
    chat = started(
        "53歳男です。先月会社をクビになって家賃3ヶ月滞納してます。大家から金曜までに出ていけと言われました。"
        "行くところがありません",
        still,
        now=DAY,
    )
    summary = build_summary(chat.data)
    assert "withdrawal" not in summary["concerns"]
    assert "今夜の寝る場所がない" not in summary["urgency_reasons"]
    assert summary["urgency"] == "urgent"


def test_reasons_read_from_pieces_quote_each_message_apart() -> None:
    chat = started(
        "さっき眠剤ぜんぶいった笑　ふわふわする",
        "いや死にたいとかじゃなくて寝たかっただけ。20錠くらい？",
        "もういいや寝る。おやすみ",
        "てかまだ起きてた。手がしびれてる",
        now=NIGHT,
    )
    quoted = [reason for reason in build_summary(chat.data)["urgency_reasons"] if reason.startswith("「")]
    assert all(" " not in reason and "\n" not in reason for reason in quoted), quoted
