"""Session 13, try-out 17: a boy hurt by his mother's boyfriend, a man in his car in the cold, and a
pregnant 19-year-old whose boyfriend reads her phone.

p2, 15, kana slang: 「かあさんの彼氏になぐられる。きょうもなぐられた。まじむり」 got the adult DV
reply (DV相談＋) and 配偶者・パートナー on the 受付票; 「じそうにいったら家にもどされる？」 and
「つたえたい」 got the fallback; 「おれ15なんだけど」 set no age. Now: a parent's partner (母の彼氏,
ママの彼氏, 継父) hurting a child is a child hurt at home (189, 子供SOS; 親の交際相手・継親 on the
sheet); じそう in kana is the 児童相談所; 「つたえたい」 is the button; 15 is set as under 18.

p8, in his car in 札幌 at -5°C: 「寒い。エンジン切ったら凍える。ガスもたない」 was read as exhaustion
and asked about dying. Now the cold with no fuel is urgent (a 24-hour store or 交番, the exhaust and
snow, 119 when numb), 「しにたくはない。さむいだけ」 answers the cold, and 「札幌」 named with danger
gets the outside-area answer.

p10, 19, typos: 「やば かれしおきた」 got the fallback; now one short line. 「わたしのことだよ」 is 本人.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, said, started

SATURDAY_2AM = datetime(2026, 12, 5, 2, 5, tzinfo=TOKYO)
SUNDAY_1AM = datetime(2026, 12, 6, 1, 15, tzinfo=TOKYO)

CHILD_SOS = "0120-0-78310"
DV_PLUS = "0120-279-889"

# ---------------------------------------------------------------- p2: a parent's partner hurts a child

PARENTS_PARTNER = (
    "かあさんの彼氏になぐられる。きょうもなぐられた。まじむり",
    "ママの彼氏になぐられる。きょうもなぐられた",
    "母の彼氏に殴られる。今日も殴られた",
    "おかあさんのかれしにけられた",
    "継父に殴られた。まじむり",
)


@pytest.mark.parametrize("words", PARENTS_PARTNER[:2] + PARENTS_PARTNER[3:4])
def test_a_parents_partner_hurting_a_child_gets_the_childrens_lines(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    reply = said(chat)
    assert "189" in reply and CHILD_SOS in reply
    assert DV_PLUS not in reply and "DV相談" not in reply
    assert chat.data["crisis"]["hurt"] == "child"


@pytest.mark.parametrize("words", (PARENTS_PARTNER[2], PARENTS_PARTNER[4]))
def test_a_parents_partner_age_unknown_in_grown_up_words_names_189_too(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "189" in reply and CHILD_SOS in reply


@pytest.mark.parametrize("words", PARENTS_PARTNER[:4])
def test_on_the_sheet_a_parents_partner_is_not_the_writers_partner(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    sheet = summary_text(chat.data)
    assert "暴力をふるっている人：親の交際相手・継親" in sheet, sheet
    assert "配偶者・パートナー" not in sheet


@pytest.mark.parametrize(
    "words",
    (
        "彼氏に殴られる。今日も殴られた",  # her own boyfriend: the DV lines stay
        "夫に殴られました",
        "母が彼氏に殴られてる",  # the mother is the one hurt
    ),
)
def test_the_writers_own_partner_is_still_a_partner(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    sheet = summary_text(chat.data)
    assert "親の交際相手" not in sheet


@pytest.mark.parametrize(
    "words",
    ("おれ15なんだけど、こんやどうすんの", "おれ15だけど", "うち14なんだけど", "ぼく15"),
)
def test_a_kana_age_in_passing_sets_under_18(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    band = chat.data.get("intake", {}).get("answers", {}).get("age_band", {})
    assert band.get("choice") == "under_18", chat.data.get("intake")


@pytest.mark.parametrize("words", ("15000円しかない", "15日までに払う", "おれ15年働いた"))
def test_other_numbers_are_not_an_age(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    band = chat.data.get("intake", {}).get("answers", {}).get("age_band", {})
    assert band.get("choice") != "under_18"


@pytest.mark.parametrize(
    "words",
    (
        "じそうにいったら家にもどされる？それともしせつ？",
        "じそう いきたくない",
        "じそうにつれてかれるの？",
        "児相行ったら施設？",
    ),
)
def test_jisou_in_kana_after_the_childs_reply_gets_what_a_childrens_centre_does(words: str) -> None:
    chat = started(PARENTS_PARTNER[0], now=SATURDAY_2AM)
    chat.send(words)
    reply = said(chat)
    assert "児童相談所" in reply and "189" in reply
    assert "うまくお答えできない" not in reply
    assert "住居確保給付金" not in reply


@pytest.mark.parametrize("words", ("かんじそうになる", "なんか信じそうになった"))
def test_words_ending_in_jisou_are_not_the_childrens_centre(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    assert "児童相談所のこと" not in said(chat)


@pytest.mark.parametrize("words", ("つたえたい", "伝えたい", "たんとうしゃにつたえたい"))
def test_tsutaetai_is_the_button(words: str) -> None:
    chat = started(PARENTS_PARTNER[0], now=SATURDAY_2AM)
    chat.send(words)
    reply = said(chat)
    assert "担当者に送る内容" in reply, reply


def test_the_child_asking_about_tonight_after_the_send_screen_gets_tonights_lines() -> None:
    chat = started(PARENTS_PARTNER[0], now=SATURDAY_2AM)
    chat.send("つたえたい")
    chat.send("げつようまでへんじこないの？おれ15なんだけど、こんやどうすんの")
    reply = said(chat)
    assert "189" in reply and CHILD_SOS in reply and "交番" in reply
    assert "勤め先" not in reply


@pytest.mark.parametrize(
    "words",
    ("いまコンビニにいる。家かえりたくない", "コンビニにいる。いえかえりたくない"),
)
def test_a_child_out_at_night_gets_stay_in_the_store_and_the_police_not_rent(words: str) -> None:
    chat = started(PARENTS_PARTNER[0], now=SATURDAY_2AM)
    chat.send(words)
    reply = said(chat)
    assert "住居確保給付金" not in reply and "一時生活支援" not in reply
    assert "店員" in reply and "交番" in reply and "189" in reply


def test_no_work_place_in_the_privacy_answer_to_a_child() -> None:
    chat = started(PARENTS_PARTNER[0], now=SATURDAY_2AM)
    chat.send("おれ15なんだけど")
    chat.send("じそうにはいわないでってつたえて")
    assert "勤め先" not in said(chat)


# ---------------------------------------------------------------- p8: in the car in the cold

COLD_NO_FUEL = (
    "寒い。エンジン切ったら凍える。ガスもたない",
    "さむい。エンジンきったらこごえる。ガソリンもたない",
    "車の中。マイナス5度。ガソリンほぼない",
    "しばれる。ガスもたねえ。エンジン切ったら凍える",
)


@pytest.mark.parametrize("words", COLD_NO_FUEL)
def test_cold_with_no_fuel_tonight_is_urgent_and_answered(words: str) -> None:
    chat = started("車の中", now=SATURDAY_2AM)
    chat.send(words)
    reply = said(chat)
    assert "24時間" in reply and "交番" in reply and "119" in reply
    assert "マフラー" in reply  # the exhaust blocked by snow
    assert "死にたいと思う" not in reply
    assert chat.data.get("urgency", {}).get("level") in ("urgent", "crisis")


@pytest.mark.parametrize(
    "words",
    ("寒い。ガスストーブつけたい", "エンジンの音がうるさい", "さむいね今日"),
)
def test_cold_without_danger_is_not_the_cold_night_answer(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    assert "マフラー" not in said(chat)


def test_not_wanting_to_die_just_cold_answers_the_cold() -> None:
    chat = started("車の中", "寒い。エンジン切ったら凍える。ガスもたない", now=SATURDAY_2AM)
    chat.send("しにたくはない。さむいだけ。どっかあったかいとこないか")
    reply = said(chat)
    assert "24時間" in reply and "交番" in reply
    assert "疲れがたまっている" not in reply


@pytest.mark.parametrize("words", ("あったかいとこ", "あったかいところない？", "暖かい場所ある？"))
def test_a_warm_place_asked_in_the_cold_gets_the_warm_places(words: str) -> None:
    chat = started("車の中", "寒い。エンジン切ったら凍える。ガスもたない", now=SATURDAY_2AM)
    chat.send(words)
    reply = said(chat)
    assert "24時間" in reply and "交番" in reply
    assert "うまくお答えできない" not in reply


@pytest.mark.parametrize(
    "words",
    ("札幌。マイナス5度。ガスほぼない", "つなぐ市ってどこ。ここ札幌だべ", "札幌で今夜どこ行けばいい"),
)
def test_a_city_named_in_passing_in_the_cold_gets_the_outside_area_answer(words: str) -> None:
    chat = started("車の中", "寒い。エンジン切ったら凍える。ガスもたない", now=SATURDAY_2AM)
    chat.send(words)
    reply = said(chat)
    assert "札幌" in reply and "つなぐ市" in reply and "110" in reply and "119" in reply
    assert "うまく受け取れなかった" not in reply


# ---------------------------------------------------------------- p10: the boyfriend reads her phone

P10_START = (
    "かれしにすまほみられてる。このトークけせる？",
    "にんしんしてる19さい。しせつでてからいくとこなくてかれしのいえにいる。おなかのこのことそうだんしたいけどおかねない",
)


@pytest.mark.parametrize("words", ("やば かれしおきた", "やばい彼氏起きた", "かれしきた"))
def test_the_boyfriend_woke_gets_one_short_line(words: str) -> None:
    chat = started(*P10_START, now=SUNDAY_1AM)
    chat.send(words)
    reply = said(chat)
    assert len(chat.texts) == 1 and len(reply) < 90, reply
    assert "閉じて" in reply


@pytest.mark.parametrize("words", ("さっきのつづき。かれしねた", "もどった。かれしねた"))
def test_back_after_the_boyfriend_slept_is_welcomed(words: str) -> None:
    chat = started(*P10_START, "やば かれしおきた", now=SUNDAY_1AM)
    chat.send(words)
    reply = said(chat)
    assert "おかえり" in reply
    assert "うまくお答えできない" not in reply


@pytest.mark.parametrize(
    "words",
    ("わたしのことだよ", "わたしのことです", "自分のことだよ"),
)
def test_my_own_matter_sets_the_writer_as_the_person(words: str) -> None:
    chat = started(*P10_START, now=SUNDAY_1AM)
    chat.send(words)
    asker = chat.data.get("intake", {}).get("answers", {}).get("asker", {})
    assert asker.get("choice") == "self"


@pytest.mark.parametrize(
    "words",
    (
        "わたしのことだよ。にんしんのそうだんってどこできる？おかねかかる？",
        "妊娠の相談ってどこでできますか",
        "にんしんしたかも。どこにそうだんすればいい？",
    ),
)
def test_where_to_consult_about_a_pregnancy_is_answered(words: str) -> None:
    chat = started(*P10_START[:1], now=SUNDAY_1AM)
    chat.send(words)
    reply = said(chat)
    assert "保健センター" in reply and "妊娠SOS" in reply and "無料" in reply
    assert "住居確保給付金" not in reply


@pytest.mark.parametrize("words", ("不妊治療の費用が心配", "妊娠線のケア"))
def test_other_words_about_pregnancy_are_not_the_pregnancy_answer(words: str) -> None:
    assert "妊娠SOS" not in said(started(words, now=SUNDAY_1AM))


@pytest.mark.parametrize(
    "words",
    (
        "ひとにそうだんしたい。れんらくはかれしがしごといってるひるまだけにして",
        "れんらくはひるまがいい",
    ),
)
def test_contact_only_in_the_daytime_in_kana_sets_the_time(words: str) -> None:
    chat = started(*P10_START[:1], now=SUNDAY_1AM)
    chat.send(words)
    times = chat.data.get("intake", {}).get("answers", {}).get("contact_times", {})
    assert "weekday_daytime" in str(times), chat.data.get("intake")


def test_kana_contact_refused_sets_no_time() -> None:
    chat = started("れんらくはむり", now=SUNDAY_1AM)
    times = chat.data.get("intake", {}).get("answers", {}).get("contact_times", {})
    assert "weekday_daytime" not in str(times)


def test_a_partner_home_with_fear_is_not_the_short_line() -> None:
    chat = started(*P10_START, now=SUNDAY_1AM)
    chat.send("夫が帰ってきた、怖い")
    assert "閉じて大丈夫" not in said(chat)
